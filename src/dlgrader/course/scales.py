"""Institutions' grade scales: points to a grade, the grade's band, and class-level distinctions.

Every scale here is one shape: the lowest grade at 0 points, the pass mark at
``exigencia`` of the points, the highest grade at all of them, linear on each
side, rounded half up at the end (exactly, with fractions). What differs is
written as data, one constructor per country:

- Chile (DuocUC): 1.0–7.0, 4.0 at 60 %, one decimal.
- Argentina (UNLP): 1–10, 4 at 60 % approves the course, 6 promotes it
  (no final exam); whole numbers, and rounding never lifts a failing grade to 4.
- Spain (UMA): 0–10 with one decimal, 5.0 at 50 %, the bands of
  RD 1125/2003 art. 5 (Suspenso, Aprobado, Notable, Sobresaliente) and
  Matrícula de Honor from 9.0 for at most 5 % of the class (one if it has
  fewer than 20 students).
- Mexico (UNAM): whole numbers 5–10, 6 to pass; every failing score is 5
  (so 5.9 is never rounded to 6), and "NP" (no presentó) for a student who
  submitted nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Iterable, Mapping

from ..text import Text


def round_half_up(x: Fraction, places: int = 1) -> Decimal:
    """Round an exact non-negative value half up to ``places`` decimals.

    Truncating exactly to one extra digit first keeps the result exact: x is
    at or above a ...5 boundary iff its truncation is, and the boundary itself
    is representable at that precision.
    """
    if x < 0:
        raise ValueError(f"round_half_up expects a non-negative value, got {x}")
    truncated = Decimal(math.floor(x * 10 ** (places + 1))).scaleb(-(places + 1))
    return truncated.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Band:
    """A named range of grades from ``lowest`` up to the next band (Suspenso, Aprobado, …)."""

    lowest: Decimal
    short: str
    label: Text


@dataclass(frozen=True)
class Honours:
    """A distinction for the best grades from ``lowest``, capped at ``share`` of the class.

    Spain's Matrícula de Honor: at most 5 % of the students, but one may be
    given in a class of fewer than ``small_class`` students.
    """

    lowest: Decimal
    share: Decimal
    small_class: int
    short: str
    label: Text

    def quota(self, class_size: int) -> int:
        return max(math.floor(self.share * class_size), 1 if 0 < class_size < self.small_class else 0)


@dataclass(frozen=True)
class LinearScale:
    """Points to grade: ``lowest`` at 0, ``passing`` at ``exigencia``·P, ``highest`` at P, linear in between."""

    kind: str = "chile"
    lowest: Decimal = Decimal("1.0")
    highest: Decimal = Decimal("7.0")
    passing: Decimal = Decimal("4.0")
    exigencia: Decimal = Decimal("0.60")
    places: int = 1
    flat_below_pass: bool = False  # every failing score gets ``lowest`` (Mexico's 5)
    strict_pass: bool = False  # rounding never lifts an exact grade below the pass mark up to it
    bands: tuple[Band, ...] = ()
    honours: Honours | None = None
    absent: str | None = None  # the mark of a student who submitted nothing, instead of a number
    extra: Mapping[str, Decimal] | None = None  # named grades the scale also reports (Argentina's promotion)

    def grade(self, points: Fraction, max_points: Fraction) -> Decimal:
        """The grade for ``points`` of ``max_points``, clamped to 0 ≤ points ≤ max_points."""
        if max_points <= 0:
            raise ValueError("max_points must be positive")
        ratio = min(max(Fraction(points) / Fraction(max_points), Fraction(0)), Fraction(1))
        lo, hi, ok, e = (Fraction(v) for v in (self.lowest, self.highest, self.passing, self.exigencia))
        if ratio < e:
            exact = lo if self.flat_below_pass else lo + (ok - lo) * ratio / e
        else:
            exact = ok + (hi - ok) * (ratio - e) / (1 - e)
        return self.rounded(exact)

    def rounded(self, exact: Fraction) -> Decimal:
        """Half up to the scale's places; with ``strict_pass`` a failing grade stays below the pass mark."""
        value = round_half_up(exact, self.places)
        if exact < Fraction(self.passing) and value >= self.passing:
            if self.flat_below_pass:
                return round_half_up(Fraction(self.lowest), self.places)
            if self.strict_pass:
                step = Decimal(1).scaleb(-self.places)
                return (self.passing - step).quantize(step)
        return value

    def passed(self, grade: Decimal) -> bool:
        return grade >= self.passing

    def band(self, grade: Decimal | None) -> Band | None:
        """The highest band whose lower limit the grade reaches."""
        if grade is None:
            return None
        return max((b for b in self.bands if grade >= b.lowest), key=lambda b: b.lowest, default=None)

    def show(self, grade: Decimal | None) -> str:
        """A grade with the scale's places (4.0 in Chile, 7 in Mexico); — when there is none."""
        if grade is None:
            return "—"
        return f"{Decimal(grade):.{self.places}f}"


