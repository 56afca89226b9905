"""Hostile submissions score zero on what they touch and harm nothing outside the sandbox.

Each case replaces the fixture assignment's only function, ``suma``; the reference gets 4/4.
"""

from __future__ import annotations

import os
import uuid

import pytest

from conftest import FIXTURE_ROOT, grade_cells
from hostile_kinds import KINDS, hostile_cells
from leftovers import family, left_after

SECRET = FIXTURE_ROOT / "solutions" / "99_demo" / "solution.py"


def _grade(fixture_material, sandbox, source):
    return grade_cells(fixture_material, "99_demo", {"suma": source}, sandbox)


def _worker_processes() -> list[str]:
    """This test process's workers still running, cold ones and any a fork server forked, and any grading
    process it started (its fork servers are kept for its life; leftovers.py also finds re-parented ones). Not
    multiprocessing's resource tracker, which an earlier test's pool leaves for the life of this process."""
    return [str(p) for p in family() if p.is_worker or "multiprocessing.spawn" in p.cmdline]


def test_reference_gets_full_marks(fixture_material, sandbox):
    r = grade_cells(fixture_material, "99_demo", {}, sandbox)
    assert (r.score, r.max_score) == (4.0, 4.0), r.to_json()


HOSTILE = {
    "os_exit_at_import": "import os\nos._exit(0)\ndef suma(x):\n    return float(np.sum(x))\n",
    "sys_exit_in_call": "import sys\ndef suma(x):\n    sys.exit(0)\n",
    "infinite_loop": "def suma(x):\n    while True:\n        pass\n",
    "infinite_loop_at_import": "while True:\n    pass\n",
    "memory_bomb": "def suma(x):\n    b = []\n    while True:\n        b.append(bytearray(50_000_000))\n",
    "fork_bomb": "import os\ndef suma(x):\n    while True:\n        os.fork()\n",
    "subprocess": "import subprocess\ndef suma(x):\n    subprocess.run(['true'])\n    return float(np.sum(x))\n",
    "network": ("import socket\ndef suma(x):\n    s = socket.create_connection(('127.0.0.1', 22), timeout=1)\n"
                "    return float(np.sum(x))\n"),
    "read_solutions": f"def suma(x):\n    open({str(SECRET)!r}).read()\n    return float(np.sum(x))\n",
    "eq_always_true": ("class Yes(float):\n    def __eq__(self, o):\n        return True\n"
                       "def suma(x):\n    return Yes(0.0)\n"),
    "monkeypatch_numpy": ("np.allclose = lambda *a, **k: True\nnp.testing.assert_allclose = lambda *a, **k: None\n"
                          "np.array_equal = lambda *a, **k: True\ndef suma(x):\n    return 0.0\n"),
    "huge_return": "def suma(x):\n    return [0.0] * 5_000_000\n",
    "deep_return": "def suma(x):\n    v = []\n    for _ in range(10_000):\n        v = [v]\n    return v\n",
    "print_flood": "def suma(x):\n    print('x' * 10_000_000)\n    return 'no'\n",
    "renamed": "def sumar(x):\n    return float(np.sum(x))\n",
    "syntax_error": "def suma(x)\n    return 1\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_submission_scores_zero_and_leaves_nothing(name, fixture_material, sandbox):
    marker = f"/tmp/dlgrader-hostile-{uuid.uuid4().hex}"
    source = HOSTILE[name] + f"\ntry:\n    open({marker!r}, 'w').write('pwned')\nexcept Exception:\n    pass\n"
    r = _grade(fixture_material, sandbox, source)
    assert r.score == 0.0, r.to_json()
    assert all(c.feedback() for c in r.checks)  # every failed check says why
    assert not os.path.exists(marker), "a file was written outside the sandbox"
    assert left_after(_worker_processes) == []  # a killed worker may take a moment to exit


def test_fake_results_file_changes_nothing(fixture_material, sandbox, tmp_path):
    """Writing a results file next to the course means nothing: only the broker's verdicts count."""
    target = tmp_path / "results.json"
    src = (f"import json\njson.dump({{'score': 4, 'max_score': 4}}, open({str(target)!r}, 'w'))\n"
           "def suma(x):\n    return -1.0\n")
    r = _grade(fixture_material, sandbox, src)
    assert r.score == 0.0 and not target.exists()


def test_renamed_function_gets_a_hint_once(fixture_material, sandbox):
    """The missing name and the name it was perhaps renamed to are said once; each check points there."""
    r = _grade(fixture_material, sandbox, HOSTILE["renamed"])
    assert [p("es") for p in r.problems] == [
        "No encontré suma en tu notebook. ¿Quizás la renombraste como sumar? Usa exactamente el nombre del enunciado."]
    assert "sumar" in r.problems[0]("en")
    assert all(c.feedback("es") == "Sin revisar: falta suma (ver arriba)." for c in r.checks)


def test_syntax_error_is_reported_once_with_its_line_and_a_caret(fixture_material, sandbox):
    r = _grade(fixture_material, sandbox, HOSTILE["syntax_error"])
    assert [p("es") for p in r.problems] == [
        "Error de sintaxis en la celda suma, línea 1: falta ':'.\n    def suma(x)\n               ^"]
    assert r.problems[0]("en").startswith("Syntax error in cell suma, line 1: expected ':'.")
    assert all(c.feedback("es").startswith("Sin revisar: suma está en la celda suma, que no se pudo ejecutar")
               for c in r.checks)


def test_python_s_message_is_in_spanish_and_the_counterexample_is_the_call(fixture_material, sandbox):
    r = _grade(fixture_material, sandbox, "def suma(x):\n    return x.total()\n")
    prop = next(c for c in r.checks if c.id == "suma_prop")
    assert prop.message("es") == ("suma() lanzó AttributeError: un objeto 'numpy.ndarray' no tiene el atributo "
                                  "'total' (celda suma, línea 2).")
    assert prop.message("en") == "suma() raised AttributeError: 'numpy.ndarray' object has no attribute 'total' " \
                                 "(cell suma, line 2)."
    assert prop.counterexample == "suma(np.array([]))"  # hypothesis' smallest input, as the call to type


def test_same_submission_twice_gives_identical_results(fixture_material, sandbox):
    src = "def suma(x):\n    return float(np.sum(x[:2]))\n"  # wrong for longer arrays: hypothesis must find it
    a, b = (_grade(fixture_material, sandbox, src).to_json() for _ in range(2))
    a.pop("seconds"), b.pop("seconds")
    assert a == b
    assert a["score"] < a["max_score"]


def test_solutions_graders_and_gradebook_cannot_be_seen_from_the_worker(fixture_material, sandbox, tmp_path):
    """The student's code lists which secret paths exist from inside the sandbox; it must see none of them."""
    from conftest import REPO

    gradebook = tmp_path / "curso" / "gradebook.db"
    gradebook.parent.mkdir()
    gradebook.write_bytes(b"SQLite format 3\x00")
    secrets = [str(p) for p in (SECRET, SECRET.parent, FIXTURE_ROOT / "graders", REPO / "solutions",
                                REPO / "graders" / "01_perceptron" / "test_hidden.py", gradebook, gradebook.parent)]
    src = (f"import os\nSEEN = [p for p in {secrets!r} if os.path.exists(p)]\n"
           "def suma(x):\n    raise ValueError('VISTO=' + repr(SEEN))\n")
    r = _grade(fixture_material, sandbox, src)
    feedback = r.checks[0].feedback("es")
    assert "VISTO=[]" in feedback, feedback
    assert all(os.path.exists(p) for p in secrets)  # they are there, outside


CACHING_BASE = '''
import json
import os

_RESPUESTAS = {}
_ARCHIVO = "/tmp/respuestas_de_base.json"
_DENTRO = []


def base(n):
    """Wrong on its own; right only with answers gathered while usa's checks had the course's base."""
    if not _DENTRO:  # calling usa makes base's failed check be graded again, after usa's
        _DENTRO.append(1)
        try:
            usa(0)
        finally:
            _DENTRO.pop()
    if n in _RESPUESTAS:
        return _RESPUESTAS[n]
    if os.path.exists(_ARCHIVO):
        with open(_ARCHIVO) as f:
            guardadas = json.load(f)
        if str(n) in guardadas:
            return guardadas[str(n)]
    return 0
'''

CACHING_USA = '''
def usa(n):
    for k in range(50):  # base's whole small domain, asked of the course's base
        _RESPUESTAS[k] = base(k)
    os.environ["RESPUESTAS_DE_BASE"] = json.dumps(_RESPUESTAS)
    with open(_ARCHIVO, "w") as f:
        json.dump({str(k): v for k, v in _RESPUESTAS.items()}, f)
    return base(n) + 1
'''


def test_answers_gathered_in_another_task_s_check_are_gone_in_its_own(fixture_material, sandbox):
    """The issue's attack: when usa's failed check is graded again, base is the course's; caching its answers (in
    memory, in /tmp) gains nothing in base's own check, graded again after it from a fresh worker with a fresh
    /tmp."""
    if sandbox.mode == "plain":
        pytest.skip("without a private /tmp (weak isolation) a file written in one worker is seen by the next")
    r = grade_cells(fixture_material, "98_llamadas", {"base": CACHING_BASE, "usa": CACHING_USA}, sandbox)
    by_id = {c.id: c for c in r.checks}
    assert by_id["usa_valor"].passed and by_id["usa_valor"].reference == ("base",)  # the gathering ran
    assert by_id["base_valor"].reference == ("usa",)  # graded again, after usa's: the attack had its chance
    assert not by_id["base_valor"].passed and not by_id["usa_integracion"].passed, r.to_json()
    assert left_after(_worker_processes) == []  # a killed worker may take a moment to exit


BROADCAST_BOMB = '''
import numpy as np

_INTENTOS = []


def usa(n):
    """Hands the course's base arrays shaped to broadcast into 3.2 GB (20000 x 20000), once per worker."""
    if not _INTENTOS:
        _INTENTOS.append(1)
        try:
            base(np.ones((20000, 1)), np.ones((1, 20000)))
        except MemoryError:
            return base(n) + 1
        except Exception:
            return -1
        return -1
    return base(n) + 1
'''


def test_arguments_that_broadcast_into_gigabytes_do_not_reach_the_broker_s_memory(fixture_material, sandbox):
    """The broker computes a plain function's answer itself: its address space is capped for that one call, so
    the course's base raises MemoryError in the student's code instead of mapping 3.2 GB in the broker."""
    import resource
    import sys

    if not sys.platform.startswith("linux"):
        pytest.skip("elsewhere plain functions are answered by the reference's own worker")
    peak, limit = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrlimit(resource.RLIMIT_AS)
    r = grade_cells(fixture_material, "98_llamadas", {"usa": BROADCAST_BOMB}, sandbox)
    assert {c.id: c.passed for c in r.checks}["usa_valor"], r.to_json()  # MemoryError reached the student
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak < 512 * 1024
    assert resource.getrlimit(resource.RLIMIT_AS) == limit  # put back after the call


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_submission_that_only_costs_time_stops_costing_at_the_first_sign(kind, fixture_material, sandbox,
                                                                             monkeypatch):
    """Each kind of issue 25 costs one time-out, one memory exhaustion or one load, never one per check: its
    function is not called again and no worker is started for it again. It scores zero, says why, leaves nothing."""
    from dlgrader.sandbox.session import WorkerSession

    a = fixture_material.assignment("99_demo")
    starts = []
    start = WorkerSession.start
    monkeypatch.setattr(WorkerSession, "start", lambda self: (starts.append(1), start(self))[1])
    r = _grade(fixture_material, sandbox, hostile_cells(kind, a)["suma"])
    assert r.score == 0.0 and all(c.feedback() for c in r.checks), r.to_json()
    assert len(starts) == 1, f"{len(starts)} workers started"  # what it costs: benchmarks/bench_reliability.py
    assert left_after(_worker_processes) == []  # a killed worker may take a moment to exit


def test_a_submission_past_its_budget_keeps_the_checks_it_finished(fixture_material, sandbox):
    """Every call slow, none over its time-out: the budget ends the check it is in and the ones after it, with
    the reason, once in the problems too; the check it finished keeps its points."""
    from dlgrader.grading.runner import grade_program
    from dlgrader.material.notebook import program_from_cells
    from dlgrader.sandbox.budget import Budget

    a = fixture_material.assignment("99_demo")
    slow = "import time\ndef suma(x):\n    time.sleep(0.3)\n    return float(np.sum(x))\n"
    program = program_from_cells({"suma": "import numpy as np\n" + slow}, a.notebook_path)
    with Budget(4.0) as budget:  # suma_pub's few calls fit in it at any load; suma_prop's hundred do not
        r = grade_program(a, program, material=fixture_material, sandbox=sandbox, budget=budget)
    verdicts = {c.id: c.passed for c in r.checks}
    assert verdicts == {"suma_pub": True, "suma_prop": False, "suma_inputs": False}, r.to_json()
    for c in r.checks[1:]:
        assert "tardó más de 4 s en total" in c.feedback("es") and "more than 4 s in total" in c.feedback("en")
    assert [p("es") for p in r.problems] == [budget.text("es")]
