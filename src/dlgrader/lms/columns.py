"""What every LMS export shares: a graded column (an assignment's points, the final grade), and numbers and
names written the way importers read them."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Mapping

from ..course.grades import StudentGrades
from ..course.rubric import Rubric

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet runs a cell starting so as a formula


@dataclass(frozen=True)
class Column:
    """One graded item: its title, points possible, Canvas assignment id if known, and each student's value."""

    title: str
    points_possible: Decimal | float | None
    values: Mapping[str, Decimal | float | None] = field(default_factory=dict)  # student id -> value
    canvas_id: str | int | None = None

    @property
    def header(self) -> str:
        return f"{self.title} ({self.canvas_id})" if self.canvas_id not in (None, "") else self.title


def number(value: Decimal | float | int | None) -> str:
    """A value as Canvas reads it: decimal point, no exponent, no thousands separator; None is blank."""
    if value is None:
        return ""
    if isinstance(value, bool):
        raise TypeError("a score cannot be a boolean")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"a score must be finite, not {value}")
    d = value if isinstance(value, Decimal) else Decimal(repr(value) if isinstance(value, float) else value)
    if not d.is_finite():
        raise ValueError(f"a score must be finite, not {value}")
    if isinstance(value, Decimal):
        return format(d, "f")  # keeps a grade's own places: 4.0 stays 4.0
    return format(d.to_integral() if d == d.to_integral() else d.normalize(), "f")


def rounded(value, places: int, zero: bool = False) -> str:
    """``number`` rounded half up to ``places`` (0.1 + 0.2 is 0.3); a missing value is blank, or 0 with ``zero``."""
    text = number(0 if value is None and zero else value)  # refuses booleans and non-finite values
    if not text:
        return ""
    value = Decimal(text).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP) + 0  # "+ 0" turns -0 into 0
    return number(value.normalize())


def safe_name(name: str | None) -> str:
    """A name cell a spreadsheet shows as text (OWASP's advice on CSV injection); importers ignore names."""
    name = (name or "").strip()
    return "'" + name if name.startswith(FORMULA_START) else name


def assignment_column(title: str, scores: Mapping[str, Mapping], max_points: float,
                      canvas_id: str | int | None = None) -> Column:
    """A column of assignment points from ``scores.read_scores`` (None where nothing was submitted)."""
    return Column(title, max_points, {sid: row.get("score") for sid, row in scores.items()}, canvas_id)


def final_grade_column(rubric: Rubric, grades: Mapping[str, StudentGrades], title: str | None = None,
                       canvas_id: str | int | None = None) -> Column:
    """The rubric's final grade on the institution's scale, out of the scale's top grade.

    The default title says "parcial" while any evaluation is pending; pass a
    ``canvas_id`` to keep updating one Canvas column as the title changes.
    """
    if title is None:
        partial = any(g.partial for g in grades.values())
        title = "Nota final parcial" if partial else "Nota final"
    absent = rubric.scale.absent is not None  # NP is not a number: the LMS cell stays blank
    return Column(title, rubric.scale.highest,
                  {sid: None if (g.absent and absent) else g.final for sid, g in grades.items()}, canvas_id)
