"""nbgrader's gradebook as dlgrader's score store, written only through nbgrader's own API.

Checks become nbgrader grade cells (code) and each check's score their auto
score, so nbgrader's formgrader, feedback and ``nbgrader export`` keep working
on grades dlgrader computed. Written answers are markdown grade cells that stay
ungraded until an instructor scores them in formgrader. SQLite by default; any
SQLAlchemy URL works (PostgreSQL when several graders write at once).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Mapping

import dateutil.parser
from nbformat import from_dict
from nbgrader.api import (Comment, Gradebook, Grade, GradeCell, MissingEntry, Student, SubmittedAssignment,
                          SubmittedNotebook)
from nbgrader.utils import compute_checksum, parse_utc

from ..errors import ConfigError
from ..material.manifest import Assignment
from ..material.notebook import read_json_notebook
from ..results import SubmissionResult
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


@dataclass(frozen=True)
class _Cell:
    """What nbgrader's SaveCells would record for one notebook cell."""

    name: str
    cell_type: str
    source: str
    grade: bool = False
    solution: bool = False
    locked: bool = False
    points: float = 0.0
    checksum: str | None = None


def _release_cells(path: Path | None) -> tuple[dict[str, dict], dict]:
    """grade_id -> cell for the nbgrader cells of the release notebook, and its kernelspec."""
    if path is None:
        return {}, {}
    nb, reason = read_json_notebook(Path(path))
    if nb is None:
        raise ConfigError(reason)
    cells: dict[str, dict] = {}
    for cell in nb.get("cells", []):
        meta = (cell.get("metadata") or {}).get("nbgrader") or {}
        flagged = meta.get("grade") or meta.get("solution") or meta.get("task") or meta.get("locked")
        gid = meta.get("grade_id")
        if not flagged or not gid:
            continue
        if gid in cells:
            raise ConfigError(Text(f"{path}: la celda {gid!r} aparece dos veces.",
                                   f"{path}: cell {gid!r} appears twice."))
        cells[gid] = cell
    return cells, (nb.get("metadata") or {}).get("kernelspec") or {}


def _checksum(cell: dict | None) -> str | None:
    if cell is None:
        return None
    meta = cell["metadata"]["nbgrader"]
    if meta.get("checksum"):
        return meta["checksum"]
    try:
        return compute_checksum(from_dict({**cell, "source": _source(cell, "")}))
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def _source(cell: dict | None, default: str) -> str:
    if cell is None:
        return default
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def _cells(assignment: Assignment, release_notebook: Path | None) -> tuple[list[_Cell], dict]:
    """The manifest's cells as nbgrader records them; the release notebook only supplies sources."""
    release, kernelspec = _release_cells(release_notebook)
    ids = {t.id for t in assignment.tasks} | {c.id for c in assignment.checks} | {m.id for m in assignment.manual}
    for gid, cell in release.items():
        meta = cell["metadata"]["nbgrader"]
        if gid not in ids and (meta.get("grade") or meta.get("solution") or meta.get("task")):
            raise ConfigError(Text(
                f"{release_notebook}: la celda calificable {gid!r} no está en assignment.toml; declárala allí "
                "(los puntos se definen solo en el manifiesto).",
                f"{release_notebook}: graded cell {gid!r} is not in assignment.toml; declare it there "
                "(points are defined only in the manifest)."))
    cells = []
    for t in assignment.tasks:
        c = release.get(t.id)
        cells.append(_Cell(t.id, "code", _source(c, ""), solution=True, checksum=_checksum(c)))
    for ch in assignment.checks:
        c = release.get(ch.id)
        cells.append(_Cell(ch.id, "code", _source(c, check_source(ch.id, ch.title)), grade=True, locked=True,
                           points=ch.points, checksum=_checksum(c)))
    for m in assignment.manual:
        c = release.get(m.id)
        cells.append(_Cell(m.id, "markdown", _source(c, ""), grade=True, solution=True, points=m.points,
                           checksum=_checksum(c)))
    for gid, c in release.items():  # locked cells nbgrader would also keep a copy of
        if gid not in ids:
            cells.append(_Cell(gid, c.get("cell_type", "code"), _source(c, ""), locked=True, checksum=_checksum(c)))
    return cells, kernelspec


def _not_registered(assignment_id: str) -> ConfigError:
    return ConfigError(Text(
        f"La tarea {assignment_id!r} no está registrada en el libro de calificaciones; ejecuta primero la inicialización del curso.",
        f"Assignment {assignment_id!r} is not registered in the gradebook; initialise the course first."))