def chile(**numbers) -> LinearScale:
    """DuocUC: 1.0–7.0, 4.0 at 60 % exigencia, half up to one decimal (3.95 is a 4.0, as Chilean practice)."""
    bands = (Band(Decimal("1.0"), "R", Text("Reprobado", "Fail")),
             Band(Decimal("4.0"), "A", Text("Aprobado", "Pass")))
    return replace(LinearScale(kind="chile", bands=bands), **numbers)


def argentina(**numbers) -> LinearScale:
    """UNLP: 1–10 whole numbers, 4 at 60 % approves, 6 promotes; a failing grade is never rounded up to 4."""
    promotion = Decimal(numbers.pop("promotion", Decimal(6)))
    scale = LinearScale(kind="argentina", lowest=Decimal(1), highest=Decimal(10), passing=Decimal(4),
                        exigencia=Decimal("0.60"), places=0, strict_pass=True)
    scale = replace(scale, **numbers)
    bands = (Band(scale.lowest, "D", Text("Desaprobado", "Fail")),
             Band(scale.passing, "A", Text("Aprobado (rinde examen final)", "Pass (sits the final exam)")),
             Band(promotion, "P", Text("Promocionado", "Promoted (no final exam)")))
    return replace(scale, bands=bands, extra={"promotion": promotion})


def spain(**numbers) -> LinearScale:
    """UMA: 0–10 with one decimal (RD 1125/2003), 5.0 at 50 %, its four bands and Matrícula de Honor."""
    bands = (Band(Decimal("0.0"), "SS", Text("Suspenso", "Fail")),
             Band(Decimal("5.0"), "AP", Text("Aprobado", "Pass")),
             Band(Decimal("7.0"), "NT", Text("Notable", "Merit")),
             Band(Decimal("9.0"), "SB", Text("Sobresaliente", "Outstanding")))
    honours = Honours(Decimal("9.0"), Decimal("0.05"), 20, "MH", Text("Matrícula de Honor", "Honours"))
    scale = LinearScale(kind="spain", lowest=Decimal("0.0"), highest=Decimal("10.0"), passing=Decimal("5.0"),
                        exigencia=Decimal("0.50"), places=1, bands=bands, honours=honours)
    return replace(scale, **numbers)


def mexico(**numbers) -> LinearScale:
    """UNAM: whole numbers 5–10, 6 to pass at 60 %; below it always 5; NP for no submission at all."""
    scale = LinearScale(kind="mexico", lowest=Decimal(5), highest=Decimal(10), passing=Decimal(6),
                        exigencia=Decimal("0.60"), places=0, flat_below_pass=True, absent="NP")
    scale = replace(scale, **numbers)
    bands = (Band(scale.lowest, "NA", Text("No acreditada", "Not passed")),
             Band(scale.passing, "AC", Text("Acreditada", "Passed")))
    return replace(scale, bands=bands)


# kind -> constructor; the YAML ``scale`` table may override the numbers (min, max, pass, exigencia, …).
SCALES = {"chile": chile, "argentina": argentina, "spain": spain, "mexico": mexico}


def honours_awarded(scale: LinearScale, finals: Mapping[str, Decimal | None], class_size: int | None = None
                    ) -> tuple[set[str], set[str]]:
    """Who gets the scale's distinction, and who is tied at the cut-off and left to the instructor.

    Best grades first, from the distinction's lower limit, up to the quota.
    When a group of equal grades straddles the quota, none of that group is
    awarded: the regulation caps the number, so choosing among equals is the
    instructor's call (they are returned as ``tied``).
    """
    if scale.honours is None:
        return set(), set()
    size = len(finals) if class_size is None else class_size
    quota = scale.honours.quota(size)
    eligible = sorted(((g, sid) for sid, g in finals.items() if g is not None and g >= scale.honours.lowest),
                      key=lambda t: (-t[0], t[1]))
    awarded: set[str] = set()
    for grade in _distinct(g for g, _ in eligible):
        group = {sid for g, sid in eligible if g == grade}
        if len(awarded) + len(group) <= quota:
            awarded |= group
        else:
            return awarded, (group if len(awarded) < quota else set())
    return awarded, set()


def _distinct(values: Iterable[Decimal]) -> list[Decimal]:
    out: list[Decimal] = []
    for v in values:
        if not out or out[-1] != v:
            out.append(v)
    return out
