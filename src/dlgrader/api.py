"""The Python API over the grading pipeline: extract -> run in sandbox -> check -> result.

The CLI only parses arguments, calls these functions and renders what they return.
"""

from __future__ import annotations

from pathlib import Path

from .errors import DlgraderError
from .material.notebook import Program, program_from_cells, program_from_notebook, read_cell_file
from .material.paths import Material, find_material
from .results import SubmissionResult
from .grading.runner import grade_program
from .sandbox.isolation import Sandbox
from .sandbox.probe import detect
from .text import Text


def submission_program(material: Material, assignment_id: str, path: Path, release: Path | None = None) -> Program:
    """The program for a notebook (``.ipynb``) or a percent-format cell file (``.py``).

    Cells a ``.py`` file leaves out keep the release notebook's stub, never the reference.
    """
    assignment = material.assignment(assignment_id)
    release = release or assignment.notebook_path
    path = Path(path)
    if path.suffix == ".py":
        return program_from_cells(read_cell_file(path), release)
    return program_from_notebook(path, release)


def grade_file(assignment_id: str, path: str | Path, *, root: str | Path | None = None, sandbox: Sandbox | None = None,
               public_only: bool = False, student: str | None = None, release: Path | None = None,
               replays: bool = False) -> SubmissionResult:
    """Grade one submission with every check (or only the public ones).

    ``replays``: worth it when this process grades many submissions (see replay.py); same verdicts.
    """
    material = find_material(root)
    assignment = material.assignment(assignment_id)
    path = Path(path)
    if not path.exists():
        raise DlgraderError(Text(f"No existe el archivo {path}.", f"The file {path} does not exist."))
    program = submission_program(material, assignment_id, path, release)
    return grade_program(assignment, program, material=material, sandbox=sandbox or detect(),
                         include_hidden=not public_only, student=student, source=str(path), replays=replays)


def check_notebook(assignment_id: str, notebook: str | Path | None = None, *,
                   root: str | Path | None = None, student: str | None = None) -> SubmissionResult:
    """A student's own run of the public checks on their saved notebook (``student``: their id, for quiz variants)."""
    material = find_material(root)
    assignment = material.assignment(assignment_id)
    path = Path(notebook) if notebook else assignment.notebook_path
    return grade_file(assignment_id, path, root=material.root, public_only=True, student=student)
