"""``dlgrader export``: the course's grades as the import file of the LMS chosen with ``--to``.

Everything comes from nbgrader's gradebook (scores, the roster) and the rubric (the final grade); each
LMS's module writes its own file's rules, on the columns they share (:mod:`.columns`). With
``template`` the LMS's own gradebook download is filled in instead (:mod:`.template`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from ..course.gradebook import read_students
from ..course.grades import course_scores, final_grades
from ..course.store import read_results
from ..errors import ConfigError
from ..material.paths import course_assignments
from ..text import Text
from .blackboard import write_blackboard_csv, write_blackboard_xls
from .canvas import write_canvas_csv
from .columns import assignment_column, final_grade_column
from .gradescope import write_gradescope_dir
from .matching import Roster
from .moodle import write_moodle_csv
from .template import FINAL, FilledTemplate, fill, pick_columns, read_sheet

EXPORTS = {  # --to value -> (writer, default file name)
    "canvas": (write_canvas_csv, "canvas_grades.csv"),
    "moodle": (write_moodle_csv, "moodle_grades.csv"),
    "blackboard": (write_blackboard_csv, "blackboard_grades.csv"),
    "blackboard-xls": (write_blackboard_xls, "blackboard_grades.xls"),
    "gradescope": (None, "gradescope"),
}


def _graded(course_dir, db_url, rubric, root):
    """Scores, points possible, Spanish titles and, with a rubric, the rubric and each student's grades."""
    db_url, scores, known = course_scores(course_dir, db_url)
    titles = {aid: a.title("es") for aid, a in course_assignments(root).items()}
    r = grades = None
    if rubric:
        r, grades, _ = final_grades(course_dir, rubric, db_url, root)
    return db_url, scores, known, titles, r, grades


def export(course_dir, to: str, *, rubric: str | Path | None = None, db_url: str | None = None,
           out: str | Path | None = None, root=None, identity: str = "email", assignment: str | None = None,
           lang: str = "es", template: str | Path | None = None,
           columns: Mapping[str, str] | None = None) -> Path | FilledTemplate:
    """Write the LMS import file: one column per assignment, plus the final grade when a rubric is given.

    A student who submitted nothing gets 0 or "no grade" as the rubric's ``no_submission`` says
    (no grade without a rubric). ``columns`` maps an assignment id (or "final") to a column title or,
    all digits, the LMS's column id. Gradescope takes one ``results.json`` per submission of
    ``assignment`` instead, with every check's points and feedback.
    """
    if to not in EXPORTS:
        raise ConfigError(Text(f"Destino de exportación desconocido: {to} (conocidos: {', '.join(EXPORTS)}).",
                               f"Unknown export target: {to} (known: {', '.join(EXPORTS)})."))
    if template:
        return export_into_template(course_dir, to, template, rubric=rubric, db_url=db_url, out=out, root=root,
                                    columns=columns or {})
    writer, default_name = EXPORTS[to]
    out = Path(out) if out else Path(course_dir) / default_name
    out.parent.mkdir(parents=True, exist_ok=True)
    if to == "gradescope":
        if not assignment:
            raise ConfigError(Text("Para Gradescope indica la tarea con --assignment.",
                                   "For Gradescope, name the assignment with --assignment."))
        write_gradescope_dir(out, read_results(course_dir, assignment), lang)
        return out
    db_url, scores, known, titles, r, grades = _graded(course_dir, db_url, rubric, root)
    given = dict(columns or {})
    unknown = sorted(set(given) - set(known) - ({FINAL} if r is not None else set()))
    if unknown:
        raise ConfigError(Text(f"--column {unknown[0]}=…: no es una tarea calificada ni {FINAL!r} (con --rubric).",
                               f"--column {unknown[0]}=…: neither a graded assignment nor {FINAL!r} (with --rubric)."))
    ids = {k: v for k, v in given.items() if v.strip().isdigit()}
    if ids and to == "moodle":
        raise ConfigError(Text("Moodle no lleva ids de columna en el archivo: da un título, o usa --template.",
                               "Moodle takes no column ids in the file: give a title, or use --template."))
    named = {k: v.strip() for k, v in given.items() if k not in ids}
    zero = r is not None and r.no_submission == "zero"
    cols = [assignment_column(named.get(aid, f"{aid} {titles.get(aid, '')}".strip()),
                              _zero_filled(scores[aid]) if zero else scores[aid], known[aid],
                              ids.get(aid) if to == "canvas" else None) for aid in known]
    if r is not None:
        cols.append(final_grade_column(r, grades, named.get(FINAL), ids.get(FINAL) if to == "canvas" else None))
    keys = [*known, FINAL]
    options = {"identity": identity} if to == "moodle" else {}
    if to.startswith("blackboard"):
        options = {"column_ids": {c.title.strip(): ids[k] for k, c in zip(keys, cols) if k in ids}}
    return writer(out, read_students(db_url), cols, **options)


def export_into_template(course_dir, to: str, template: str | Path, *, rubric=None, db_url=None, out=None, root=None,
                         columns: Mapping[str, str]) -> FilledTemplate:
    """The LMS's own download with dlgrader's grades in the chosen columns; everything else as it came."""
    template = Path(template)
    sheet = read_sheet(template, to)
    db_url, scores, known, titles, r, grades = _graded(course_dir, db_url, rubric, root)
    wanted = {aid: [f"{aid} {titles.get(aid, '')}", titles.get(aid, aid), aid] for aid in known}
    values = {aid: {sid: row.get("score") for sid, row in scores[aid].items()} for aid in known}
    if r is not None:
        final = final_grade_column(r, grades)
        wanted[FINAL] = ["Nota final", "Nota final parcial", "Final grade"]
        values[FINAL] = dict(final.values)
    chosen = pick_columns(sheet, wanted, columns, template.name)
    out = Path(out) if out else Path(course_dir) / "lms" / f"{template.stem}_dlgrader{template.suffix}"
    if out.resolve() == template.resolve():
        raise ConfigError(Text("--out no puede ser la misma plantilla: se escribe una copia y la descarga queda intacta.",
                               "--out cannot be the template itself: a copy is written and the download is kept."))
    zero = r is not None and r.no_submission == "zero"
    result = fill(sheet, to, chosen, values, Roster(read_students(db_url)), zero, out)
    result.no_column = [key for key in wanted if key not in chosen]
    return result


def _zero_filled(scores: Mapping[str, Mapping]) -> dict[str, dict]:
    return {sid: {**row, "score": 0.0 if row.get("score") is None else row["score"]} for sid, row in scores.items()}
