"""Each student's grades: the gradebook's scores through the course rubric.

Grades are computed exactly (fractions) and rounded half up only at the end,
because an institution's grade must not depend on binary floating point: 62/100
at 60 % exigencia is exactly 4.15 and must become 4.2, which Python's ``round``
and float arithmetic do not guarantee. Scores are only read here, from nbgrader's
gradebook (the single score store): nothing recomputes a score.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Mapping

from ..errors import ConfigError
from ..material.paths import course_assignments
from ..text import Text
from .folders import db_url_for
from .rubric import HUNDRED, Evaluation, Rubric, load_rubric
from .scales import honours_awarded, round_half_up
from .scores import read_scores, registered_assignments


@dataclass(frozen=True)
class EvaluationGrade:
    """One student's result in one evaluation; points count a missing submission as 0."""

    id: str
    title: Text
    weight: Decimal
    status: str  # "graded", "partial" (only some of its assignments graded so far) or "pending"
    points: Decimal | None = None
    max_points: Decimal | None = None
    percent: Decimal | None = None  # rounded half up to one decimal
    grade: Decimal | None = None
    missing: tuple[str, ...] = ()  # graded assignments this student did not submit
    late: tuple[str, ...] = ()  # assignments whose points the late policy reduced


@dataclass(frozen=True)
class StudentGrades:
    student_id: str
    evaluations: tuple[EvaluationGrade, ...]
    final: Decimal | None  # weighted average of the graded evaluations' grades
    graded_weight: Decimal  # percent of the course that ``final`` covers
    passed: bool | None
    absent: bool = False  # submitted nothing that has been graded (Mexico's NP)

    @property
    def partial(self) -> bool:
        return self.graded_weight != HUNDRED or any(e.status == "partial" for e in self.evaluations)

    @property
    def label(self) -> Text:
        """What to call ``final``: a partial grade must never pass for the course grade."""
        if not self.partial:
            return Text("Nota final", "Final grade")
        w = format(self.graded_weight.normalize(), "f")
        return Text(f"Nota final parcial ({w} % del curso evaluado)", f"Partial final grade ({w} % of the course graded)")


def _score(value) -> Decimal | None:
    """A score as the exact decimal it was written as; read_scores rows (with "score") are accepted too."""
    if isinstance(value, Mapping):
        value = value.get("score")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise TypeError(f"a score must be a number or None, not {value!r}")
    d = value if isinstance(value, Decimal) else Decimal(repr(value) if isinstance(value, float) else value)
    if not d.is_finite():
        raise ValueError(f"a score must be finite, not {value!r}")
    return d


def _evaluation_grade(rubric: Rubric, ev: Evaluation, scores: Mapping[str, Mapping], student: str) -> EvaluationGrade:
    graded = [aid for aid in ev.assignments if aid in scores]
    if not graded:
        return EvaluationGrade(ev.id, ev.title, ev.weight, "pending")
    got = {aid: _score(scores[aid].get(student)) for aid in graded}
    late = ()
    if rubric.late is not None:
        kept = {aid: rubric.late.factor(aid, _timestamp(scores[aid].get(student))) for aid in graded}
        got = {aid: None if v is None else v * kept[aid] for aid, v in got.items()}
        late = tuple(aid for aid in graded if kept[aid] != 1 and got[aid] is not None)
    points = sum((v for v in got.values() if v is not None), Decimal(0))
    top = sum((rubric.max_points[aid] for aid in graded), Decimal(0))
    ratio = min(max(Fraction(points) / Fraction(top), Fraction(0)), Fraction(1))
    return EvaluationGrade(
        ev.id, ev.title, ev.weight, "graded" if len(graded) == len(ev.assignments) else "partial",
        points, top, round_half_up(ratio * 100, 1), rubric.scale.grade(Fraction(points), Fraction(top)),
        tuple(aid for aid, v in got.items() if v is None), late)


def _timestamp(row) -> str | None:
    return row.get("timestamp") if isinstance(row, Mapping) else None


def student_grades(rubric: Rubric, scores: Mapping[str, Mapping]) -> dict[str, StudentGrades]:
    """Every student's evaluation grades and (partial) final grade.

    ``scores`` maps assignment id -> student id -> points (None: no
    submission, counted as 0), or -> a ``read_scores`` row. An assignment
    absent from ``scores`` is not graded yet; an evaluation none of whose
    assignments is graded is pending and left out of the final grade, which
    is then partial and says which share of the course it covers.
    """
    students = sorted({sid for ev in rubric.evaluations for aid in ev.assignments if aid in scores
                       for sid in scores[aid]})
    out = {}
    for sid in students:
        evals = tuple(_evaluation_grade(rubric, ev, scores, sid) for ev in rubric.evaluations)
        done = [e for e in evals if e.grade is not None]
        weight = sum((e.weight for e in done), Decimal(0))
        final = None
        if done:
            final = rubric.scale.rounded(sum((Fraction(e.weight) * Fraction(e.grade) for e in done), Fraction(0))
                                       / Fraction(weight))
        absent = bool(done) and all(set(e.missing) == {a for a in ev.assignments if a in scores}
                                      for e, ev in zip(evals, rubric.evaluations) if e.grade is not None)
        out[sid] = StudentGrades(sid, evals, final, weight, None if final is None else rubric.scale.passed(final),
                                 absent)
    return out


