"""One autograde at a time per course: a second is refused at once, saying who holds the course."""

from __future__ import annotations

import contextlib
import fcntl
import os
from datetime import datetime
from pathlib import Path

from ..errors import Busy
from ..text import Text


@contextlib.contextmanager
def autograde_lock(course_dir: str | os.PathLike):
    """Hold the course for one autograde at a time; a second one is refused at once, saying who holds it.

    ``flock`` is released by the kernel when the holder dies, so a killed run
    never leaves a stale lock behind.
    """
    path = Path(course_dir) / "dlgrader" / "autograde.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    fh = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the whole run
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "?"
            raise Busy(Text(f"Otro dlgrader autograde está calificando este curso ({holder}); espera a que termine.",
                            f"Another dlgrader autograde is grading this course ({holder}); wait for it to finish.")) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}, {datetime.now().strftime('%Y-%m-%d %H:%M:%S')}")
        fh.flush()
        yield path
    finally:
        fh.close()
