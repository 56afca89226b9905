"""What the instructor reads and uploads: the class table, the final grades, the LMS file.

Everything here reads nbgrader's gradebook (the single score store) and the
rubric; nothing recomputes a score.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path
from typing import Mapping, Sequence

from ..course import folders, gradebook
from ..errors import ConfigError
from ..lms.blackboard import write_blackboard_csv, write_blackboard_xls
from ..lms.canvas import assignment_column, final_grade_column, write_canvas_csv
from ..lms.gradescope import write_gradescope_dir
from ..lms.moodle import write_moodle_csv
from ..material.paths import find_material
from ..results import SubmissionResult
from ..course.scales import chile
from ..course.rubric import StudentGrades, load_rubric, marks, student_grades
from ..text import Text


def _pts(x: float | Decimal | None) -> str:
    return "—" if x is None else f"{float(x):g}"


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
        row = [r.student or "?"] + [_pts(c.points) for c in r.checks] + [f"{_pts(r.score)}/{_pts(r.max_score)}"]
        if grades is not None:
            g = grades.get(r.student or "")
            row.append((scale or chile()).show(g.final) if g else "—")
        rows.append(row)
    lines = _grid(header, rows)
    lines.append("")
    for i, c in enumerate(checks, 1):
        kind = "" if c.public else (" (oculta)" if es else " (hidden)")
        lines.append(f"{i:>3}. [{_pts(c.max_points)} pt] {c.id}{kind}: {c.title(lang)}")
    if manual_points:
        lines.append(f"     + {_pts(manual_points)} pt " + ("de respuestas escritas, que se califican a mano en formgrader "
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


def course_scores(course_dir: str | Path, db_url: str | None = None) -> tuple[str, dict[str, dict], dict[str, float]]:
    """The gradebook URL, each registered assignment's ``read_scores`` and each one's points possible."""
    course_dir = Path(course_dir)
    if not course_dir.is_dir():
        raise ConfigError(Text(f"No existe la carpeta del curso {course_dir}.", f"The course folder {course_dir} does not exist."))
    db_url = db_url or folders.db_url_for(course_dir)
    if db_url.startswith("sqlite:///") and not Path(db_url[len("sqlite:///"):]).is_file():
        raise ConfigError(Text(f"El curso {course_dir} aún no tiene libro de calificaciones; ejecuta dlgrader autograde primero.",
                               f"The course {course_dir} has no gradebook yet; run dlgrader autograde first."))
    known = gradebook.registered_assignments(db_url)
    scores = {aid: gradebook.read_scores(db_url, aid) for aid in known}
    return db_url, scores, known


def final_grades(course_dir: str | Path, rubric_path: str | Path, db_url: str | None = None, root=None):
    """Load the rubric and compute every student's grades.

    The rubric may name assignments the course has not graded yet (known from
    the course material): their evaluations are pending, not an error.
    """
    db_url, scores, known = course_scores(course_dir, db_url)
    rubric = load_rubric(rubric_path, _material_points(root) | known)
    return rubric, student_grades(rubric, scores), db_url


def grades_table(rubric, grades: Mapping[str, StudentGrades], lang: str = "es") -> str:
    """One row per student: each evaluation's grade (— while pending), the (partial) final grade and its mark."""
    es = lang != "en"
    show = rubric.scale.show
    words = marks(rubric, grades)
    header = ["Estudiante" if es else "Student"] + [e.id for e in rubric.evaluations] + ["Final", ""]
    rows = [[sid] + [show(e.grade) for e in g.evaluations] + [_final(rubric, g), words[sid](lang)]
            for sid, g in sorted(grades.items())]
    lines = _grid(header, rows)
    late = sorted({(sid, aid) for sid, g in grades.items() for e in g.evaluations for aid in e.late})
    if late:
        lines += ["", ("Entregas atrasadas (con descuento): " if es else "Late submissions (penalised): ")
                  + ", ".join(f"{sid} ({aid})" for sid, aid in late)]
    if grades:
        lines += ["", next(iter(grades.values())).label(lang)]
    return "\n".join(lines)


def _final(rubric, g: StudentGrades) -> str:
    """The final grade as shown: the scale's mark for no submission (NP) stands in for the number."""
    return rubric.scale.absent if g.absent and rubric.scale.absent else rubric.scale.show(g.final)


