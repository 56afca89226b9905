"""Grade one submitted file: the pipeline's steps in order, extract -> run in the sandbox -> check -> result.

What :func:`dlgrader.api.grade_file` and a grading process (:mod:`.task`) both run, so a submission gets
the same verdicts whoever asked.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DlgraderError
from ..material.manifest import Assignment
from ..material.notebook import Program, program_from_cells, program_from_notebook, read_cell_file
from ..material.paths import Material
from ..results import SubmissionResult
from ..sandbox.budget import Budget
from ..sandbox.isolation import Sandbox
from ..sandbox import probe
from ..text import Text
from .recordings import replay_table
from .runner import GRADING_LOCK, grade_program


def submission_program(assignment: Assignment, path: Path, release: Path | None = None) -> Program:
    """The program for a notebook (``.ipynb``) or a percent-format cell file (``.py``).

    Cells a ``.py`` file leaves out keep the release notebook's stub, never the reference.
    """
    release = release or assignment.notebook_path
    path = Path(path)
    if path.suffix == ".py":
        return program_from_cells(read_cell_file(path), release)
    return program_from_notebook(path, release)


def grade_submission(material: Material, assignment: Assignment, path: str | Path, *, sandbox: Sandbox | None = None,
                     public_only: bool = False, student: str | None = None, release: Path | None = None,
                     replays: bool = False, budget: Budget | None = None) -> SubmissionResult:
    """Grade one submission with every check (or only the public ones).

    ``replays``: replay the reference's examples (:mod:`.recordings`), worth it when this process grades
    many submissions; the verdicts are the same. ``budget``: its time, when the caller may stop it (a Dask node).
    """
    path = Path(path)
    if not path.exists():
        raise DlgraderError(Text(f"No existe el archivo {path}.", f"The file {path} does not exist."))
    saved_at = path.stat().st_mtime
    program = submission_program(assignment, path, release)
    sandbox = sandbox or probe.detect()
    with GRADING_LOCK:  # a table is recorded once per process, by one thread (a Dask node's)
        table = replay_table(assignment, material, sandbox) if replays and not public_only else None
        result = grade_program(assignment, program, material=material, sandbox=sandbox,
                               include_hidden=not public_only, student=student, source=str(path), table=table,
                               budget=budget)
    result.saved_at = saved_at
    return result
