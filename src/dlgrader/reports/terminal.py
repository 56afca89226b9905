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


def points(x: float | Decimal | None) -> str:
    """Points as people write them (1, 0.5, 2.25); — when there are none."""
    return "—" if x is None else f"{float(x):g}"


def submission_report(result: SubmissionResult, lang: str = "es", *, public_only: bool = False) -> str:
    es = lang != "en"
    lines = []
    for p in result.problems:
        lines.append(("⚠ " if es else "⚠ ") + p(lang))
    if result.problems:
        lines.append("")
    for c in result.checks:
        mark = "✓" if c.passed else "✗"
        kind = "" if c.public else (" (oculta)" if es else " (hidden)")
        lines.append(f"{mark} {c.title(lang)}{kind} — {points(c.points)}/{points(c.max_points)}")
        if not c.passed:
            for fl in c.feedback(lang).splitlines():
                lines.append(f"    {fl}")
    lines.append("")
    total = ("Puntaje" if es else "Score") + f": {points(result.score)}/{points(result.max_score)}"
    lines.append(total)
    if public_only:
        lines.append("Estas son solo las verificaciones públicas; al entregar, verificaciones ocultas revisarán más casos."
                     if es else "These are only the public checks; after you submit, hidden checks test more cases.")
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
    es = lang != "en"
    if not results:
        return "No hay entregas." if es else "No submissions."
    checks = results[0].checks
    header = ["Estudiante" if es else "Student"] + [str(i) for i in range(1, len(checks) + 1)] + ["Total"]
    if grades is not None:
        header.append("Nota" if es else "Grade")
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
        kind = "" if c.public else (" (oculta)" if es else " (hidden)")
        lines.append(f"{i:>3}. [{points(c.max_points)} pt] {c.id}{kind}: {c.title(lang)}")
    if manual_points:
        lines.append(f"     + {points(manual_points)} pt " + ("de respuestas escritas, que se califican a mano en formgrader "
                                                       "(cuentan 0 en la nota hasta entonces)." if es else
                                                       "of written answers, graded by hand in formgrader "
                                                       "(they count 0 in the grade until then)."))
    notes = [(r.student, p(lang)) for r in results for p in r.problems[:1]]
    if notes:
        lines.append("")
        lines.append("Problemas:" if es else "Problems:")
        lines += [f"  {sid}: {why}" for sid, why in notes]
    return "\n".join(lines)


def autograde_summary(report, lang: str = "es", *, grades: Mapping[str, StudentGrades] | None = None,
                      scale=None) -> str:
    """The class table plus throughput, where the scores went, and students that could not be graded."""
    es = lang != "en"
    lines = [class_table(report.results, lang, grades=grades, scale=scale, manual_points=report.manual_points), ""]
    n = report.graded
    lines.append((f"{n} entregas calificadas en {report.seconds:.1f} s ({report.per_minute:.1f} por minuto)." if es
                  else f"{n} submissions graded in {report.seconds:.1f} s ({report.per_minute:.1f} per minute)."))
    if report.skipped:
        k = len(report.skipped)
        lines.append(f"{k} sin cambios desde su calificación anterior no se volvieron a calificar (usa --force para hacerlo)."
                     if es else f"{k} unchanged since they were graded were not graded again (use --force to regrade them).")
    lines.append(("Libro de calificaciones: " if es else "Gradebook: ") + report.db_url)
    for sid, why in sorted(report.failures.items()):
        lines.append((f"✗ {sid}: no se pudo calificar ({why}); vuelve a ejecutar autograde para reintentar."
                      if es else f"✗ {sid}: could not be graded ({why}); run autograde again to retry."))
    return "\n".join(lines)


def grades_table(rubric: Rubric, grades: Mapping[str, StudentGrades], lang: str = "es") -> str:
    """One row per student: each evaluation's grade (— while pending), the (partial) final grade and its mark."""
    es = lang != "en"
    show = rubric.scale.show
    words = marks(rubric, grades)
    header = ["Estudiante" if es else "Student"] + [e.id for e in rubric.evaluations] + ["Final", ""]
    rows = [[sid] + [show(e.grade) for e in g.evaluations] + [shown_final(rubric, g), words[sid](lang)]
            for sid, g in sorted(grades.items())]
    lines = _grid(header, rows)
    late = sorted({(sid, aid) for sid, g in grades.items() for e in g.evaluations for aid in e.late})
    if late:
        lines += ["", ("Entregas atrasadas (con descuento): " if es else "Late submissions (penalised): ")
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
    written = ("Escrito: " if lang != "en" else "Written: ") + str(out)
    return grades_table(rubric, grades, lang) + "\n\n" + written