def register_assignment(db_url: str, assignment: Assignment, course_id: str = COURSE_ID, *,
                        release_notebook: str | os.PathLike | None = None) -> None:
    """Create or update the assignment, its notebook and its cells as nbgrader's SaveCells would.

    Idempotent. Once students have submissions, cells can change points but not
    be added or removed (nbgrader refuses the same, since grades hang off cells).
    ``release_notebook`` (default: the manifest's notebook, when it exists)
    supplies the cell sources nbgrader keeps; a graded cell in it that the
    manifest does not declare is an error.
    """
    if release_notebook is None and assignment.notebook_path.is_file():
        release_notebook = assignment.notebook_path
    cells, kernelspec = _cells(assignment, Path(release_notebook) if release_notebook else None)
    aid, nb_name = assignment.id, notebook_name(assignment)
    with open_gradebook(db_url, course_id) as gb:
        gb.update_or_create_assignment(aid, course_id=course_id)
        for old in list(gb.find_assignment(aid).notebooks):
            same = old.name == nb_name
            if old.submissions:
                names = ({c.name for c in old.grade_cells}, {c.name for c in old.solution_cells},
                         {c.name for c in old.source_cells})
                wanted = ({c.name for c in cells if c.grade}, {c.name for c in cells if c.solution},
                          {c.name for c in cells})
                if not same or names != wanted:
                    raise ConfigError(Text(
                        f"La tarea {aid!r} ya tiene entregas: se pueden cambiar puntos, pero no agregar, quitar ni "
                        "renombrar verificaciones, celdas o notebooks.",
                        f"Assignment {aid!r} already has submissions: points may change, but checks, cells and "
                        "notebooks cannot be added, removed or renamed."))
            else:
                gb.remove_notebook(old.name, aid)
        try:
            gb.find_notebook(nb_name, aid)
        except MissingEntry:
            gb.add_notebook(nb_name, aid, kernelspec=json.dumps(kernelspec))
        for c in cells:
            if c.grade:
                gb.update_or_create_grade_cell(c.name, nb_name, aid, max_score=float(c.points), cell_type=c.cell_type)
            if c.solution:
                gb.update_or_create_solution_cell(c.name, nb_name, aid)
            gb.update_or_create_source_cell(c.name, nb_name, aid, cell_type=c.cell_type, locked=c.locked,
                                            source=c.source, checksum=c.checksum)


def _check_result(assignment: Assignment, result: SubmissionResult, registered: Mapping[str, float]) -> None:
    """Refuse a result that does not match the manifest and the gradebook: fail closed, never half-record."""
    if result.assignment != assignment.id:
        raise ConfigError(Text(f"El resultado es de la tarea {result.assignment!r}, no de {assignment.id!r}.",
                               f"The result belongs to assignment {result.assignment!r}, not {assignment.id!r}."))
    got = [c.id for c in result.checks]
    expected = {c.id for c in assignment.checks}
    for cid in got:
        if cid not in expected or cid not in registered:
            raise ConfigError(Text(
                f"La verificación {cid!r} no existe en el libro de calificaciones de {assignment.id!r}; registra de nuevo la tarea.",
                f"Check {cid!r} does not exist in the gradebook of {assignment.id!r}; register the assignment again."))
        if got.count(cid) > 1:
            raise ConfigError(Text(f"La verificación {cid!r} aparece dos veces en el resultado.",
                                   f"Check {cid!r} appears twice in the result."))
    missing = sorted(expected - set(got))
    if missing:
        raise ConfigError(Text(f"Al resultado le falta la verificación {missing[0]!r}.",
                               f"The result lacks check {missing[0]!r}."))
    for c in result.checks:
        if not 0 <= c.points <= registered[c.id] + 1e-9:
            raise ConfigError(Text(
                f"La verificación {c.id!r} tiene {c.points} puntos, fuera de 0–{registered[c.id]}.",
                f"Check {c.id!r} has {c.points} points, outside 0–{registered[c.id]}."))


def _student(gb: Gradebook, student_id: str) -> Student:
    try:
        return gb.find_student(student_id)
    except MissingEntry:
        student = Student(id=student_id)
        gb.db.add(student)
        return student


def _submission(gb: Gradebook, assignment_id: str, student: Student, timestamp) -> SubmittedAssignment:
    """Find the submission or build it, mirroring ``Gradebook.add_submission`` without its commit."""
    try:
        sub = gb.find_submission(assignment_id, student.id)
    except MissingEntry:
        assignment = gb.find_assignment(assignment_id)
        with gb.db.no_autoflush:  # add() last: it cascades to the children (SQLAlchemy 2 has no backref cascade)
            sub = SubmittedAssignment(assignment=assignment, student=student)
            for notebook in assignment.notebooks:
                snb = SubmittedNotebook(notebook=notebook, assignment=sub)
                for cell in notebook.grade_cells:
                    Grade(cell_id=cell.id, notebook=snb)
                for cell in notebook.solution_cells:
                    Comment(cell_id=cell.id, notebook=snb)
                for cell in notebook.task_cells:
                    Comment(cell_id=cell.id, notebook=snb)
                    Grade(cell_id=cell.id, notebook=snb)
            gb.db.add(sub)
    if timestamp is not None:
        sub.timestamp = parse_timestamp(timestamp)
    return sub


