"""One pytest session per process serves every program (pytest_session.py): nothing of one reaches the next.

The graders are imported and collected once; each program runs pytest's own per-test protocol again. A
grader edited on disk gets a new session, broken graders are refused with what is wrong, and a session
that failed mid-run is never used again.
"""

from __future__ import annotations

import shutil

import pytest

from dlgrader.errors import ConfigError
from dlgrader.grading import runner
from dlgrader.material.paths import find_material

from conftest import FIXTURE_ROOT, grade_cells

WRONG = {"suma": "def suma(x):\n    return float(np.sum(x)) if len(x) == 2 else 0.0\n"}  # right on [1, 2] only
IMPORTS_COUNTED = """
import os
with open(os.environ["DLGRADER_TEST_IMPORTS"], "a") as f:
    f.write("imported\\n")
"""


@pytest.fixture
def course(tmp_path, monkeypatch):
    """A copy of the fixture course whose hidden grader notes each time it is imported."""
    root = tmp_path / "course"
    shutil.copytree(FIXTURE_ROOT, root)
    grader = root / "graders" / "99_demo" / "test_hidden.py"
    grader.write_text(IMPORTS_COUNTED + grader.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("DLGRADER_TEST_IMPORTS", str(tmp_path / "imports.txt"))
    return find_material(root)


def _verdicts(result) -> list[tuple[str, bool, float]]:
    return [(c.id, c.passed, c.points) for c in result.checks]


def _imports(tmp_path) -> int:
    return (tmp_path / "imports.txt").read_text().count("imported")


def test_programs_graded_in_turn_get_the_verdicts_each_would_get_alone(course, sandbox, tmp_path, monkeypatch):
    opened = []

    class Counted(runner.OpenSession):
        def __init__(self, *args):
            opened.append(args)
            super().__init__(*args)

    monkeypatch.setattr(runner, "OpenSession", Counted)
    right = grade_cells(course, "99_demo", {}, sandbox)
    wrong = grade_cells(course, "99_demo", WRONG, sandbox)
    again = grade_cells(course, "99_demo", {}, sandbox)
    assert right.score == right.max_score == 4.0, _verdicts(right)
    assert [c.id for c in wrong.checks if not c.passed] == ["suma_prop"] and wrong.score == 2.0, _verdicts(wrong)
    assert _verdicts(again) == _verdicts(right)
    assert wrong.checks[1].counterexample and "suma mal" in wrong.checks[1].message.es  # hypothesis' own report
    assert len(opened) == 1 and _imports(tmp_path) == 1  # one session, one import of the grader, three programs


def test_a_grader_edited_on_disk_gets_a_new_session(course, sandbox, tmp_path):
    grader = course.grader_dir("99_demo") / "test_hidden.py"
    assert grade_cells(course, "99_demo", {}, sandbox).score == 4.0
    grader.write_text(grader.read_text(encoding="utf-8").replace("3.0, es=", "4.00, es="), encoding="utf-8")
    result = grade_cells(course, "99_demo", {}, sandbox)
    assert [c.id for c in result.checks if not c.passed] == ["suma_inputs"]  # the edited check (its size changed: a .pyc checks it)
    assert _imports(tmp_path) == 2


@pytest.mark.parametrize("source, says", [
    ("def test_sin_check(student):\n    pass\n", "test without @check"),
    ("def test_roto(student:\n", "SyntaxError"),
    ("import modulo_que_no_existe\n", "modulo_que_no_existe"),
    ("raise ImportError('conftest roto')\n", "conftest roto"),
])
def test_broken_graders_are_refused_with_what_is_wrong(course, sandbox, source, says):
    name = "conftest.py" if "conftest" in source else "test_extra.py"
    extra = course.grader_dir("99_demo") / name
    extra.write_text(source, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        grade_cells(course, "99_demo", {}, sandbox)
    assert says in info.value.text.en and name in info.value.text.en
    extra.unlink()  # mended: graded again, by a session of its own
    assert grade_cells(course, "99_demo", {}, sandbox).score == 4.0


def test_a_session_that_fails_mid_run_is_not_used_again(course, sandbox, monkeypatch):
    assert grade_cells(course, "99_demo", {}, sandbox).score == 4.0
    before = set(runner._SESSIONS)

    def broken(self, items):
        raise RuntimeError("pytest se cayó")

    with monkeypatch.context() as m:
        m.setattr(runner.OpenSession, "run", broken)
        with pytest.raises(ConfigError) as info:
            grade_cells(course, "99_demo", {}, sandbox)
    assert "RuntimeError: pytest se cayó" in info.value.text.en
    dropped = before - set(runner._SESSIONS)
    assert len(dropped) == 1 and next(iter(dropped))[1] == "99_demo"
    assert grade_cells(course, "99_demo", {}, sandbox).score == 4.0


def test_a_program_that_cannot_start_leaves_nothing_for_the_next(course, sandbox):
    dead = grade_cells(course, "99_demo", {"suma": "import os\nos._exit(0)\n"}, sandbox)
    assert dead.score == 0.0
    assert all("os._exit" in c.message.en for c in dead.checks), [c.message.en for c in dead.checks]  # each check
    assert grade_cells(course, "99_demo", {}, sandbox).score == 4.0  # the fixture it failed in was torn down


PER_PROGRAM_CHECKS = """
[[check]]
id = "suma_una"
task = "suma"
points = 1
public = false
title_es = "suma, primera"
title_en = "sum, first"

[[check]]
id = "suma_otra"
task = "suma"
points = 1
public = false
title_es = "suma, segunda"
title_en = "sum, second"
"""

PER_PROGRAM_GRADER = '''
import os
import numpy as np
import pytest
from dlgrader.grading import as_number, check, expect


@pytest.fixture(scope="session")
def por_entrega():
    return {}


def suma_de_unos(student, por_entrega):
    if "suma" not in por_entrega:
        with open(os.environ["DLGRADER_TEST_IMPORTS"], "a") as f:
            f.write("trained\\n")
        por_entrega["suma"] = as_number(student.suma(np.ones(3)), "suma")
    return por_entrega["suma"]


@check("suma_una")
def test_una(student, por_entrega):
    expect(suma_de_unos(student, por_entrega) == 3.0, "mal", "wrong")


@check("suma_otra")
def test_otra(student, por_entrega):
    expect(suma_de_unos(student, por_entrega) == 3.0, "mal", "wrong")
'''


def test_a_session_scoped_fixture_lives_for_one_program(course, sandbox, tmp_path):
    """What 08's final tiers rely on: one training per graded program, shared by its checks."""
    toml = course.assignment("99_demo").root / "assignment.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + PER_PROGRAM_CHECKS, encoding="utf-8")
    (course.grader_dir("99_demo") / "test_por_entrega.py").write_text(PER_PROGRAM_GRADER, encoding="utf-8")
    course = find_material(course.root)
    scores = [grade_cells(course, "99_demo", cells, sandbox).score for cells in ({}, WRONG, {})]
    assert scores == [6.0, 2.0, 6.0]  # WRONG sums three ones to 0: both per-program checks fail
    assert (tmp_path / "imports.txt").read_text().count("trained") == 3


def test_a_failing_check_is_reported_without_formatting_its_traceback(course, sandbox, monkeypatch):
    """pytest would cut and render a traceback for each failing check (~2 ms); the verdicts never need one."""
    import _pytest.python

    formatted = []
    monkeypatch.setattr(_pytest.python.Function, "repr_failure", lambda self, excinfo: formatted.append(self) or "")
    wrong = grade_cells(course, "99_demo", WRONG, sandbox)
    monkeypatch.undo()
    assert [c.id for c in wrong.checks if not c.passed] == ["suma_prop"] and wrong.score == 2.0, _verdicts(wrong)
    assert wrong.checks[1].counterexample and "suma mal" in wrong.checks[1].message.es
    assert formatted == []