def marks(rubric: Rubric, grades: Mapping[str, StudentGrades]) -> dict[str, Text]:
    """Each student's final mark in words: NP, the class distinction (MH), or the band of the grade.

    A distinction is a class-level decision (a quota of the class), so it is
    only proposed for complete final grades; a tie at the quota is named as
    such for the instructor to decide.
    """
    scale = rubric.scale
    complete = {sid: g.final for sid, g in grades.items() if not g.partial and not g.absent}
    awarded, tied = honours_awarded(scale, complete, class_size=len(grades))
    out = {}
    for sid, g in grades.items():
        band = scale.band(g.final)
        if g.absent and scale.absent:
            out[sid] = Text(scale.absent, scale.absent)
        elif sid in awarded:
            out[sid] = scale.honours.label
        elif sid in tied:
            h = scale.honours.label
            out[sid] = Text(f"{band.label.es if band else ''} (empate por {h.es}: decide el profesor)".strip(),
                            f"{band.label.en if band else ''} (tied for {h.en}: the instructor decides)".strip())
        else:
            out[sid] = band.label if band else Text("", "")
    return out


def course_scores(course_dir: str | Path, db_url: str | None = None) -> tuple[str, dict[str, dict], dict[str, float]]:
    """The gradebook URL, each registered assignment's ``read_scores`` and each one's points possible."""
    course_dir = Path(course_dir)
    if not course_dir.is_dir():
        raise ConfigError(Text(f"No existe la carpeta del curso {course_dir}.", f"The course folder {course_dir} does not exist."))
    db_url = db_url or db_url_for(course_dir)
    if db_url.startswith("sqlite:///") and not Path(db_url[len("sqlite:///"):]).is_file():
        raise ConfigError(Text(f"El curso {course_dir} aún no tiene libro de calificaciones; ejecuta dlgrader autograde primero.",
                               f"The course {course_dir} has no gradebook yet; run dlgrader autograde first."))
    known = registered_assignments(db_url)
    scores = {aid: read_scores(db_url, aid) for aid in known}
    return db_url, scores, known


def final_grades(course_dir: str | Path, rubric_path: str | Path, db_url: str | None = None, root=None):
    """Load the rubric and compute every student's grades.

    The rubric may name assignments the course has not graded yet (known from
    the course material): their evaluations are pending, not an error.
    """
    db_url, scores, known = course_scores(course_dir, db_url)
    points = {aid: a.max_points for aid, a in course_assignments(root).items()}  # the material's, graded or not
    rubric = load_rubric(rubric_path, points | known)
    return rubric, student_grades(rubric, scores), db_url


def shown_final(rubric: Rubric, g: StudentGrades) -> str:
    """The final grade as shown: the scale's mark for no submission (NP) stands in for the number."""
    return rubric.scale.absent if g.absent and rubric.scale.absent else rubric.scale.show(g.final)


@dataclass
class Grades:
    """Every student's grades under a rubric, and the CSV they were written to."""

    rubric: Rubric
    grades: Mapping[str, StudentGrades]
    csv: Path


def grades_with(course_dir: str | Path, rubric_path: str | Path, out: str | Path | None = None, *,
                db_url: str | None = None, root=None, lang: str = "es") -> Grades:
    """Final grades through the rubric, written as CSV (default: ``COURSE/grades_RUBRIC.csv``)."""
    rubric, by_student, _ = final_grades(course_dir, rubric_path, db_url, root)
    path = Path(out) if out else Path(course_dir) / f"grades_{Path(rubric_path).stem}.csv"
    return Grades(rubric, by_student, write_grades_csv(path, rubric, by_student, lang))


def write_grades_csv(out: Path, rubric: Rubric, grades: Mapping[str, StudentGrades], lang: str = "es") -> Path:
    """Per-student grades as CSV: each evaluation's percent and grade, the final grade, its mark (in ``lang``)."""
    words = marks(rubric, grades)
    show = rubric.scale.show
    with out.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["student_id"] + [f"{e.id}_percent" for e in rubric.evaluations]
                   + [f"{e.id}_grade" for e in rubric.evaluations]
                   + ["final_grade", "mark", "course_share_graded", "passed", "late"])
        for sid, g in sorted(grades.items()):
            late = ";".join(aid for e in g.evaluations for aid in e.late)
            w.writerow([sid] + [_one(e.percent) for e in g.evaluations] + [_blank(show(e.grade)) for e in g.evaluations]
                       + [_blank(shown_final(rubric, g)), words[sid](lang), _csv(g.graded_weight),
                          "" if g.passed is None else str(g.passed).lower(), late])
    return out


def _blank(shown: str) -> str:
    return "" if shown == "—" else shown


def _csv(x) -> str:
    return "" if x is None else format(Decimal(x).normalize(), "f")


def _one(x) -> str:
    """Grades and percentages keep their one decimal in files too (1.0, not 1)."""
    return "" if x is None else f"{Decimal(x):.1f}"
