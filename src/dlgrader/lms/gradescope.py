"""Gradescope autograder ``results.json``: one graded submission, one test per check.

The rules follow Gradescope's "Autograder Specifications"
(https://gradescope-autograders.readthedocs.io/en/latest/specs/, source in
docs/specs.md of https://github.com/gradescope/autograder_samples):

- The harness reads /autograder/results/results.json. Each entry of ``tests``
  may carry ``score``, ``max_score``, ``name``, ``number``, ``output``,
  ``tags``, ``visibility`` and ``extra_data``; a top-level ``score`` is
  required when the tests carry none and overrides their total when present.
- ``visibility`` is one of ``visible`` (the default), ``hidden`` (never shown
  to students), ``after_due_date`` or ``after_published`` (shown once the
  instructor publishes grades from "Review Grades"). A public check is
  ``visible``; a hidden check is ``after_published``, so a student sees it, and
  its feedback, only when grades are out. While a test is hidden, Gradescope
  hides the student's total too.
- The top-level ``output`` is the text about the whole submission: here, the
  problems (a notebook that could not be read, a missing cell). Anything
  printed to stdout reaches only instructors.

Each check's points are rounded half up to ``places`` decimals (2 by default).
The top-level ``score`` is always written, as the sum of the rounded test
scores: a submission with no checks (a broken notebook) needs it, and when
there are tests it equals their total, so the override changes nothing. The
check's id goes in ``extra_data``; names and feedback are in the chosen
language. The file is ASCII JSON (accents escaped), so no encoding can be misread.
"""

from __future__ import annotations

import json
import math
import os
from decimal import Decimal
from pathlib import Path
from typing import Iterable

from ..errors import ConfigError
from ..results import SubmissionResult
from ..text import Text, check_lang
from .columns import rounded

RESULTS_FILE = "results.json"


def _points(value: float, places: int) -> Decimal:
    """A check's points as a decimal rounded half up; NaN, infinities and booleans are refused."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"points must be a finite number, not {value!r}")
    return Decimal(rounded(value, places))  # the rounding every export uses


def gradescope_results(result: SubmissionResult, lang: str = "es", *, places: int = 2) -> dict:
    """The ``results.json`` document for one submission, in ``lang``."""
    check_lang(lang)
    tests, total = [], Decimal(0)
    for check in result.checks:
        score = _points(check.points, places)
        total += score
        tests.append({
            "name": check.title(lang),
            "score": float(score),
            "max_score": float(_points(check.max_points, places)),
            "output": check.feedback(lang),
            "visibility": "visible" if check.public else "after_published",
            "extra_data": {"check_id": check.id},
        })
    doc = {"score": float(total), "tests": tests}
    if result.problems:
        doc["output"] = "\n".join(p(lang) for p in result.problems)
    return doc


def write_gradescope_results(path: str | os.PathLike, result: SubmissionResult, lang: str = "es", *,
                             places: int = 2) -> Path:
    """Write one ``results.json`` (pass /autograder/results/results.json inside Gradescope's harness)."""
    doc = gradescope_results(result, lang, places=places)
    path = Path(path)
    path.write_text(json.dumps(doc, indent=2, allow_nan=False) + "\n", encoding="ascii")
    return path


def write_gradescope_dir(directory: str | os.PathLike, results: Iterable[SubmissionResult], lang: str = "es", *,
                         places: int = 2) -> list[Path]:
    """One ``<student>/results.json`` per submission under ``directory``; the paths written, in order.

    Every result must name its student, once, as a plain folder name; the
    check runs before anything is written.
    """
    results = list(results)
    seen: set[str] = set()
    for r in results:
        sid = r.student
        if not sid or sid in (".", "..") or "/" in sid or "\\" in sid or "\0" in sid:
            raise ConfigError(Text(f"El resultado de {r.assignment!r} no tiene un estudiante válido ({sid!r}).",
                                   f"The result of {r.assignment!r} has no valid student ({sid!r})."))
        if sid in seen:
            raise ConfigError(Text(f"El estudiante {sid!r} tiene dos resultados.",
                                   f"Student {sid!r} has two results."))
        seen.add(sid)
    paths = []
    for r in results:
        folder = Path(directory) / r.student
        folder.mkdir(parents=True, exist_ok=True)
        paths.append(write_gradescope_results(folder / RESULTS_FILE, r, lang, places=places))
    return paths
