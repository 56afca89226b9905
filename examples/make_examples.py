"""Build the demo class in examples/ from the release notebooks: good, partial, broken and hostile submissions.

Each submission is the release notebook with some solution cells replaced by the sources below, so the
examples follow the notebook when it changes. Each assignment's class is ``examples/<assignment>/students.py``
(a STUDENTS list of Submission). Run this from anywhere after editing a notebook or a class:

    python examples/make_examples.py [01_perceptron ...]

It writes ``examples/<assignment>/<student_id>.ipynb`` and ``examples/<assignment>/students.csv`` (the roster,
including students who submitted nothing).
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


@dataclass(frozen=True)
class Submission:
    """One student of the demo class and what their notebook looks like."""

    id: str
    first_name: str
    last_name: str
    what: str  # one line for the reader of this file: what the example exercises
    cells: dict[str, str] = field(default_factory=dict)  # grade_id -> new source of that solution cell
    answer: str | None = None  # the written answer (the manually graded markdown solution cell)
    deleted: tuple[str, ...] = ()  # grade_ids of solution cells the student deleted
    broken_json: bool = False  # the file on disk is not valid JSON
    submitted: bool = True  # False: on the roster, no notebook

    @property
    def email(self) -> str:
        return f"{self.id.replace('_', '.')}@{EMAIL_DOMAIN}"




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
    """Write every example notebook and the roster for one assignment; return the files written."""
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
    roster = out_dir / "students.csv"
    with roster.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["id", "first_name", "last_name", "email"])
        for sub in sorted(examples, key=lambda s: s.id):
            writer.writerow([sub.id, sub.first_name, sub.last_name, sub.email])
    written.append(roster)
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
    for assignment, examples in classes(only=sys.argv[1:]).items():
        for path in build(assignment, examples):
            print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
