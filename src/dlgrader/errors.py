"""The one family of user-facing errors; the CLI catches it and prints one sentence."""

from __future__ import annotations

from .text import Text


class DlgraderError(Exception):
    """A problem the user can fix: bad input, missing file, unsafe machine."""

    exit_code = 2

    def __init__(self, text: Text):
        super().__init__(text.en)
        self.text = text

    def __reduce__(self):  # raised in a grading process or on a Dask node, re-raised in the caller
        return type(self), (self.text,)

    def message(self, lang: str = "es") -> str:
        return self.text(lang)


class UnsafeSandbox(DlgraderError):
    exit_code = 3


class ConfigError(DlgraderError):
    """A manifest, rubric or course directory that does not add up."""

    exit_code = 4


class BadArchive(DlgraderError):
    """An LMS download that is unsafe or unreadable (path traversal, symlink, zip bomb, ...): nothing is written."""

    exit_code = 2


class Busy(DlgraderError):
    """Another dlgrader process holds the course (an autograde already running)."""

    exit_code = 6
