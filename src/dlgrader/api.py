"""The Python API over the grading pipeline: extract -> run in sandbox -> check -> result.

The CLI only parses arguments, calls these functions and renders what they return.
"""

from __future__ import annotations

from pathlib import Path

from .grading.submission import grade_submission
from .material.paths import find_material
from .results import SubmissionResult
from .sandbox.isolation import Sandbox


def grade_file(assignment_id: str, path: str | Path, *, root: str | Path | None = None, sandbox: Sandbox | None = None,
               public_only: bool = False, student: str | None = None, release: Path | None = None,
               replays: bool = False) -> SubmissionResult:
    """Grade one submission with every check (or only the public ones).

    ``replays``: worth it when this process grades many submissions (see grading/replay.py); same verdicts.
    """
    material = find_material(root)
    return grade_submission(material, material.assignment(assignment_id), path, sandbox=sandbox,
                            public_only=public_only, student=student, release=release, replays=replays)


def check_notebook(assignment_id: str, notebook: str | Path | None = None, *,
                   root: str | Path | None = None, student: str | None = None) -> SubmissionResult:
    """A student's own run of the public checks on their saved notebook (``student``: their id, for quiz variants)."""
    material = find_material(root)
    assignment = material.assignment(assignment_id)
    path = Path(notebook) if notebook else assignment.notebook_path
    return grade_file(assignment_id, path, root=material.root, public_only=True, student=student)
