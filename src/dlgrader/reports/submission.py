"""One submission's result as text: what a student reads in a terminal or under the notebook's check cell.

Kept apart from the instructor's tables (terminal.py), which read the gradebook: a student's
check imports nothing of nbgrader.
"""

from __future__ import annotations

import time
from decimal import Decimal

from ..results import SubmissionResult
from ..text import Text

HIDDEN = Text(" (oculta)", " (hidden)")  # after a hidden check's title
WRITTEN = Text("Escrito: ", "Written: ")  # before the path of a file written


def points(x: float | Decimal | None) -> str:
    """Points as people write them (1, 0.5, 2.25); — when there are none."""
    return "—" if x is None else f"{float(x):g}"


def checked_line(result: SubmissionResult) -> Text:
    """The report's first line: which file was checked, and when it was saved (its modification time)."""
    when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(result.saved_at)) if result.saved_at else "?"
    return Text(f"Notebook revisado: {result.source} (guardado el {when}).",
                f"Notebook checked: {result.source} (saved {when}).")


def submission_report(result: SubmissionResult, lang: str = "es", *, public_only: bool = False) -> str:
    lines = []
    for p in result.problems:
        lines.append("⚠ " + p(lang))
    if result.problems:
        lines.append("")
    for c in result.checks:
        mark = "✓" if c.passed else "✗"
        kind = "" if c.public else HIDDEN(lang)
        lines.append(f"{mark} {c.title(lang)}{kind} — {points(c.points)}/{points(c.max_points)}")
        if not c.passed:
            for fl in c.feedback(lang).splitlines():
                lines.append(f"    {fl}")
    lines.append("")
    lines.append(Text("Puntaje", "Score")(lang) + f": {points(result.score)}/{points(result.max_score)}")
    if public_only:
        lines.append(Text("Estas son solo las verificaciones públicas; al entregar, verificaciones ocultas revisarán "
                          "más casos.",
                          "These are only the public checks; after you submit, hidden checks test more cases.")(lang))
    return "\n".join(lines)
