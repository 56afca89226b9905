"""Graders are tested like code, for every assignment that ships a reference.

The reference gets full marks; the untouched release notebook gets zero; each
mutant loses points on every check its header names as a target; each
alternative correct implementation gets full marks; the notebook's grade
cells carry the manifest's points.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import REPO, grade_cells
from dlgrader.notebook import program_from_notebook
from dlgrader.paths import find_material
from dlgrader.runner import grade_program

MATERIAL = find_material(REPO)
ASSIGNMENTS = [a for a in MATERIAL.assignment_ids() if MATERIAL.solution_path(a).is_file()]
TARGET = re.compile(r"^# target:\s*(.+)$", re.M)


def _mutants():
    for aid in ASSIGNMENTS:
        for path in sorted(MATERIAL.mutants_dir(aid).glob("*.py")):
            yield pytest.param(aid, path, id=f"{aid}:{path.stem}")


def _alternatives():
    for aid in ASSIGNMENTS:
        for path in sorted((REPO / "tests" / "alternatives" / aid).glob("*.py")):
            yield pytest.param(aid, path, id=f"{aid}:{path.stem}")


def _cells(path: Path) -> dict[str, str]:
    from dlgrader.notebook import read_cell_file

    return read_cell_file(path)


def test_every_assignment_is_covered():
    assert "01_perceptron" in ASSIGNMENTS
    for aid in ASSIGNMENTS:
        assert len(list(MATERIAL.mutants_dir(aid).glob("*.py"))) >= 8, aid
        assert len(list((REPO / "tests" / "alternatives" / aid).glob("*.py"))) >= 2, aid
        a = MATERIAL.assignment(aid)
        assert a.notebook_path.with_name(a.notebook_path.stem + ".en.ipynb").is_file(), f"{aid}: no English notebook"


@pytest.mark.slow
@pytest.mark.parametrize("aid", ASSIGNMENTS)
def test_reference_gets_full_marks(aid, material, sandbox):
    r = grade_cells(material, aid, {}, sandbox)
    failed = {c.id: c.feedback() for c in r.checks if not c.passed}
    assert not failed and r.score == r.max_score == material.assignment(aid).auto_points


@pytest.mark.slow
@pytest.mark.parametrize("aid", ASSIGNMENTS)
def test_untouched_release_notebook_gets_zero(aid, material, sandbox):
    a = material.assignment(aid)
    r = grade_program(a, program_from_notebook(a.notebook_path, a.notebook_path), material=material, sandbox=sandbox)
    assert r.score == 0.0, {c.id: c.points for c in r.checks if c.points}
    assert all(c.feedback() for c in r.checks)


@pytest.mark.slow
@pytest.mark.parametrize("aid, path", list(_mutants()))
def test_mutant_loses_points_on_its_targets(aid, path, material, sandbox):
    header = TARGET.search(path.read_text(encoding="utf-8"))
    assert header, f"{path.name} has no '# target:' line"
    targets = [t.strip() for t in header.group(1).split(",") if t.strip()]
    known = {c.id for c in material.assignment(aid).checks}
    assert targets and set(targets) <= known, f"unknown targets {set(targets) - known}"
    r = grade_cells(material, aid, _cells(path), sandbox)
    by_id = {c.id: c for c in r.checks}
    survived = [t for t in targets if by_id[t].passed]
    assert not survived, f"{path.stem} was not caught by {survived}"
    for t in targets:  # a caught mutant is told why
        assert by_id[t].feedback("es") and by_id[t].feedback("en")


@pytest.mark.slow
@pytest.mark.parametrize("aid, path", list(_alternatives()))
def test_alternative_correct_solution_gets_full_marks(aid, path, material, sandbox):
    r = grade_cells(material, aid, _cells(path), sandbox, reference=False)
    failed = {c.id: c.feedback() for c in r.checks if not c.passed}
    assert not failed and r.score == r.max_score


@pytest.mark.parametrize("aid", ASSIGNMENTS)
def test_notebook_grade_cells_match_the_manifest(aid, material):
    """Points live in assignment.toml; the notebook's nbgrader cells must agree with it."""
    a = material.assignment(aid)
    nb = json.loads(a.notebook_path.read_text(encoding="utf-8"))
    graded = {}
    for cell in nb["cells"]:
        meta = cell["metadata"].get("nbgrader") or {}
        if meta.get("grade"):
            graded[meta["grade_id"]] = meta["points"]
    expected = {c.id: c.points for c in a.checks} | {m.id: m.points for m in a.manual}
    assert graded == expected


@pytest.mark.parametrize("aid", ASSIGNMENTS)
def test_notebook_states_the_conventions_in_spanish(aid, material):
    a = material.assignment(aid)
    text = a.notebook_path.read_text(encoding="utf-8")
    assert "Convenciones" in text, "each notebook states DESIGN.md's conventions"
    for task in a.tasks:
        for name in task.names:
            assert f"def {name}(" in text, f"the stub for {name} is missing"
