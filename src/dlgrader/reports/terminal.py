"""Plain-text rendering for terminals and notebook cells, in the user's language.

A submission's checks (``dlgrader check``/``grade``), the class table of an autograde run, the
final grades table. Everything here renders what it is handed: results, and the grades
:mod:`dlgrader.course.grades` computed from the gradebook; nothing recomputes a score.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from ..course.grades import StudentGrades, marks, shown_final
from ..course.rubric import Rubric
from ..course.scales import chile
from ..results import SubmissionResult
from .submission import HIDDEN, WRITTEN, points
from ..text import Text

STUDENT = Text("Estudiante", "Student")


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


def grades_report(g, lang: str = "es") -> str:
    """The final grades table and where its CSV is (``g``: course.grades.Grades)."""
    return grades_table(g.rubric, g.grades, lang) + "\n\n" + WRITTEN(lang) + str(g.csv)


def doctor_report(d, lang: str = "es") -> str:
    """The machine's isolation layers and, for a course, what nbgrader's tools use there (``d``: api.Doctor)."""
    lines = [f"{Text('nivel de aislamiento', 'isolation level')(lang)}: {d.sandbox.level}"]
    lines += [f"  {'✓' if layer.active else '✗'} {layer.name}: {layer.detail}" for layer in d.sandbox.layers]
    lines += unrated_warnings(d.unrated or {}, lang)
    setup = d.course
    if setup is None:
        return "\n".join(lines)
    if setup["config"] is None:
        return "\n".join(lines + [Text("Esta carpeta no tiene nbgrader_config.py: ejecuta dlgrader autograde en ella "
                                       "primero.", "This folder has no nbgrader_config.py: run dlgrader autograde in "
                                       "it first.")(lang)])
    graded_by = Text("califica con dlgrader", "grades with dlgrader") if setup["dlgrader_autograde"] else \
        Text("NO califica con dlgrader", "does NOT grade with dlgrader")
    rows = [(Text("configuración de nbgrader", "nbgrader configuration"), setup["config"]),
            (Text("carpeta del curso", "course folder"), setup["root"]),
            (Text("libro de calificaciones", "gradebook"), setup["db_url"]),
            (Text("intercambio (exchange)", "exchange"), setup["exchange"]),
            (Text("autograde de nbgrader", "nbgrader's autograde"), graded_by(lang))]
    lines += [f"{label(lang)}: {value}" for label, value in rows]
    if setup["add"]:
        lines.append(Text("Agrega al final de nbgrader_config.py:", "Add at the end of nbgrader_config.py:")(lang))
        lines.append("c = get_config()  # noqa: F821\n" + setup["add"].rstrip("\n"))
    return "\n".join(lines)


def unrated_warnings(missing: Mapping[str, list[str]], lang: str = "es") -> list[str]:
    """One line per rubric that leaves assignments out: they count in no grade of that course."""
    lines = []
    for name, ids in missing.items():
        what = ", ".join(ids)
        lines.append((Text(f"⚠ La rúbrica {name} no incluye {what}: no cuenta en ninguna nota; agrégala a una "
                           "evaluación o a not_graded.",
                           f"⚠ Rubric {name} does not list {what}: it counts in no grade; add it to an evaluation "
                           "or to not_graded.") if len(ids) == 1 else
                      Text(f"⚠ La rúbrica {name} no incluye {what}: no cuentan en ninguna nota; agrégalas a una "
                           "evaluación o a not_graded.",
                           f"⚠ Rubric {name} does not list {what}: they count in no grade; add them to an "
                           "evaluation or to not_graded."))(lang))
    return lines


def demo_header(sandbox, course, lang: str = "es") -> str:
    lines = [Text("Aislamiento: ", "Isolation: ")(lang) + sandbox.level]
    if sandbox.level == "weak":
        lines.append(Text("⚠ Aislamiento débil: la demo sigue porque sus entregas vienen con dlgrader, pero para "
                          "calificar un curso instala bubblewrap (ver dlgrader doctor).",
                          "⚠ Weak isolation: the demo goes on because its submissions ship with dlgrader, but "
                          "install bubblewrap before grading a class (see dlgrader doctor).")(lang))
    lines.append(Text("Curso de demostración: ", "Demo course: ")(lang) + str(course))
    return "\n".join(lines)


def demo_files(result, lang: str = "es") -> str:
    """The demo's closing lines: the final grades and where every file is (``result``: demo.DemoResult)."""
    lines = [grades_report(result.grades, lang)]
    if len(result.reports) > 1:
        lines.append(Text("En esta demo casi cada clase de ejemplo tiene sus propios estudiantes: las tareas que un "
                          "estudiante no entregó cuentan 0 en su nota.",
                          "In this demo nearly every example class has its own students: the assignments a student "
                          "did not submit count 0 in their grade.")(lang))
    labels = [label(lang) for label, _ in result.files]
    width = max(len(label) for label in labels) + 1
    lines += ["", Text("Archivos:", "Files:")(lang)]
    lines += [f"  {(label + ':').ljust(width)} {path}" for label, (_, path) in zip(labels, result.files)]
    lines.append(Text("Prueba: ", "Try: ")(lang) + f"cd {result.course} && nbgrader export")
    return "\n".join(lines)
