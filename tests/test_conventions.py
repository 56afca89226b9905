"""Every convention a notebook states is enforced by a check, and a mutant proves the check enforces it.

Each notebook lists its rules under **Convenciones** (dtype, shape, mutation, argument ranges, defaults, who
does what). Beside each grader, ``graders/NN_x/conventions.md`` holds one table row per bullet of those lists::

    | sección | convención | verificaciones | mutantes |
    |---|---|---|---|
    | 2. La función escalón | `z` puede ser un número | escalon_elementos | escalon_scalar_only |

The convention cell is the bullet's opening words, as the Spanish notebook writes them, under the heading the
bullet sits under. The audit fails when a bullet has no row (or two), a row matches no bullet (the text
changed), a row names a check the manifest does not have or a mutant ``graders/NN_x/mutants`` does not have,
or a named mutant targets none of the row's checks (it proves nothing about this rule). The mutants' own
rules (every check is some mutant's target) are ``audit_mutants``'s, in ``tests/test_assignments.py``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import REPO
from dlgrader.material.mutants import Mutant, read_mutant
from dlgrader.material.paths import find_material

MATERIAL = find_material(REPO)
ASSIGNMENTS = [a for a in MATERIAL.assignment_ids() if MATERIAL.solution_path(a).is_file()]
HEADER = re.compile(r"^\*\*Convenciones\b")


@dataclass(frozen=True)
class Bullet:
    section: str
    text: str


@dataclass(frozen=True)
class Row:
    section: str
    convention: str
    checks: tuple[str, ...]
    mutants: tuple[str, ...]
    line: int


def _flat(text: str) -> str:
    return " ".join(text.split())


def notebook_bullets(notebook: Path) -> list[Bullet]:
    """The top-level bullets of every **Convenciones** list, each under the last heading above it.

    A bullet goes on over indented lines (nested items included); the list ends at the first blank line or
    unindented text after its first bullet.
    """
    bullets: list[Bullet] = []
    section = ""
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        parts: list[str] | None = None  # the bullet being read
        in_list = started = False
        for line in "".join(cell["source"]).splitlines() + [""]:
            if line.startswith("#"):
                section = line.lstrip("#").strip()
            if parts is not None and line.startswith(" "):
                parts.append(line)
                continue
            if parts is not None:  # the bullet ends here
                bullets.append(Bullet(section, _flat(" ".join(parts))))
                parts = None
            if HEADER.match(line):
                in_list, started = True, False
            elif in_list and line.startswith("* "):
                parts, started = [line[2:]], True
            elif in_list and (started or line.strip()):
                in_list = False  # a blank line or text after the list
    return bullets


def _cells(line: str) -> list[str]:
    """A markdown table row's cells; a pipe inside backticks, or escaped as \\|, stays in its cell."""
    cells, buf, code = [], "", False
    text = line.strip().strip("|").replace("\\|", "\0")
    for ch in text:
        if ch == "`":
            code = not code
        if ch == "|" and not code:
            cells.append(buf.strip().replace("\0", "|"))
            buf = ""
        else:
            buf += ch
    cells.append(buf.strip().replace("\0", "|"))
    return cells


def _names(cell: str) -> tuple[str, ...]:
    return tuple(n.strip().strip("`") for n in cell.split(",") if n.strip().strip("`"))


def table_rows(path: Path) -> list[Row]:
    """The rows of the table in conventions.md (header and separator skipped)."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.startswith("|") or set(line) <= set("|-: ") or line.startswith("| sección"):
            continue
        cells = _cells(line)
        if len(cells) < 4:
            raise AssertionError(f"{path.name}:{number}: a row needs sección | convención | verificaciones | mutantes")
        rows.append(Row(cells[0], _flat(cells[1]), _names(cells[2]), _names(cells[3]), number))
    return rows


def audit(bullets: list[Bullet], rows: list[Row], check_ids: set[str], mutants: dict[str, Mutant]) -> list[str]:
    """Everything that keeps the table from proving the notebook's conventions; empty when it does."""
    problems = []

    def matches(row: Row, bullet: Bullet) -> bool:
        return row.section == bullet.section and bool(row.convention) and bullet.text.startswith(row.convention)

    for bullet in bullets:
        found = [r.line for r in rows if matches(r, bullet)]
        if len(found) != 1:
            what = "no row" if not found else f"rows {found}"
            problems.append(f"bullet «{bullet.text[:70]}» ({bullet.section}) has {what}")
    for row in rows:
        where = f"row {row.line} «{row.convention[:50]}»"
        if not any(matches(row, b) for b in bullets):
            problems.append(f"{where} matches no bullet of section «{row.section}»")
        if not row.checks:
            problems.append(f"{where} names no check")
        for c in row.checks:
            if c not in check_ids:
                problems.append(f"{where} names {c!r}, which is no check of the manifest")
        if not row.mutants:
            problems.append(f"{where} names no mutant")
        for m in row.mutants:
            if m not in mutants:
                problems.append(f"{where} names {m!r}, which is no mutant")
            elif not mutants[m].targets & set(row.checks):
                problems.append(f"{where}: mutant {m!r} targets none of {list(row.checks)}")
    return problems


