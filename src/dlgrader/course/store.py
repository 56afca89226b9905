"""Each submission's full result (feedback, counterexamples), kept by autograde for reports and exports.

The gradebook keeps only points; the report pages and Gradescope's files need the feedback too. Each
result is saved with its submission's fingerprint, so a later run knows what it need not grade again.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime
from pathlib import Path

from ..errors import ConfigError
from ..material.notebook import MAX_NOTEBOOK_BYTES
from ..results import SubmissionResult
from ..text import Text


def results_dir(course_dir: str | os.PathLike, assignment_id: str) -> Path:
    """Where autograde keeps each submission's full result (feedback, counterexamples) for reports and exports.

    It sits outside nbgrader's folders, so nbgrader never hands it to a student.
    """
    return Path(course_dir) / "dlgrader" / "results" / assignment_id


def fingerprint(notebook: Path | None, timestamp: datetime | None) -> str:
    """What identifies a submission's content: its bytes and nbgrader's timestamp (a resubmission changes one).

    A file over the size limit is refused for its size alone, so its size identifies it: reading a
    hostile 3 GB notebook into memory to hash it would cost the instructor's process 3 GB and seconds.
    """
    if notebook is None:
        digest = "no-notebook"
    elif (size := notebook.stat().st_size) > MAX_NOTEBOOK_BYTES:
        digest = f"oversized-{size}"
    else:
        digest = hashlib.sha256(notebook.read_bytes()).hexdigest()
    return f"{digest}@{timestamp.isoformat() if timestamp else '-'}"


def write_result(course_dir: str | os.PathLike, result: SubmissionResult, fingerprint: str | None = None) -> Path:
    """Save one result, replacing the file atomically so a crash never leaves half of it."""
    target = results_dir(course_dir, result.assignment) / f"{result.student}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".json.tmp")
    tmp.write_text(json.dumps({"fingerprint": fingerprint, "result": result.to_record()}, ensure_ascii=False),
                   encoding="utf-8")
    os.replace(tmp, target)
    return target


def read_result(path: Path) -> tuple[str | None, SubmissionResult]:
    """(fingerprint, result) of one saved file."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    return doc.get("fingerprint"), SubmissionResult.from_record(doc["result"])


def read_results(course_dir: str | os.PathLike, assignment_id: str) -> list[SubmissionResult]:
    """Every saved result of the assignment, by student id."""
    folder = results_dir(course_dir, assignment_id)
    if not folder.is_dir():
        raise ConfigError(Text(f"No hay resultados de {assignment_id} en {course_dir}; ejecuta dlgrader autograde primero.",
                               f"There are no results for {assignment_id} in {course_dir}; run dlgrader autograde first."))
    return [read_result(p)[1] for p in sorted(folder.glob("*.json"))]
