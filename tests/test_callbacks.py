"""One mistake, one loss: a check that fails on the student's own functions is graded again with another task's
plain function the reference's, answered by the broker.

The fixture assignment ``98_llamadas`` has a plain task ``base`` and a task ``usa`` that calls it; 03's mutants
show the whole effect on a real assignment (grading/callbacks.py).
"""

from __future__ import annotations

import pytest

from conftest import FIXTURE_ROOT, REPO, grade_cells
from dlgrader.errors import ConfigError
from dlgrader.grading.restarts import RestartingWorker
from dlgrader.material.manifest import load_manifest
from dlgrader.material.mutants import read_mutant
from dlgrader.material.notebook import read_cell_file
from dlgrader.material.paths import find_material

FIXTURE = "98_llamadas"


def _scores(result) -> dict[str, float]:
    return {c.id: c.points for c in result.checks}


def test_the_reference_gets_full_marks_on_its_own_functions(fixture_material, sandbox):
    """A check that passes with the student's own functions is not graded again: no callback is made."""
    r = grade_cells(fixture_material, FIXTURE, {}, sandbox)
    assert (r.score, r.max_score) == (3.0, 3.0), r.to_json()
    assert all(c.reference == () for c in r.checks)


def test_a_mistake_in_base_costs_base_and_the_integration_check_only(fixture_material, sandbox):
    r = grade_cells(fixture_material, FIXTURE, {"base": "def base(n):\n    return 3 * n + 5\n"}, sandbox)
    assert _scores(r) == {"usa_valor": 1.0, "usa_integracion": 0.0, "base_valor": 0.0}, r.to_json()
    by_id = {c.id: c for c in r.checks}
    assert by_id["usa_valor"].reference == ("base",)  # graded again, on the course's base
    assert by_id["usa_integracion"].reference == () and by_id["base_valor"].reference == ()


def test_two_mistakes_that_cancel_keep_the_check_they_pass_on_the_student_s_own_functions(fixture_material, sandbox):
    """The second pass only runs a failed check: usa works in the student's own notebook, so it keeps its point
    (base's own check still catches base)."""
    r = grade_cells(fixture_material, FIXTURE, {"base": "def base(n):\n    return 3 * n + 5\n",
                                                "usa": "def usa(n):\n    return base(n) - 4\n"}, sandbox)
    assert _scores(r) == {"usa_valor": 1.0, "usa_integracion": 1.0, "base_valor": 0.0}, r.to_json()
    assert {c.id: c for c in r.checks}["usa_valor"].reference == ()


def test_a_function_that_hung_on_the_student_s_own_helper_is_graded_again(fixture_material, sandbox):
    """A usa that timed out inside the student's base is not refused as stopped in the second pass."""
    r = grade_cells(fixture_material, FIXTURE, {"base": "def base(n):\n    while True:\n        pass\n"}, sandbox)
    assert _scores(r) == {"usa_valor": 1.0, "usa_integracion": 0.0, "base_valor": 0.0}, r.to_json()


def test_a_task_whose_cell_does_not_call_the_helper_is_not_graded_again(fixture_material, sandbox):
    r = grade_cells(fixture_material, FIXTURE, {"base": "def base(n):\n    return 0\n",
                                                "usa": "def usa(n):\n    return 3 * n\n"}, sandbox)
    usa = {c.id: c for c in r.checks}["usa_valor"]
    assert not usa.passed and usa.reference == ()


def test_a_failure_beside_helpers_that_pass_their_own_checks_is_not_graded_again(fixture_material, sandbox):
    """base passes its checks: usa's mistake is its own, and a second pass would only repeat it."""
    r = grade_cells(fixture_material, FIXTURE, {"usa": "def usa(n):\n    return base(n) + 2\n"}, sandbox)
    usa = {c.id: c for c in r.checks}["usa_valor"]
    assert not usa.passed and usa.reference == ()


def test_feedback_names_the_functions_that_were_the_course_s(fixture_material, sandbox):
    """Both wrong: usa's failed check is graded again on the course's base, and fails there too."""
    r = grade_cells(fixture_material, FIXTURE, {"base": "def base(n):\n    return 3 * n + 5\n",
                                                "usa": "def usa(n):\n    return base(n) + 2\n"}, sandbox)
    usa = {c.id: c for c in r.checks}["usa_valor"]
    assert not usa.passed and usa.reference == ("base",)
    assert "base()" in usa.feedback("es") and "del curso" in usa.feedback("es")
    assert "base()" in usa.feedback("en") and "course's" in usa.feedback("en")


def test_a_student_without_the_other_function_still_gets_the_course_s(fixture_material, sandbox):
    """The stub is bound whether or not the notebook defines the name: a missing base costs base's checks (and the
    integration check)."""
    r = grade_cells(fixture_material, FIXTURE, {"base": "pass\n"}, sandbox)
    assert _scores(r) == {"usa_valor": 1.0, "usa_integracion": 0.0, "base_valor": 0.0}, r.to_json()


