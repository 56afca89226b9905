"""Plain-text rendering for terminals and notebook cells, in the user's language.

A submission's checks (``dlgrader check``/``grade``), the class table of an autograde run, the
final grades table. Everything here renders what it is handed: results, and the grades
:mod:`dlgrader.course.grades` computed from the gradebook; nothing recomputes a score.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Mapping, Sequence

from ..course.grades import StudentGrades, final_grades, marks, shown_final, write_grades_csv
from ..course.rubric import Rubric
from ..course.scales import chile
from ..results import SubmissionResult
from ..text import Text

HIDDEN = Text(" (oculta)", " (hidden)")  # after a hidden check's title
STUDENT = Text("Estudiante", "Student")
WRITTEN = Text("Escrito: ", "Written: ")  # before the path of a file written


def points(x: float | Decimal | None) -> str:
    """Points as people write them (1, 0.5, 2.25); — when there are none."""
    return "—" if x is None else f"{float(x):g}"


def submission_report(result: SubmissionResult, lang: str = "es", *, public_only: bool = False) -> str:
    lines = []
    for p in result.problems:
        lines.append("⚠ " + p(lang))
    if result.problems:
        lines.append("")
    for c in result.checks:
        mark = "✓" if c.passed else "✗"
        kind = "" if c.public else HIDDEN(lang)
        lines.append(f"{mark} {c.title(lang)}{kind} — {points(c.points)}/{points(c.max_points)}")
        if not c.passed:
            for fl in c.feedback(lang).splitlines():
                lines.append(f"    {fl}")
    lines.append("")
    lines.append(Text("Puntaje", "Score")(lang) + f": {points(result.score)}/{points(result.max_score)}")
    if public_only:
        lines.append(Text("Estas son solo las verificaciones públicas; al entregar, verificaciones ocultas revisarán "
                          "más casos.",
                          "These are only the public checks; after you submit, hidden checks test more cases.")(lang))
    return "\n".join(lines)


def _grid(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Left-aligned first column, right-aligned others, widths from the content."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    out = []
    for r in [header, *rows]:
        cells = [str(r[0]).ljust(widths[0])] + [str(v).rjust(w) for v, w in zip(r[1:], widths[1:])]
        out.append("  ".join(cells).rstrip())
    return out


def class_table(results: Sequence[SubmissionResult], lang: str = "es", *,
                grades: Mapping[str, StudentGrades] | None = None, scale=None, manual_points: float = 0) -> str:
    """Students × checks (points earned per check), total, and the scale grade when a rubric gave one.

    Checks are numbered columns with a legend below, so the table stays
    readable with twenty checks; problems (broken file, renamed function)
    follow as one line per student.
    """
    if not results:
        return Text("No hay entregas.", "No submissions.")(lang)
    checks = results[0].checks
    header = [STUDENT(lang)] + [str(i) for i in range(1, len(checks) + 1)] + ["Total"]
    if grades is not None:
        header.append(Text("Nota", "Grade")(lang))
    rows = []
    for r in results:
        row = [r.student or "?"] + [points(c.points) for c in r.checks] + [f"{points(r.score)}/{points(r.max_score)}"]
        if grades is not None:
            g = grades.get(r.student or "")
            row.append((scale or chile()).show(g.final) if g else "—")
        rows.append(row)
    lines = _grid(header, rows)
    lines.append("")
    for i, c in enumerate(checks, 1):
        kind = "" if c.public else HIDDEN(lang)
        lines.append(f"{i:>3}. [{points(c.max_points)} pt] {c.id}{kind}: {c.title(lang)}")
    if manual_points:
        lines.append(f"     + {points(manual_points)} pt " + Text(
            "de respuestas escritas, que se califican a mano en formgrader (cuentan 0 en la nota hasta entonces).",
            "of written answers, graded by hand in formgrader (they count 0 in the grade until then).")(lang))
    notes = [(r.student, p(lang)) for r in results for p in r.problems[:1]]
    if notes:
        lines.append("")
        lines.append(Text("Problemas:", "Problems:")(lang))
        lines += [f"  {sid}: {why}" for sid, why in notes]
    return "\n".join(lines)


def autograde_summary(report, lang: str = "es", *, grades: Mapping[str, StudentGrades] | None = None,
                      scale=None) -> str:
    """The class table plus throughput, where the scores went, and students that could not be graded."""
    lines = [class_table(report.results, lang, grades=grades, scale=scale, manual_points=report.manual_points), ""]
    n, seconds, rate = report.graded, report.seconds, report.per_minute
    lines.append(Text(f"{n} entregas calificadas en {seconds:.1f} s ({rate:.1f} por minuto).",
                      f"{n} submissions graded in {seconds:.1f} s ({rate:.1f} per minute).")(lang))
    if report.skipped:
        k = len(report.skipped)
        lines.append(Text(f"{k} sin cambios desde su calificación anterior no se volvieron a calificar "
                          "(usa --force para hacerlo).",
                          f"{k} unchanged since they were graded were not graded again "
                          "(use --force to regrade them).")(lang))
    lines.append(Text("Libro de calificaciones: ", "Gradebook: ")(lang) + report.db_url)
    for sid, why in sorted(report.failures.items()):
        lines.append(Text(f"✗ {sid}: no se pudo calificar ({why}); vuelve a ejecutar autograde para reintentar.",
                          f"✗ {sid}: could not be graded ({why}); run autograde again to retry.")(lang))
    return "\n".join(lines)


def grades_table(rubric: Rubric, grades: Mapping[str, StudentGrades], lang: str = "es") -> str:
    """One row per student: each evaluation's grade (— while pending), the (partial) final grade and its mark."""
    show = rubric.scale.show
    words = marks(rubric, grades)
    header = [STUDENT(lang)] + [e.id for e in rubric.evaluations] + ["Final", ""]
    rows = [[sid] + [show(e.grade) for e in g.evaluations] + [shown_final(rubric, g), words[sid](lang)]
            for sid, g in sorted(grades.items())]
    lines = _grid(header, rows)
    late = sorted({(sid, aid) for sid, g in grades.items() for e in g.evaluations for aid in e.late})
    if late:
        lines += ["", Text("Entregas atrasadas (con descuento): ", "Late submissions (penalised): ")(lang)
                  + ", ".join(f"{sid} ({aid})" for sid, aid in late)]
    if grades:
        lines += ["", next(iter(grades.values())).label(lang)]
    return "\n".join(lines)


def write_grades(course_dir, rubric_path, *, db_url: str | None = None, out: str | Path | None = None,
                 root=None, lang: str = "es") -> str:
    """Write per-student grades as CSV and return the printed table (with where the file is)."""
    rubric, grades, _ = final_grades(course_dir, rubric_path, db_url, root)
    out = write_grades_csv(Path(out) if out else Path(course_dir) / f"grades_{Path(rubric_path).stem}.csv",
                           rubric, grades, lang)
    return grades_table(rubric, grades, lang) + "\n\n" + WRITTEN(lang) + str(out)