def _material(aid: str):
    a = MATERIAL.assignment(aid)
    bullets = notebook_bullets(a.notebook_path)
    rows = table_rows(MATERIAL.grader_dir(aid) / "conventions.md")
    mutants = {p.stem: read_mutant(p) for p in sorted(MATERIAL.mutants_dir(aid).glob("*.py"))}
    return bullets, rows, {c.id for c in a.checks}, mutants


@pytest.mark.parametrize("aid", ASSIGNMENTS)
def test_every_convention_has_a_check_and_a_mutant(aid):
    bullets, rows, checks, mutants = _material(aid)
    assert bullets, f"{aid}: the notebook states no Convenciones list"
    assert audit(bullets, rows, checks, mutants) == []


# The audit must be able to fail; each way it can, shown on a real assignment's material.

def test_a_bullet_without_a_row_fails():
    bullets, rows, checks, mutants = _material("06_convolucion")
    new = Bullet(bullets[0].section, "Una convención nueva que nadie verifica.")
    assert audit(bullets + [new], rows, checks, mutants) == [
        f"bullet «Una convención nueva que nadie verifica.» ({new.section}) has no row"]


def test_a_row_whose_bullet_changed_fails():
    bullets, rows, checks, mutants = _material("06_convolucion")
    changed = [Bullet(b.section, "Reescrita: " + b.text) if b == bullets[0] else b for b in bullets]
    problems = audit(changed, rows, checks, mutants)
    assert any("has no row" in p for p in problems) and any("matches no bullet" in p for p in problems)


def test_a_row_naming_no_existing_check_fails():
    bullets, rows, checks, mutants = _material("06_convolucion")
    row = rows[0]
    wrong = [Row(row.section, row.convention, ("conv2d_inexistente",), row.mutants, row.line)] + rows[1:]
    problems = audit(bullets, wrong, checks, mutants)
    assert f"row {row.line} «{row.convention[:50]}» names 'conv2d_inexistente', which is no check of the manifest" \
        in problems


def test_a_row_whose_mutant_targets_none_of_its_checks_fails():
    bullets, rows, checks, mutants = _material("06_convolucion")
    row = rows[0]
    other = next(name for name, m in mutants.items() if not m.targets & set(row.checks))
    wrong = [Row(row.section, row.convention, row.checks, (other,), row.line)] + rows[1:]
    assert audit(bullets, wrong, checks, mutants) == [
        f"row {row.line} «{row.convention[:50]}»: mutant {other!r} targets none of {list(row.checks)}"]


def test_a_row_naming_no_existing_mutant_fails():
    bullets, rows, checks, mutants = _material("06_convolucion")
    row = rows[0]
    wrong = [Row(row.section, row.convention, row.checks, ("no_existe",), row.line)] + rows[1:]
    assert audit(bullets, wrong, checks, mutants) == [
        f"row {row.line} «{row.convention[:50]}» names 'no_existe', which is no mutant"]


def test_notebook_bullets_are_read_whole():
    """A bullet continues over indented lines and nested items, and the list ends at its blank line."""
    bullets = notebook_bullets(MATERIAL.assignment("04_descenso_gradiente").notebook_path)
    decay = next(b for b in bullets if b.text.startswith("`decaimiento` describe"))
    assert "exponencial" in decay.text and decay.section.startswith("4.")
    assert not any(b.text.startswith("por tiempo con") for b in bullets)  # the examples after the list
