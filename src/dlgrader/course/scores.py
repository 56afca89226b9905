"""Scores in nbgrader's gradebook: each check's points written as its auto score, and read back per student.

Read back the way nbgrader totals them (a manual score beats the auto score, extra credit added), but
exactly: a stored float is taken as the decimal it was written as, so sums never drift.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Mapping

from nbgrader.api import (Comment, Gradebook, Grade, GradeCell, MissingEntry, Student, SubmittedAssignment,
                          SubmittedNotebook)

from ..errors import ConfigError
from ..material.manifest import Assignment
from ..results import SubmissionResult
from ..text import Text
from .gradebook import COURSE_ID, find_or_add_student, not_registered, notebook_name, open_gradebook, parse_timestamp


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
    SQLAlchemy compiles each statement once per open gradebook (README, "Performance")."""
    aid, nb_name = assignment.id, notebook_name(assignment)
    try:
        notebook = gb.find_notebook(nb_name, aid)
    except MissingEntry:
        gb.db.rollback()
        raise not_registered(aid) from None
    # one query: after each commit the cells' objects are expired, and reading them back cost one apiece
    cells = (gb.db.query(GradeCell.id, GradeCell.name, GradeCell.max_score)
             .filter(GradeCell.notebook_id == notebook.id, GradeCell.cell_type == "code").all())
    registered = {name: max_score for _, name, max_score in cells}
    try:
        _check_result(assignment, result, registered)
        student = find_or_add_student(gb, student_id)
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
    ``comments``: formgrader's comment on each written answer that has one.
    """
    with open_gradebook(db_url, course_id) as gb:
        try:
            assignment = gb.find_assignment(assignment_id)
        except MissingEntry:
            raise not_registered(assignment_id) from None
        grade_cells = [c for nb in assignment.notebooks for c in nb.grade_cells]
        kinds = {c.name: "checks" if c.cell_type == "code" else "manual" for c in grade_cells}
        max_score = float(sum((_exact(c.max_score) for c in grade_cells), Decimal(0)))

        def empty() -> dict:
            return {kind: {n: None for n, k in kinds.items() if k == kind} for kind in ("checks", "manual")}

        out = {s.id: {"score": None, "max_score": max_score, **empty(), "needs_manual_grade": None,
                      "timestamp": None, "comments": {}} for s in gb.students}
        for sub in assignment.submissions:
            row = {"score": None, "max_score": max_score, **empty(),
                   "needs_manual_grade": bool(sub.needs_manual_grade),
                   "timestamp": sub.timestamp.isoformat() if sub.timestamp else None, "comments": {}}
            for snb in sub.notebooks:
                for grade in snb.grades:
                    if grade.cell.name in kinds:  # nbgrader task cells are not dlgrader's
                        row[kinds[grade.cell.name]][grade.cell.name] = _cell_score(grade)
                for comment in snb.comments:  # formgrader's comment on a written answer (its solution cell)
                    if kinds.get(comment.name) == "manual" and comment.comment:
                        row["comments"][comment.name] = comment.comment
            scored = [v for kind in ("checks", "manual") for v in row[kind].values() if v is not None]
            row["score"] = float(sum((_exact(v) for v in scored), Decimal(0)))
            out[sub.student.id] = row
    return out


def registered_assignments(db_url: str, course_id: str = COURSE_ID) -> dict[str, float]:
    """Every assignment in the gradebook with its points possible (written answers included), by id."""
    with open_gradebook(db_url, course_id) as gb:
        return {a.name: float(sum((_exact(c.max_score) for nb in a.notebooks for c in nb.grade_cells), Decimal(0)))
                for a in sorted(gb.assignments, key=lambda a: a.name)}
