"""``dlgrader export``: the course's grades as the import file of the LMS chosen with ``--to``.

Everything comes from nbgrader's gradebook (scores, the roster) and the rubric (the final grade); each
LMS's module writes its own file's rules, on the columns they share (:mod:`.columns`).
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
from .moodle import write_moodle_csv


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
        write_gradescope_dir(out, read_results(course_dir, assignment), lang)
        return out
    db_url, scores, known = course_scores(course_dir, db_url)
    titles = {aid: f"{aid} {a.title('es')}" for aid, a in course_assignments(root).items()}  # Spanish titles
    r = grades = None
    if rubric:
        r, grades, _ = final_grades(course_dir, rubric, db_url, root)
    zero = r is not None and r.no_submission == "zero"
    columns = [assignment_column(titles.get(aid, aid), _zero_filled(scores[aid]) if zero else scores[aid], known[aid])
               for aid in known]
    if r is not None:
        columns.append(final_grade_column(r, grades))
    options = {"identity": identity} if to == "moodle" else {}
    return writer(out, read_students(db_url), columns, **options)


def _zero_filled(scores: Mapping[str, Mapping]) -> dict[str, dict]:
    return {sid: {**row, "score": 0.0 if row.get("score") is None else row["score"]} for sid, row in scores.items()}
