"""Build the demo course in examples/ from the release notebooks: one roster, good, partial, broken and hostile work.

The demo is one course: the students of ROSTER (below) take every assignment. Each assignment's class
(``examples/<assignment>/students.py``, a STUDENTS list of Submission) says what each of them handed in
for it, so every kind of submission the suite grades (complete in two styles, partial, untouched stub,
typical mistakes, syntax error, infinite loop, hostile code, broken file, ...) is some student's work,
and each student has a profile across the course: a spread of grades around the pass line, one student
who stops submitting after the first unit, one who never submits. Each submission is the release notebook
with some solution cells replaced by the sources in students.py, so the examples follow the notebook when
it changes. Run this from anywhere after editing a notebook, a class or the roster:

    python examples/make_examples.py [01_perceptron ...]

It writes ``examples/roster.csv`` (the course roster, what an instructor imports with ``dlgrader roster
import``) and ``examples/<assignment>/<student_id>.ipynb``; a class of students not on the roster (a new
assignment's starter class) gets its own ``examples/<assignment>/students.csv``.
"""

from __future__ import annotations

import copy
import csv
import importlib.util
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # so examples/<assignment>/students.py can import Submission
EMAIL_DOMAIN = "alumnos.example.org"

# The course: id, first name, last name, and who they are across the assignments (for the reader of this file).
ROSTER = [
    ("ana_perez", "Ana", "Pérez", "the strongest: complete and vectorised everywhere"),
    ("bruno_gonzalez", "Bruno", "González", "complete everywhere, written with loops"),
    ("camila_rojas", "Camila", "Rojas", "partial work: finishes most tasks, leaves some out"),
    ("diego_fernandez", "Diego", "Fernández", "hands in the untouched notebooks of unit 1, then stops submitting"),
    ("elena_martinez", "Elena", "Martínez", "a syntax error in one cell of nearly every assignment"),
    ("felipe_soto", "Felipe", "Soto", "infinite loops; the quiz done with an empty USUARIO"),
    ("gabriela_munoz", "Gabriela", "Muñoz", "tries shortcuts (always-equal objects, a copied quiz), misses 02"),
    ("hector_silva", "Héctor", "Silva", "monkeypatches NumPy's comparisons in the worker"),
    ("isabel_torres", "Isabel", "Torres", "renamed functions, partial work and mistakes"),
    ("javier_lopez", "Javier", "López", "broken files and untouched notebooks; misses the quiz"),
    ("karina_vega", "Karina", "Vega", "good work, with a deleted cell here and there"),
    ("sofia_ramirez", "Sofía", "Ramírez", "the typical mistakes of each topic"),
    ("mateo_castro", "Mateo", "Castro", "hunts the disk for the reference in every assignment"),
    ("luis_morales", "Luis", "Morales", "enrolled, never submits"),
]
NAMES = {sid: (first, last) for sid, first, last, _ in ROSTER}


@dataclass(frozen=True)
class Submission:
    """One student's work for one assignment and what the notebook looks like."""

    id: str
    what: str  # one line for the reader of this file: what the example exercises
    cells: dict[str, str] = field(default_factory=dict)  # grade_id -> new source of that solution cell
    answer: str | None = None  # the written answer (the manually graded markdown solution cell)
    deleted: tuple[str, ...] = ()  # grade_ids of solution cells the student deleted
    broken_json: bool = False  # the file on disk is not valid JSON
    submitted: bool = True  # False: on the roster, no notebook
    first_name: str | None = None  # a student not on ROSTER (a new assignment's starter class) names themselves
    last_name: str | None = None

    @property
    def names(self) -> tuple[str, str]:
        return NAMES.get(self.id, (self.first_name or self.id, self.last_name or ""))

    @property
    def email(self) -> str:
        return f"{self.id.replace('_', '.')}@{EMAIL_DOMAIN}"