def record_submission(db_url: str, assignment: Assignment, result: SubmissionResult, student_id: str,
                      timestamp: datetime | str | None = None, course_id: str = COURSE_ID) -> None:
    """Write each check's points as its auto score, in one transaction; a regrade overwrites.

    Manual (written) cells keep no auto score, so formgrader lists them as
    needing grading; an instructor's manual score on a check is kept and the
    check flagged for review, as nbgrader's own autograder does.
    """
    with open_gradebook(db_url, course_id) as gb:
        write_submission(gb, assignment, result, student_id, timestamp)


def write_submission(gb: Gradebook, assignment: Assignment, result: SubmissionResult, student_id: str,
                     timestamp: datetime | str | None = None) -> None:
    """``record_submission`` through a gradebook kept open: autograde writes a class through one, since
    SQLAlchemy compiles each statement once per open gradebook (~30 ms of CPU a submission otherwise)."""
    aid, nb_name = assignment.id, notebook_name(assignment)
    try:
        notebook = gb.find_notebook(nb_name, aid)
    except MissingEntry:
        gb.db.rollback()
        raise _not_registered(aid) from None
    # one query: after each commit the cells' objects are expired, and reading them back cost one apiece
    cells = (gb.db.query(GradeCell.id, GradeCell.name, GradeCell.max_score)
             .filter(GradeCell.notebook_id == notebook.id, GradeCell.cell_type == "code").all())
    registered = {name: max_score for _, name, max_score in cells}
    try:
        _check_result(assignment, result, registered)
        student = _student(gb, student_id)
        _submission(gb, aid, student, timestamp)
        gb.db.flush()
        names = {cid: name for cid, name, _ in cells}  # Grade.name would load each grade's cell: a query apiece
        submitted = gb.find_submission_notebook(nb_name, aid, student_id)
        grades = {names[g.cell_id]: g for g in submitted.grades if g.cell_id in names}
        for check in result.checks:
            grade = grades[check.id]
            grade.auto_score = float(check.points)
            grade.needs_manual_grade = grade.manual_score is not None
        gb.db.commit()
    except BaseException:
        gb.db.rollback()
        raise


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
                student = _student(gb, row["id"])
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


def _exact(x: float) -> Decimal:
    """A stored float as the decimal it was written as (its shortest repr), so sums do not drift."""
    return Decimal(repr(float(x)))


def _cell_score(grade: Grade) -> float | None:
    """nbgrader's rule (manual beats auto, plus extra credit), but None when nobody has scored the cell."""
    base = grade.manual_score if grade.manual_score is not None else grade.auto_score
    if base is None:
        return None
    return float(_exact(base) + _exact(grade.extra_credit or 0.0))


def read_scores(db_url: str, assignment_id: str, course_id: str = COURSE_ID) -> dict[str, dict]:
    """Per student: score (None without a submission), max_score, per-check scores and review state.

    Every student in the gradebook appears. ``checks`` (code grade cells) and
    ``manual`` (written answers) map each cell to its score, None when nobody
    scored it yet; the total counts unscored cells as 0, as nbgrader does.
    """
    with open_gradebook(db_url, course_id) as gb:
        try:
            assignment = gb.find_assignment(assignment_id)
        except MissingEntry:
            raise _not_registered(assignment_id) from None
        grade_cells = [c for nb in assignment.notebooks for c in nb.grade_cells]
        kinds = {c.name: "checks" if c.cell_type == "code" else "manual" for c in grade_cells}
        max_score = float(sum((_exact(c.max_score) for c in grade_cells), Decimal(0)))

        def empty() -> dict:
            return {kind: {n: None for n, k in kinds.items() if k == kind} for kind in ("checks", "manual")}

        out = {s.id: {"score": None, "max_score": max_score, **empty(), "needs_manual_grade": None,
                      "timestamp": None} for s in gb.students}
        for sub in assignment.submissions:
            row = {"score": None, "max_score": max_score, **empty(),
                   "needs_manual_grade": bool(sub.needs_manual_grade),
                   "timestamp": sub.timestamp.isoformat() if sub.timestamp else None}
            for snb in sub.notebooks:
                for grade in snb.grades:
                    if grade.cell.name in kinds:  # nbgrader task cells are not dlgrader's
                        row[kinds[grade.cell.name]][grade.cell.name] = _cell_score(grade)
            scored = [v for kind in ("checks", "manual") for v in row[kind].values() if v is not None]
            row["score"] = float(sum((_exact(v) for v in scored), Decimal(0)))
            out[sub.student.id] = row
    return out


def registered_assignments(db_url: str, course_id: str = COURSE_ID) -> dict[str, float]:
    """Every assignment in the gradebook with its points possible (written answers included), by id."""
    with open_gradebook(db_url, course_id) as gb:
        return {a.name: float(sum((_exact(c.max_score) for nb in a.notebooks for c in nb.grade_cells), Decimal(0)))
                for a in sorted(gb.assignments, key=lambda a: a.name)}
