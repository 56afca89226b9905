"""Bilingual text: every sentence a student or instructor reads exists in Spanish and English."""

from __future__ import annotations

from dataclasses import dataclass

LANGS = ("es", "en")


@dataclass(frozen=True)
class Text:
    """One message in both languages; Spanish is the default."""

    es: str
    en: str

    def __call__(self, lang: str = "es") -> str:
        return self.en if lang == "en" else self.es

    def format(self, **kwargs) -> "Text":
        return Text(self.es.format(**kwargs), self.en.format(**kwargs))

    def __add__(self, other: "Text") -> "Text":
        return Text(self.es + other.es, self.en + other.en)


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    return lang
