"""``dlgrader demo``: the whole pipeline on the shipped example class, in a throw-away course.

examples/roster.csv is the course's roster and examples/<assignment>/ holds one
notebook per student who handed that assignment in (good, partial, broken,
hostile; examples/make_examples.py says who does what); the demo lays them out
as an nbgrader course, autogrades them in the sandbox, applies the rubric,
writes the gradebook, the grades CSV, the LMS files and the report, and says
where each file is.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .course import folders, gradebook
from .course.grades import Grades, final_grades, grades_with
from .course.roster import read_roster
from .errors import ConfigError
from .grading.batch import AutogradeReport, autograde
from .lms.export import EXPORTS, export
from .material.paths import find_material
from .reports.html import write_report
from .sandbox.isolation import Sandbox
from .sandbox.probe import detect
from .text import Text

MARKER = ".dlgrader-demo"
LMS_FILES = [("canvas", "Canvas CSV"), ("moodle", "Moodle CSV"), ("blackboard", "Blackboard CSV"),
             ("blackboard-xls", "Blackboard XLS (UTF-16)")]
RUBRIC = Path("rubric") / "duoc.yaml"
DEMO_TIMESTAMP = "2026-04-20 10:00:00.000000 UTC"


def _course_dir(out: str | Path | None) -> Path:
    """A new temporary folder, or ``out`` if it is empty or an earlier demo (never someone's own folder)."""
    if out is None:
        path = Path(tempfile.mkdtemp(prefix="dlgrader-demo-"))
    else:
        path = Path(out)
        if path.exists() and any(path.iterdir()):
            if not (path / MARKER).is_file():
                raise ConfigError(Text(
                    f"{path} no está vacía y no es una demo anterior; elige otra carpeta para --out.",
                    f"{path} is not empty and is not an earlier demo; choose another folder for --out."))
            shutil.rmtree(path)
        path.mkdir(parents=True, exist_ok=True)
    (path / MARKER).write_text("built by dlgrader demo; safe to delete\n", encoding="utf-8")
    return path.resolve()


def _roster(folder: Path) -> list[dict]:
    """The course's roster (examples/roster.csv), a class's own students.csv, and whoever has a notebook there."""
    rows = {}
    for path in (folder.parent / "roster.csv", folder / "students.csv"):
        if path.is_file():
            rows.update({r["id"]: r for r in read_roster(path)})
    for nb in sorted(folder.glob("*.ipynb")):
        rows.setdefault(nb.stem, {"id": nb.stem})
    return list(rows.values())


def lay_out_class(course_dir: Path, material, assignment_id: str) -> str:
    """Register the assignment and roster, and put each example where nbgrader collects submissions."""
    assignment = material.assignment(assignment_id)
    examples = material.root / "examples" / assignment_id
    db_url = folders.init_course(course_dir, assignment, assignment.notebook_path)
    gradebook.ensure_students(db_url, _roster(examples))
    for nb in sorted(examples.glob("*.ipynb")):
        target = course_dir / "submitted" / nb.stem / assignment_id
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(nb, target / assignment.notebook)
        (target / "timestamp.txt").write_text(DEMO_TIMESTAMP, encoding="utf-8")
    return db_url


@dataclass
class DemoResult:
    """What the demo built: the course, each class's autograde report, the final grades and the files written."""

    course: Path
    sandbox: Sandbox
    reports: list[AutogradeReport] = field(default_factory=list)
    grades: Grades | None = None  # the final grades under the demo's rubric
    files: list[tuple[Text, Path]] = field(default_factory=list)

    @property
    def failures(self) -> int:
        return sum(len(r.failures) for r in self.reports)


def run_demo(out: str | Path | None = None, *, root=None, jobs: int | None = None, lang: str = "es",
             only: list[str] | None = None, on_start=None, on_class=None) -> DemoResult:
    """Lay out and autograde each example class, then write the grades, the LMS files and the report.

    ``on_start(sandbox, course)`` and ``on_class(report, grades, scale)`` let a caller show progress as it goes.
    """
    material = find_material(root)
    ids = [aid for aid in material.assignment_ids() if (material.root / "examples" / aid).is_dir()]
    for aid in only or []:
        if aid not in ids:
            raise ConfigError(Text(f"No hay una clase de ejemplo para {aid!r}; las hay para: {', '.join(ids)}.",
                                   f"There is no example class for {aid!r}; there are for: {', '.join(ids)}."))
    ids = [aid for aid in ids if not only or aid in only]
    if not ids:
        raise ConfigError(Text(f"No hay ejemplos en {material.root / 'examples'}.",
                               f"There are no examples in {material.root / 'examples'}."))
    result = DemoResult(_course_dir(out), detect())
    course_dir, rubric = result.course, material.root / RUBRIC
    if on_start:
        on_start(result.sandbox, course_dir)
    for aid in ids:
        lay_out_class(course_dir, material, aid)
        report = autograde(aid, course_dir, root=material.root, jobs=jobs, allow_weak_sandbox=True, lang=lang)
        result.reports.append(report)
        if on_class:
            scored, by_student, _ = final_grades(course_dir, rubric, root=material.root)
            on_class(report, by_student, scored.scale)
    result.grades = grades_with(course_dir, rubric, course_dir / "grades_duoc.csv", root=material.root, lang=lang)
    files = [(Text("gradebook (nbgrader)", "gradebook (nbgrader)"), course_dir / "gradebook.db"),
             (Text("notas", "grades"), result.grades.csv)]
    for to, label in LMS_FILES:
        files.append((Text(label, label), export(course_dir, to, rubric=rubric, out=course_dir / f"lms/{EXPORTS[to][1]}",
                                                 root=material.root, identity="username")))
    for aid in ids:
        files.append((Text(f"Gradescope {aid}", f"Gradescope {aid}"),
                      export(course_dir, "gradescope", assignment=aid, lang=lang,
                             out=course_dir / "lms" / "gradescope" / aid)))
    files.append((Text("notebooks calificados", "graded notebooks"), course_dir / "autograded"))
    files.append((Text("informe (HTML)", "report (HTML)"),
                  write_report(course_dir, rubric=rubric, root=material.root, lang=lang)))
    result.files = files
    return result
