"""The typical mistakes of an assignment (its graders' mutants) and which one a failing submission looks like.

Each mutant file starts with ``# target: check_a, check_b`` (the checks that
must catch it), ``# why: ...`` (the mistake, for instructors) and ``# why_es: ...``
(the same in Spanish, which the class report shows). A
submission "behaves like" the mutant whose targets it fails, preferring the
most specific one (more targets), so an instructor sees the class's frequent
mistakes by name instead of a list of failed checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..text import Text

TARGET = re.compile(r"^# target:\s*(.+)$", re.M)
WHY = re.compile(r"^# why:\s*(.+)$", re.M)
WHY_ES = re.compile(r"^# why_es:\s*(.+)$", re.M)


@dataclass(frozen=True)
class Mutant:
    name: str
    targets: frozenset[str]
    why: str
    why_es: str = ""

    @property
    def description(self) -> Text:
        return Text(self.why_es or self.why, self.why)


def read_mutant(path: Path) -> Mutant:
    text = path.read_text(encoding="utf-8")
    target, why, why_es = TARGET.search(text), WHY.search(text), WHY_ES.search(text)
    targets = frozenset(t.strip() for t in target.group(1).split(",") if t.strip()) if target else frozenset()
    return Mutant(path.stem, targets, why.group(1).strip() if why else "",
                  why_es.group(1).strip() if why_es else "")


def read_mutants(folder: Path) -> list[Mutant]:
    """Every mutant with at least one target, by file name."""
    mutants = [read_mutant(p) for p in sorted(Path(folder).glob("*.py"))]
    return [m for m in mutants if m.targets]


def audit_mutants(folder: Path, check_ids: set[str]) -> list[str]:
    """What makes a folder of mutants fall short: one without a target or a why (in English and in Spanish), an
    unknown target, or a check that no mutant targets (a check nobody has shown to catch anything)."""
    problems = []
    mutants = [read_mutant(p) for p in sorted(Path(folder).glob("*.py"))]
    for m in mutants:
        if not m.targets:
            problems.append(f"{m.name}: no '# target:' line")
        if not m.why:
            problems.append(f"{m.name}: no '# why:' line")
        if not m.why_es:
            problems.append(f"{m.name}: no '# why_es:' line (the mistake in Spanish, for the class report)")
        if m.targets - check_ids:
            problems.append(f"{m.name}: unknown targets {sorted(m.targets - check_ids)}")
    targeted = set().union(*(m.targets for m in mutants))
    problems += [f"{c}: no mutant targets it" for c in sorted(check_ids - targeted)]
    return problems


def closest_mutant(failed: set[str], mutants: list[Mutant]) -> Mutant | None:
    """The mutant whose targets all failed and that explains most of them; None when none fits."""
    fitting = [m for m in mutants if m.targets <= failed]
    return max(fitting, key=lambda m: (len(m.targets), m.name), default=None)
