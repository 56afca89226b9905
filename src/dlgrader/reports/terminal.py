"""Plain-text rendering of results for terminals and notebook cells, in the user's language."""

from __future__ import annotations

from ..results import SubmissionResult


def _pts(x: float) -> str:
    return f"{x:g}"


def submission_report(result: SubmissionResult, lang: str = "es", *, public_only: bool = False) -> str:
    es = lang != "en"
    lines = []
    for p in result.problems:
        lines.append(("⚠ " if es else "⚠ ") + p(lang))
    if result.problems:
        lines.append("")
    for c in result.checks:
        mark = "✓" if c.passed else "✗"
        kind = "" if c.public else (" (oculta)" if es else " (hidden)")
        lines.append(f"{mark} {c.title(lang)}{kind} — {_pts(c.points)}/{_pts(c.max_points)}")
        if not c.passed:
            for fl in c.feedback(lang).splitlines():
                lines.append(f"    {fl}")
    lines.append("")
    total = ("Puntaje" if es else "Score") + f": {_pts(result.score)}/{_pts(result.max_score)}"
    lines.append(total)
    if public_only:
        lines.append("Estas son solo las verificaciones públicas; al entregar, verificaciones ocultas revisarán más casos."
                     if es else "These are only the public checks; after you submit, hidden checks test more cases.")
    return "\n".join(lines)
