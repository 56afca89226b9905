"""``dlgrader new``: an assignment is one command to add, and the suite passes on it untouched."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import REPO
from dlgrader.cli import main

AID = "10_ejemplo"


@pytest.fixture(scope="module")
def course_copy(tmp_path_factory):
    """The course material and the tests in a copy, with a new assignment made by the command."""
    root = tmp_path_factory.mktemp("nuevo")
    for part in ("assignments", "solutions", "graders", "examples", "rubric", "tests"):
        shutil.copytree(REPO / part, root / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copyfile(REPO / "pyproject.toml", root / "pyproject.toml")
    assert main(["--root", str(root), "new", AID]) == 0
    return root


def test_new_writes_one_folder_per_concern_and_build_finds_nothing_to_change(course_copy, capsys):
    for path in (f"assignments/{AID}/assignment.toml", f"assignments/{AID}/{AID}.ipynb",
                 f"assignments/{AID}/{AID}.en.ipynb", f"assignments/{AID}/public_checks.py",
                 f"solutions/{AID}/solution.py", f"graders/{AID}/test_hidden.py", f"graders/{AID}/conventions.md",
                 f"examples/{AID}/students.py", f"examples/{AID}/estudiante_completo.ipynb"):
        assert (course_copy / path).is_file(), path
    assert len(list((course_copy / "graders" / AID / "mutants").glob("*.py"))) >= 8
    assert len(list((course_copy / "tests" / "alternatives" / AID).glob("*.py"))) >= 2
    capsys.readouterr()
    assert main(["--root", str(course_copy), "build", "--check", AID]) == 0
    assert "no incluye 10_ejemplo" in capsys.readouterr().err  # not in any rubric yet: said, not silent


@pytest.mark.slow
def test_the_suite_passes_on_the_new_assignment_untouched(course_copy):
    """The assignment tests (reference, stub, every mutant, alternatives, twin notebooks, grade cells, conventions)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", f"{AID} or covered",
                          "tests/test_assignments.py", "tests/test_english_notebook.py", "tests/test_nbgrader_cells.py"]
                         + [str(p.relative_to(course_copy)) for p in (course_copy / "tests").glob("test_conventions.py")],
                         cwd=course_copy, env=env, capture_output=True, text=True, timeout=1200)
    assert run.returncode == 0, run.stdout[-4000:]
    assert " passed" in run.stdout and "failed" not in run.stdout and "error" not in run.stdout.lower()


def test_new_never_overwrites_and_refuses_a_bad_id(course_copy, capsys):
    assert main(["--root", str(course_copy), "new", AID]) == 4
    assert "ya existe" in capsys.readouterr().err
    assert main(["--root", str(course_copy), "--lang", "en", "new", "diez"]) == 4
    assert "is not an assignment id" in capsys.readouterr().err