def test_only_the_names_bound_for_the_check_are_answered(fixture_material, sandbox):
    """Student code may write callback frames itself (the pipe is in its process); one for a name the check did
    not bind (usa itself, in usa's check) gets a NameError, never the reference's usa."""
    src = ("from dlgrader.sandbox.stubs import make_stub\n"
           "def usa(n):\n"
           "    celdas = dict(zip(base.__code__.co_freevars, (c.cell_contents for c in base.__closure__)))\n"
           "    espia = make_stub('usa', celdas['proto_in'], celdas['proto_out'])\n"
           "    try:\n        espia(n)\n        return -1\n"
           "    except NameError:\n        return base(n) + 1\n")
    r = grade_cells(fixture_material, FIXTURE, {"base": "def base(n):\n    return 0\n", "usa": src}, sandbox)
    usa = {c.id: c for c in r.checks}["usa_valor"]
    assert usa.passed and usa.reference == ("base",), r.to_json()


class _Session:
    """A worker session as RestartingWorker sees it, counting starts and closes."""

    made = 0

    def __init__(self):
        _Session.made += 1
        self.gone, self.closed, self.bound, self.lost = None, False, None, False

    def start(self):
        pass

    def load(self, cells):
        return {"errors": [], "names": []}

    def bind(self, names, callbacks):
        self.bound = names

    def forget_objects(self):
        pass

    def close(self):
        self.closed = True


def test_each_task_s_checks_start_from_a_fresh_worker():
    """A new scope (another task, or the integration check) closes the worker; the same scope keeps it."""
    from dlgrader.sandbox.budget import Budget

    worker = RestartingWorker(_Session, type("P", (), {"cells": []})(), 60.0, Budget(None))

    def begin(scope):
        return worker.begin_check(scope)()  # the session the check's first call would use

    first = begin(("usa", False, ("base",)))
    assert begin(("usa", False, ("base",))) is first and not first.closed
    assert first.bound == ("base",)
    own = begin(("usa", True, ()))
    assert own is not first and first.closed and own.bound is None
    other = begin(("base", False, ()))
    assert other is not own and own.closed
    other.gone = RuntimeError("killed")  # died in base's checks
    after = begin(("usa", False, ("base",)))
    assert after is not other and after.gone is None and after.bound == ("base",)
    assert worker.restarts == 0  # a fresh worker per task is not a restart, even after a dead one


def test_the_manifest_requires_exactly_one_integration_check(tmp_path):
    src = (FIXTURE_ROOT / "assignments" / FIXTURE / "assignment.toml").read_text(encoding="utf-8")
    folder = tmp_path / FIXTURE
    folder.mkdir()
    (folder / "assignment.toml").write_text(src.replace("integration = true\n", ""), encoding="utf-8")
    with pytest.raises(ConfigError, match="integration"):
        load_manifest(folder)
    (folder / "assignment.toml").write_text(src.replace('plain = true', 'plain = "yes"'), encoding="utf-8")
    with pytest.raises(ConfigError, match="plain"):
        load_manifest(folder)
    (folder / "assignment.toml").write_text(src, encoding="utf-8")
    a = load_manifest(folder)
    assert a.reference_names(a.check("usa_valor")) == ("base",)
    assert a.reference_names(a.check("usa_integracion")) == ()
    assert a.reference_names(a.check("base_valor")) == ("usa",)


@pytest.mark.slow
def test_a_bug_in_03_propagar_adelante_costs_its_task_and_the_integration_check_only(sandbox):
    """The issue's measure: before callbacks this mutant scored 5 of 29 (every later task called its propagar)."""
    material = find_material(REPO)
    a = material.assignment("03_backprop")
    mutant = REPO / "graders" / "03_backprop" / "mutants" / "propagar_sin_sigmoide_oculta.py"
    assert read_mutant(mutant).targets
    r = grade_cells(material, "03_backprop", read_cell_file(mutant), sandbox)
    lost = {c.id for c in r.checks if not c.passed}
    own = {c.id for c in a.checks if c.task == "propagar_adelante"}
    integration = {c.id for c in a.checks if c.integration}
    assert lost == own | integration, sorted(lost)
    assert r.score == a.auto_points - sum(a.check(i).points for i in own | integration) == 23.0
    # only the helper that failed its own checks was the course's: retropropagar and actualizar, which entrenar
    # also calls, stayed the student's, and propagar's own checks (its sigmoide passes) were not graded again
    assert {c.reference for c in r.checks} == {(), ("propagar_adelante",)}
    assert {c.id for c in r.checks if c.reference} >= {"perdida_curso", "entrenar_pesos"}
