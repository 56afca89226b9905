"""Which roster student an LMS means: by an id first (LMS id, username, e-mail), then by name.

Names are compared without accents, case, spaces or punctuation and in either order ("Pérez, Ana",
"ana perez", Canvas's "pérezana"), because the LMS and the class list rarely spell them alike. A value
that fits two roster students matches neither: a wrong match would give one student another's grade.
"""

from __future__ import annotations

import difflib
import unicodedata
from typing import Iterable, Mapping

from ..text import Text
from .downloads import Uploader


def folded(text: str | None) -> str:
    """Lower case without accents, spaces or punctuation: "Pérez Núñez, Ana" -> "pereznunezana"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c)).casefold()


def full_name(student: Mapping) -> str:
    """First and last name as a person reads them, else the id."""
    name = " ".join(p for p in ((student.get("first_name") or "").strip(), (student.get("last_name") or "").strip()) if p)
    return name or student["id"]


def _ids(student: Mapping) -> set[str]:
    email = (student.get("email") or "").strip()
    values = {student["id"], student.get("lms_user_id") or "", email, email.partition("@")[0] if email else ""}
    return {v.strip().casefold() for v in values if v and v.strip()}


def _names(student: Mapping) -> set[str]:
    first, last = student.get("first_name") or "", student.get("last_name") or ""
    return {n for n in (folded(first + last), folded(last + first)) if n}


class Roster:
    """The course's students (``gradebook.read_students`` dicts), indexed by every id and name they answer to."""

    def __init__(self, students: Iterable[Mapping]):
        self.students = {s["id"]: dict(s) for s in students}
        self.by_id: dict[str, set[str]] = {}
        self.by_name: dict[str, set[str]] = {}
        for sid, s in self.students.items():
            for key in _ids(s):
                self.by_id.setdefault(key, set()).add(sid)
            for key in _names(s):
                self.by_name.setdefault(key, set()).add(sid)

    def __bool__(self) -> bool:
        return bool(self.students)

    def match(self, who: Uploader) -> tuple[str | None, Text | None]:
        """The student id, or None and why (no match, or a value two students share)."""
        for value in who.ids:
            found = self.by_id.get(value.strip().casefold(), set())
            if len(found) == 1:
                return next(iter(found)), None
            if len(found) > 1:
                return None, _shared(value, found)
        for name in who.names:
            found = self.by_name.get(folded(name), set())
            if len(found) == 1:
                return next(iter(found)), None
            if len(found) > 1:
                return None, _shared(name, found)
        return None, Text("no coincide con nadie de la lista", "matches nobody on the roster")

    def closest(self, who: Uploader, n: int = 3) -> list[str]:
        """The roster names nearest to what the LMS wrote, as "Ana Pérez (ana_perez)"."""
        wanted = [folded(x) for x in (*who.names, *who.ids, who.label) if folded(x)]
        scored = []
        for sid, s in self.students.items():
            keys = _names(s) | {folded(v) for v in _ids(s)}
            best = max((difflib.SequenceMatcher(None, w, k).ratio() for w in wanted for k in keys if k), default=0)
            scored.append((best, sid))
        return [f"{full_name(self.students[sid])} ({sid})" for score, sid in sorted(scored, reverse=True)[:n]
                if score >= 0.6]


def _shared(value: str, students: set[str]) -> Text:
    who = ", ".join(sorted(students))
    return Text(f"«{value}» corresponde a varios estudiantes ({who})", f"{value!r} fits several students ({who})")
