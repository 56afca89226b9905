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


class Interrupted(KeyboardInterrupt):
    """A run stopped by Ctrl+C, SIGTERM or SIGHUP (``signum``); ``done``: the submissions it graded and kept.

    A KeyboardInterrupt, so nothing that catches Exception on its way out mistakes it for a failure.
    """

    def __init__(self, signum: int = 2, done: int | None = None):
        super().__init__(signum, done)
        self.signum, self.done = signum, done
        self.exit_code = 128 + signum  # as a shell reports a process ended by that signal

    def message(self, lang: str = "es") -> str:
        if self.done is None:
            return Text("interrumpido", "interrupted")(lang)
        return Text(f"interrumpido: {self.done} entregas calificadas y guardadas; vuelve a ejecutar el mismo "
                    "comando para calificar el resto",
                    f"interrupted: {self.done} submissions graded and saved; run the same command again to grade "
                    "the rest")(lang)
