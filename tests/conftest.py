"""Shared fixtures: the tiny fixture course, the machine's sandbox, and grading helpers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dlgrader.notebook import program_from_cells, read_cell_file
from dlgrader.paths import Material, find_material
from dlgrader.runner import grade_program
from dlgrader.sandbox import detect

HERE = Path(__file__).parent
REPO = HERE.parent
FIXTURE_ROOT = HERE / "fixture_course"
# Graders, mutants and alternatives are material the tests grade, not tests of their own.
collect_ignore = ["fixture_course", "alternatives"]


@pytest.fixture(scope="session")
def sandbox():
    sb = detect()
    if os.environ.get("DLGRADER_REQUIRE_STRONG"):
        # .ci/run installs bubblewrap and runs as root: the strong mode must be what the tests exercise
        assert sb.level == "strong", [(layer.name, layer.active, layer.detail) for layer in sb.layers]
    return sb


@pytest.fixture(scope="session")
def fixture_material() -> Material:
    return find_material(FIXTURE_ROOT)


@pytest.fixture(scope="session")
def material() -> Material:
    return find_material(REPO)


def grade_cells(material: Material, assignment_id: str, cells: dict[str, str], sandbox, *, reference: bool = True):
    """Grade cell sources laid over the reference (or over the release stub when reference=False)."""
    assignment = material.assignment(assignment_id)
    base = read_cell_file(material.solution_path(assignment_id)) if reference else {}
    program = program_from_cells(base | cells, assignment.notebook_path)
    return grade_program(assignment, program, material=material, sandbox=sandbox)


@pytest.fixture(scope="session")
def browser() -> str:
    """Debian's chromium, to load report pages as a reader would; .ci/run installs it and requires it."""
    import shutil

    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("DLGRADER_REQUIRE_BROWSER"):
            raise AssertionError("chromium is not installed (apt-get install chromium)")
        pytest.skip("chromium is not installed: the report pages are not loaded in a browser here")
    return path
