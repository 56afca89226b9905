"""nbgrader's gradebook as dlgrader's score store, written only through nbgrader's own API.

Checks become nbgrader grade cells (code) and each check's score their auto
score, so nbgrader's formgrader, feedback and ``nbgrader export`` keep working
on grades dlgrader computed. Written answers are markdown grade cells that stay
ungraded until an instructor scores them in formgrader. SQLite by default; any
SQLAlchemy URL works (PostgreSQL when several graders write at once).

This module opens the gradebook and keeps its students; an assignment's cells are
registered by :mod:`.registration`, its scores written and read by :mod:`.scores`.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from datetime import datetime
from pathlib import Path
from typing import Iterable, Mapping

import dateutil.parser
from nbgrader.api import Gradebook, MissingEntry, Student
from nbgrader.utils import parse_utc

from ..errors import ConfigError
from ..material.manifest import Assignment
from ..text import Text

COURSE_ID = "dlgrader"
STUDENT_KEYS = ("id", "first_name", "last_name", "email", "lms_user_id")


def _alembic_on_path() -> None:
    """nbgrader runs the ``alembic`` command to create a database; it sits beside this Python (venv not activated)."""
    if shutil.which("alembic") is None:
        here = str(Path(sys.executable).parent)
        os.environ["PATH"] = here + os.pathsep + os.environ.get("PATH", "")


def open_gradebook(db_url: str, course_id: str = COURSE_ID) -> Gradebook:
    """nbgrader's Gradebook; a new database needs the ``alembic`` command on PATH, said plainly if missing."""
    _alembic_on_path()
    try:
        _create_sqlite_whole(db_url, course_id)
        return Gradebook(db_url, course_id)
    except FileNotFoundError as exc:
        if "alembic" not in str(exc):
            raise
        raise ConfigError(Text(
            "nbgrader necesita el comando alembic para crear el libro de calificaciones; activa el entorno de Python "
            "donde instalaste dlgrader y vuelve a intentarlo.",
            "nbgrader needs the alembic command to create the gradebook; activate the Python environment where "
            "dlgrader is installed and try again.")) from exc


def _create_sqlite_whole(db_url: str, course_id: str) -> None:
    """A new SQLite gradebook appears with its whole schema: built aside, then linked into place.

    formgrader opening the file while nbgrader creates its tables would fail ("table already exists").
    """
    if not db_url.startswith("sqlite:///"):
        return
    path = Path(db_url[len("sqlite:///"):])
    if path.exists() or not path.parent.is_dir():
        return
    aside = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        Gradebook(sqlite_url(aside), course_id).close()
        try:
            os.link(aside, path)  # never replaces a gradebook another process created meanwhile
        except FileExistsError:
            pass
    finally:
        aside.unlink(missing_ok=True)


def sqlite_url(path: str | os.PathLike) -> str:
    """The SQLAlchemy URL of a SQLite file (absolute, forward slashes, so it also works on Windows)."""
    return "sqlite:///" + Path(path).resolve().as_posix()


def notebook_name(assignment: Assignment) -> str:
    """nbgrader names a notebook by its file stem."""
    return Path(assignment.notebook).stem


def parse_timestamp(value: datetime | str) -> datetime:
    """A submission time as nbgrader stores it (naive UTC).

    nbgrader's ``parse_utc`` reads a numeric offset such as ``-0400`` as seconds,
    so those strings go through dateutil; zone names (nbgrader's own
    ``timestamp.txt`` format) still go through nbgrader.
    """
    if isinstance(value, str) and re.search(r"\s[+-]\d{2}:?\d{2}\Z", value.strip()):
        value = dateutil.parser.parse(value)
    return parse_utc(value)


def check_source(check_id: str, title: Text) -> str:
    """The text of the locked cell that stands for a check (graders live outside the notebook)."""
    return f"# {check_id}: {title.es}\n"


def not_registered(assignment_id: str) -> ConfigError:
    return ConfigError(Text(
        f"La tarea {assignment_id!r} no está registrada en el libro de calificaciones; ejecuta primero la inicialización del curso.",
        f"Assignment {assignment_id!r} is not registered in the gradebook; initialise the course first."))


def find_or_add_student(gb: Gradebook, student_id: str) -> Student:
    """The gradebook's student, added (uncommitted) when new."""
    try:
        return gb.find_student(student_id)
    except MissingEntry:
        student = Student(id=student_id)
        gb.db.add(student)
        return student


def ensure_students(db_url: str, rows: Iterable[Mapping], course_id: str = COURSE_ID) -> list[str]:
    """Create or update students from roster rows (keys: id, first_name, last_name, email, lms_user_id).

    Keys a row leaves out keep their stored value; empty strings clear it.
    The whole roster is validated first and written in one transaction.
    """
    rows = [dict(r) for r in rows]
    for n, row in enumerate(rows, 1):
        unknown = sorted(set(row) - set(STUDENT_KEYS))
        if unknown:
            raise ConfigError(Text(f"Estudiante n.º {n}: clave desconocida {unknown[0]!r} (válidas: {', '.join(STUDENT_KEYS)}).",
                                   f"Student #{n}: unknown key {unknown[0]!r} (valid: {', '.join(STUDENT_KEYS)})."))
        if not isinstance(row.get("id"), str) or not row["id"].strip():
            raise ConfigError(Text(f"Estudiante n.º {n}: falta el id.", f"Student #{n}: the id is missing."))
    with open_gradebook(db_url, course_id) as gb:
        try:
            for row in rows:
                student = find_or_add_student(gb, row["id"])
                for key in STUDENT_KEYS[1:]:
                    if key in row:
                        value = row[key]
                        setattr(student, key, None if value in ("", None) else str(value))
                gb.db.flush()
            gb.db.commit()
        except BaseException:
            gb.db.rollback()
            raise
    return [row["id"] for row in rows]


def read_students(db_url: str, course_id: str = COURSE_ID) -> list[dict]:
    """Every student in the gradebook as a dict of STUDENT_KEYS, sorted by last name, first name, id."""
    with open_gradebook(db_url, course_id) as gb:
        out = [{k: getattr(s, k) for k in STUDENT_KEYS} for s in gb.students]
    return sorted(out, key=lambda s: ((s["last_name"] or "").casefold(), (s["first_name"] or "").casefold(), s["id"]))
