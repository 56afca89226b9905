"""What the report pages read, gathered once: the roster, each assignment's manifest, saved results and
gradebook rows, and the grades through the rubric.

Points come from nbgrader's gradebook (the single score store: an instructor's override there wins);
feedback (messages, counterexamples, hints) from the results autograde saved. Never from grader
source or the reference, which nothing here reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..course.gradebook import read_students
from ..course.grades import course_scores, final_grades
from ..course.store import read_results, results_dir
from ..errors import ConfigError
from ..material.manifest import Assignment
from ..material.paths import find_material
from ..results import SubmissionResult
from ..text import Text


@dataclass
class CourseView:
    students: list[dict]  # the gradebook's students (the roster), by last name
    assignments: list[str]  # registered assignment ids, in the course material's order
    manifests: dict[str, Assignment | None]
    titles: dict[str, Text]
    results: dict[str, dict[str, SubmissionResult]]  # assignment -> student -> what autograde saved
    scores: dict[str, dict[str, dict]]  # assignment -> student -> the gradebook's row (course/scores.py)
    maxima: dict[str, float]  # points possible per assignment, written answers included
    rubric: object | None = None
    grades: dict = field(default_factory=dict)  # student -> StudentGrades, with a rubric
    material: object | None = None

    def name(self, sid: str) -> str:
        row = next((s for s in self.students if s["id"] == sid), {})
        full = " ".join(p for p in (row.get("first_name"), row.get("last_name")) if p)
        return full or sid

    def submitted(self, aid: str, sid: str) -> bool:
        return sid in self.results.get(aid, {}) or (self.scores[aid].get(sid) or {}).get("score") is not None

    def points(self, aid: str, sid: str) -> float | None:
        """The gradebook's total (unscored written answers count 0, as nbgrader counts them), None without one."""
        row = self.scores[aid].get(sid) or {}
        return row.get("score")

    def pending(self, aid: str, sid: str) -> float:
        """Points of written answers still waiting for the instructor, in a submission."""
        if not self.submitted(aid, sid):
            return 0.0
        manual = (self.scores[aid].get(sid) or {}).get("manual") or {}
        a = self.manifests.get(aid)
        top = {m.id: m.points for m in a.manual} if a else {}
        return float(sum(top.get(cell, 0.0) for cell, score in manual.items() if score is None))

    def submitters(self, aid: str) -> list[str]:
        return [s["id"] for s in self.students if self.submitted(aid, s["id"])]


def load_view(course_dir: Path, *, rubric=None, root=None, db_url: str | None = None) -> CourseView:
    """Everything the pages show, read once; a course with no saved results is refused with what to do."""
    db_url, scores, known = course_scores(course_dir, db_url)
    graded = [aid for aid in known if results_dir(course_dir, aid).is_dir()]
    if not graded:
        raise ConfigError(Text(f"No hay resultados guardados en {course_dir}; ejecuta dlgrader autograde primero.",
                               f"There are no saved results in {course_dir}; run dlgrader autograde first."))
    try:
        material = find_material(root)
    except ConfigError:
        material = None
    order = material.assignment_ids() if material else []
    ids = sorted(known, key=lambda aid: (order.index(aid) if aid in order else len(order), aid))
    manifests = {aid: material.assignment(aid) if material and aid in order else None for aid in ids}
    titles = {aid: Text(f"{_number(aid)} · {a.title.es}", f"{_number(aid)} · {a.title.en}") if a else Text(aid, aid)
              for aid, a in manifests.items()}
    results = {aid: {r.student: r for r in read_results(course_dir, aid)} if aid in graded else {} for aid in ids}
    view = CourseView(read_students(db_url), ids, manifests, titles, results, scores, known, material=material)
    if rubric:
        view.rubric, view.grades, _ = final_grades(course_dir, rubric, db_url, root)
    return view


def _number(aid: str) -> str:
    """``01_perceptron`` -> ``01``: how the course numbers its assignments (the id itself when it has no number)."""
    head = aid.split("_", 1)[0]
    return head if head.isdigit() else aid