def write_grades(course_dir, rubric_path, *, db_url: str | None = None, out: str | Path | None = None,
                 root=None, lang: str = "es") -> str:
    """Write per-student grades as CSV and return the printed table (with where the file is)."""
    rubric, grades, _ = final_grades(course_dir, rubric_path, db_url, root)
    words = marks(rubric, grades)
    out = Path(out) if out else Path(course_dir) / f"grades_{Path(rubric_path).stem}.csv"
    show = rubric.scale.show
    with out.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["student_id"] + [f"{e.id}_percent" for e in rubric.evaluations]
                   + [f"{e.id}_grade" for e in rubric.evaluations]
                   + ["final_grade", "mark", "course_share_graded", "passed", "late"])
        for sid, g in sorted(grades.items()):
            late = ";".join(aid for e in g.evaluations for aid in e.late)
            w.writerow([sid] + [_one(e.percent) for e in g.evaluations] + [_blank(show(e.grade)) for e in g.evaluations]
                       + [_blank(_final(rubric, g)), words[sid](lang), _csv(g.graded_weight),
                          "" if g.passed is None else str(g.passed).lower(), late])
    written = ("Escrito: " if lang != "en" else "Written: ") + str(out)
    return grades_table(rubric, grades, lang) + "\n\n" + written


def _blank(shown: str) -> str:
    return "" if shown == "—" else shown


def _csv(x) -> str:
    return "" if x is None else format(Decimal(x).normalize(), "f")


def _one(x) -> str:
    """Grades and percentages keep their one decimal in files too (1.0, not 1)."""
    return "" if x is None else f"{Decimal(x):.1f}"


EXPORTS = {  # --to value -> (writer, default file name)
    "canvas": (write_canvas_csv, "canvas_grades.csv"),
    "moodle": (write_moodle_csv, "moodle_grades.csv"),
    "blackboard": (write_blackboard_csv, "blackboard_grades.csv"),
    "blackboard-xls": (write_blackboard_xls, "blackboard_grades.xls"),
    "gradescope": (None, "gradescope"),
}


def export(course_dir, to: str, *, rubric: str | Path | None = None, db_url: str | None = None,
           out: str | Path | None = None, root=None, identity: str = "email", assignment: str | None = None,
           lang: str = "es") -> Path:
    """Write the LMS import file: one column per assignment, plus the final grade when a rubric is given.

    A student who submitted nothing gets 0 or a blank as the rubric's
    ``no_submission`` says (a blank without a rubric: the LMS leaves it alone).
    Gradescope takes one ``results.json`` per submission of ``assignment``
    instead, with every check's points and feedback.
    """
    if to not in EXPORTS:
        raise ConfigError(Text(f"Destino de exportación desconocido: {to} (conocidos: {', '.join(EXPORTS)}).",
                               f"Unknown export target: {to} (known: {', '.join(EXPORTS)})."))
    writer, default_name = EXPORTS[to]
    out = Path(out) if out else Path(course_dir) / default_name
    out.parent.mkdir(parents=True, exist_ok=True)
    if to == "gradescope":
        if not assignment:
            raise ConfigError(Text("Para Gradescope indica la tarea con --assignment.",
                                   "For Gradescope, name the assignment with --assignment."))
        write_gradescope_dir(out, folders.read_results(course_dir, assignment), lang)
        return out
    db_url, scores, known = course_scores(course_dir, db_url)
    titles = _titles(root)
    r = grades = None
    if rubric:
        r, grades, _ = final_grades(course_dir, rubric, db_url, root)
    zero = r is not None and r.no_submission == "zero"
    columns = [assignment_column(titles.get(aid, aid), _zero_filled(scores[aid]) if zero else scores[aid], known[aid])
               for aid in known]
    if r is not None:
        columns.append(final_grade_column(r, grades))
    options = {"identity": identity} if to == "moodle" else {}
    return writer(out, gradebook.read_students(db_url), columns, **options)


def _zero_filled(scores: Mapping[str, Mapping]) -> dict[str, dict]:
    return {sid: {**row, "score": 0.0 if row.get("score") is None else row["score"]} for sid, row in scores.items()}


def _course_assignments(root) -> dict:
    """Every assignment of the course material by id, or none when the material is not at hand."""
    try:
        material = find_material(root)
    except ConfigError:
        return {}
    return {aid: material.assignment(aid) for aid in material.assignment_ids()}


def _material_points(root) -> dict[str, float]:
    """Points possible of every assignment in the course material."""
    return {aid: a.max_points for aid, a in _course_assignments(root).items()}


def _titles(root) -> dict[str, str]:
    """Column titles from the assignments' Spanish titles."""
    return {aid: f"{aid} {a.title('es')}" for aid, a in _course_assignments(root).items()}
