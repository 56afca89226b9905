"""``dlgrader demo``: the whole pipeline on the shipped example class, in a throw-away course.

examples/<assignment>/ holds one notebook per student (good, partial, broken,
hostile) and a roster; the demo lays them out as an nbgrader course, autogrades
them in the sandbox, applies the rubric, writes the gradebook, the grades CSV
and the Canvas CSV, and says where each file is.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from .course import folders, gradebook
from .course.grades import final_grades
from .course.roster import read_roster
from .errors import ConfigError
from .grading.batch import autograde
from .lms.export import EXPORTS, export
from .material.paths import find_material
from .reports.html import write_report
from .reports.terminal import autograde_summary, write_grades
from .sandbox.isolation import WEAK
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
    path = folder / "students.csv"
    if not path.is_file():
        return [{"id": p.stem} for p in sorted(folder.glob("*.ipynb"))]
    return read_roster(path)


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


def run_demo(out: str | Path | None = None, root=None, jobs: int | None = None, lang: str = "es",
             only: list[str] | None = None) -> int:
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
    sandbox = detect()
    print(Text("Aislamiento: ", "Isolation: ")(lang) + sandbox.level)
    if sandbox.level == WEAK:
        print(Text("⚠ Aislamiento débil: la demo sigue porque sus entregas vienen con dlgrader, pero para calificar "
                   "un curso instala bubblewrap (ver dlgrader doctor).",
                   "⚠ Weak isolation: the demo goes on because its submissions ship with dlgrader, but install "
                   "bubblewrap before grading a class (see dlgrader doctor).")(lang))
    course_dir = _course_dir(out)
    print(Text("Curso de demostración: ", "Demo course: ")(lang) + str(course_dir))
    rubric = material.root / RUBRIC
    failures = 0
    for aid in ids:
        lay_out_class(course_dir, material, aid)
        report = autograde(aid, course_dir, root=material.root, jobs=jobs, allow_weak_sandbox=True, lang=lang)
        failures += len(report.failures)
        scored, grades, _ = final_grades(course_dir, rubric, root=material.root)
        print()
        print(autograde_summary(report, lang, grades=grades, scale=scored.scale))
    print()
    print(write_grades(course_dir, rubric, out=course_dir / "grades_duoc.csv", root=material.root, lang=lang))
    if len(ids) > 1:
        print(Text("En esta demo casi cada clase de ejemplo tiene sus propios estudiantes: las tareas que un "
                   "estudiante no entregó cuentan 0 en su nota.",
                   "In this demo nearly every example class has its own students: the assignments a student did "
                   "not submit count 0 in their grade.")(lang))
    files = [("gradebook (nbgrader)", course_dir / "gradebook.db"),
             (Text("notas", "grades")(lang), course_dir / "grades_duoc.csv")]
    for to, label in LMS_FILES:
        files.append((label, export(course_dir, to, rubric=rubric, out=course_dir / f"lms/{EXPORTS[to][1]}",
                                    root=material.root, identity="username")))
    for aid in ids:
        files.append((f"Gradescope {aid}", export(course_dir, "gradescope", assignment=aid, lang=lang,
                                                  out=course_dir / "lms" / "gradescope" / aid)))
    files.append((Text("notebooks calificados", "graded notebooks")(lang), course_dir / "autograded"))
    files.append((Text("informe (HTML)", "report (HTML)")(lang),
                  write_report(course_dir, rubric=rubric, root=material.root, lang=lang)))
    print()
    print(Text("Archivos:", "Files:")(lang))
    width = max(len(label) for label, _ in files) + 1
    for label, path in files:
        print(f"  {(label + ':').ljust(width)} {path}")
    print(Text("Prueba: ", "Try: ")(lang) + f"cd {course_dir} && nbgrader export")
    return 5 if failures else 0