def check_class(assignment: str, examples: list[Submission]) -> None:
    """A class of the course lists every roster student once (a notebook, or submitted=False); a class of
    students not on the roster is a new assignment's starter class."""
    ids = [s.id for s in examples]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise ValueError(f"{assignment}: listed twice: {dup}")
    on_roster = set(ids) & set(NAMES)
    if on_roster and on_roster != set(NAMES):
        raise ValueError(f"{assignment}: roster students with no entry: {sorted(set(NAMES) - on_roster)}")


def write_roster(root: Path = ROOT) -> Path:
    path = root / "examples" / "roster.csv"
    _write_students(path, [Submission(sid, who) for sid, _, _, who in ROSTER])
    return path


def _write_students(path: Path, students: list[Submission]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["id", "first_name", "last_name", "email"])
        for sub in sorted(students, key=lambda s: s.id):
            writer.writerow([sub.id, *sub.names, sub.email])


# ------------------------------------------------------------------ building

def _grade_id(cell: dict) -> str | None:
    return ((cell.get("metadata") or {}).get("nbgrader") or {}).get("grade_id")


def _is_solution(cell: dict) -> bool:
    return bool(((cell.get("metadata") or {}).get("nbgrader") or {}).get("solution"))


def _lines(text: str) -> list[str]:
    """nbformat's on-disk form of a source: a list of lines, each but the last ending in a newline."""
    return text.splitlines(keepends=True)


def submission_notebook(release: dict, sub: Submission) -> dict:
    """The release notebook with this student's solution cells and answer filled in."""
    nb = copy.deepcopy(release)
    unknown = set(sub.cells) | set(sub.deleted)
    cells = []
    for cell in nb["cells"]:
        gid = _grade_id(cell)
        unknown.discard(gid)
        if gid in sub.deleted:
            continue
        if gid in sub.cells and cell["cell_type"] == "code":
            cell["source"] = _lines(sub.cells[gid].strip("\n"))
        elif cell["cell_type"] == "markdown" and _is_solution(cell) and sub.answer:
            cell["source"] = _lines(sub.answer.strip("\n"))
        cells.append(cell)
    if unknown:
        raise ValueError(f"{sub.id}: no such solution cell in the release notebook: {sorted(unknown)}")
    nb["cells"] = cells
    return nb


def build(assignment: str, examples: list[Submission], root: Path = ROOT) -> list[Path]:
    """Write every example notebook of one assignment (and its own roster, for students not on ROSTER)."""
    release_path = root / "assignments" / assignment / f"{assignment}.ipynb"
    release = json.loads(release_path.read_text(encoding="utf-8"))
    out_dir = root / "examples" / assignment
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("*.ipynb"):
        old.unlink()
    written = []
    for sub in examples:
        if not sub.submitted:
            continue
        text = json.dumps(submission_notebook(release, sub), ensure_ascii=False, indent=1) + "\n"
        if sub.broken_json:
            text = text[: len(text) * 3 // 5]  # a file cut short mid-write, as after a failed sync
        path = out_dir / f"{sub.id}.ipynb"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    check_class(assignment, examples)
    extra, own = [s for s in examples if s.id not in NAMES], out_dir / "students.csv"
    if extra:  # students the course roster does not have
        _write_students(own, extra)
        written.append(own)
    else:
        own.unlink(missing_ok=True)
    return written


def classes(root: Path = ROOT, only: list[str] | None = None) -> dict[str, list[Submission]]:
    """Every ``examples/<assignment>/students.py`` (or only those named): its STUDENTS list, by assignment."""
    found = {}
    for spec in sorted((root / "examples").glob("*/students.py")):
        if only and spec.parent.name not in only:
            continue
        module_spec = importlib.util.spec_from_file_location(f"students_{spec.parent.name}", spec)
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
        found[spec.parent.name] = module.STUDENTS
    return found


def main() -> None:
    """``python examples/make_examples.py [ASSIGNMENT ...]``: rebuild every class, or only the ones named."""
    print(write_roster().relative_to(ROOT))
    for assignment, examples in classes(only=sys.argv[1:]).items():
        for path in build(assignment, examples):
            print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
