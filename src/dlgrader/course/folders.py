"""An instructor's nbgrader course directory: its layout, the release copy, the submissions in it.

The layout is nbgrader's (``nbgrader_config.py``, ``source/``, ``release/``,
``submitted/<student>/<assignment>/``, ``autograded/``, ``gradebook.db``) so
nbgrader's own tools keep working next to dlgrader. What dlgrader adds lives in
``dlgrader/`` beside them: the saved results (:mod:`.store`) and the lock (:mod:`.lock`).
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path
from typing import Iterator, NamedTuple

from ..errors import ConfigError
from ..material.manifest import Assignment
from ..material.notebook import most_answered
from ..text import Text
from .gradebook import COURSE_ID, parse_timestamp, sqlite_url
from .nbgrader_config import write_config
from .registration import register_assignment



class Submission(NamedTuple):
    """One folder in ``submitted/``: the notebook to grade (None if there is none) and nbgrader's timestamp."""

    student_id: str
    notebook: Path | None
    timestamp: datetime | None


def db_url_for(course_dir: str | os.PathLike) -> str:
    """nbgrader's default gradebook: ``gradebook.db`` at the course root."""
    return sqlite_url(Path(course_dir) / "gradebook.db")


def init_course(course_dir: str | os.PathLike, assignment: Assignment, release_notebook: str | os.PathLike, *,
                course_id: str = COURSE_ID, db_url: str | None = None) -> str:
    """Lay out the course directory for one assignment and register it; returns the gradebook URL.

    ``nbgrader_config.py`` is rewritten only while it still carries dlgrader's
    first line, so an instructor's edits survive. The release notebook goes to
    both ``source/`` and ``release/``: the reference solution never does.
    """
    root = Path(course_dir).resolve()
    release_notebook = Path(release_notebook)
    if not release_notebook.is_file():
        raise ConfigError(Text(f"No existe el notebook de la tarea {release_notebook}.",
                               f"The assignment notebook {release_notebook} does not exist."))
    db_url = db_url or db_url_for(root)
    root.mkdir(parents=True, exist_ok=True)
    write_config(root, course_id, db_url, assignment.root.parent.parent)
    for area in ("source", "release"):
        target = root / area / assignment.id / assignment.notebook
        target.parent.mkdir(parents=True, exist_ok=True)
        if not (target.exists() and target.samefile(release_notebook)):
            shutil.copyfile(release_notebook, target)
    register_assignment(db_url, assignment, course_id, release_notebook=release_notebook)
    return db_url


def release_notebook(course_dir: str | os.PathLike, assignment: Assignment | str) -> Path:
    """The notebook students received: ``release/<aid>/``'s copy, else (given the manifest) the assignment's own."""
    aid = assignment if isinstance(assignment, str) else assignment.id
    folder = Path(course_dir) / "release" / aid
    if not isinstance(assignment, str):
        for candidate in (folder / assignment.notebook, assignment.notebook_path):
            if candidate.is_file():
                return candidate
    found = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))
    if len(found) != 1:
        raise ConfigError(Text(
            f"Se esperaba un notebook en {folder} y hay {len(found)}; inicializa el curso con la tarea {aid}.",
            f"Expected one notebook in {folder}, found {len(found)}; initialise the course with assignment {aid}."))
    return found[0]


def read_timestamp(folder: Path) -> datetime | None:
    """nbgrader's ``timestamp.txt``; an unreadable one counts as absent (it must not stop a batch)."""
    try:
        return parse_timestamp((folder / "timestamp.txt").read_text(encoding="utf-8").strip())
    except (OSError, ValueError, OverflowError, TypeError):
        return None


def iter_submissions(course_dir: str | os.PathLike, assignment_id: str) -> Iterator[Submission]:
    """Each ``submitted/<student>/<assignment_id>/`` folder, by student id.

    With several notebooks (say the Spanish and the English one), the one with
    the most answered solution cells is graded (:func:`notebook.most_answered`).
    """
    root = Path(course_dir)
    submitted = root / "submitted"
    if not submitted.is_dir():
        return
    try:
        release = release_notebook(root, assignment_id)
    except ConfigError:
        release = None  # no release copy to compare with: the first by name
    for student in sorted(p for p in submitted.iterdir() if p.is_dir() and not p.name.startswith(".")):
        folder = student / assignment_id
        if not folder.is_dir():
            continue
        found = sorted(p for p in folder.glob("*.ipynb") if p.is_file() and not p.name.startswith("."))
        chosen = most_answered(found, release, release.name) if release else (found[0] if found else None)
        yield Submission(student.name, chosen, read_timestamp(folder))
