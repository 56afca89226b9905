"""Replaying the reference's tapes and examples gives hypothesis' own verdicts, only faster (replay.py).

The class harness (test_assignments.py) grades every mutant, alternative and hostile notebook through
autograde, which replays: there, every verdict the harness expects is a verdict of the replay. Here:
the same programs graded with and without replay agree check by check, the three paths (played from
the tape, replayed, handed back to hypothesis) are taken, a tape stops at the first reply that differs,
a check that sees who submitted is never passed by a tape, and a body whose rejections or draws depend
on the student's answers is handed back to hypothesis rather than replayed on the reference's choices.
"""

from __future__ import annotations

import functools
import pickle
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

from dlgrader.grading import recordings, replay, runner
from dlgrader.grading.runner import grade_program
from dlgrader.material.notebook import program_from_cells, program_from_notebook, read_cell_file
from dlgrader.material.paths import find_material

from conftest import FIXTURE_ROOT, REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from bench_autograde import mix  # noqa: E402 - the demo class without its infinite loops

# Two checks of the fixture course whose bodies react to the student's answers: a rejection (assume) and a
# strategy (data.draw) that depend on what suma returned.
EDGE_CHECKS = """
[[check]]
id = "suma_asume"
task = "suma"
points = 1
public = false
title_es = "suma con assume"
title_en = "sum with assume"

[[check]]
id = "suma_quien"
task = "suma"
points = 1
public = false
title_es = "suma según quién entrega"
title_en = "sum by who submits"

[[check]]
id = "suma_dibuja"
task = "suma"
points = 1
public = false
title_es = "suma con data.draw"
title_en = "sum with data.draw"
"""

EDGE_GRADER = '''
import numpy as np
from hypothesis import assume, given, strategies as st
from dlgrader.grading import as_number, check, expect, grader_settings


@check("suma_asume")
@grader_settings(max_examples=30)
@given(x=st.integers(-5, 5))
def test_asume(student, x):
    got = as_number(student.suma(np.array([float(x)])), "suma(x)")
    assume(got != 3.0)  # the reference rejects only x = 3
    expect(got == x or x == -2, "suma mal", "sum wrong")


@check("suma_quien")
@grader_settings(max_examples=10)
@given(x=st.integers(-5, 5))
def test_quien(student, student_id, x):
    got = as_number(student.suma(np.array([float(x)])), "suma(x)")
    expect(got == x and student_id != "ajeno", "suma mal", "sum wrong")  # the same replies, another verdict


@check("suma_dibuja")
@grader_settings(max_examples=30)
@given(data=st.data())
def test_dibuja(student, data):
    n = int(as_number(student.suma(np.ones(2)), "suma(x)"))
    k = data.draw(st.integers(0, abs(n) % 7))  # the reference draws from integers(0, 2)
    expect(k <= 2, "k > 2", "k > 2")  # always true for the reference; replaying its draws would hide a failure
'''


@pytest.fixture(scope="module")
def edge_material(tmp_path_factory):
    root = tmp_path_factory.mktemp("edge") / "course"
    shutil.copytree(FIXTURE_ROOT, root)
    toml = root / "assignments" / "99_demo" / "assignment.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + EDGE_CHECKS, encoding="utf-8")
    (root / "graders" / "99_demo" / "test_edge.py").write_text(EDGE_GRADER, encoding="utf-8")
    return find_material(root)


def _program(material, aid, cells: dict[str, str] | None = None, path: Path | None = None):
    a = material.assignment(aid)
    if path is not None:
        return program_from_notebook(path, a.notebook_path)
    return program_from_cells(read_cell_file(material.solution_path(aid)) | (cells or {}), a.notebook_path)


def _verdicts(result) -> list[tuple[str, bool, float]]:
    return [(c.id, c.passed, c.points) for c in result.checks]


def _table(material, aid, sandbox) -> replay.Table:
    return recordings.replay_table(material.assignment(aid), material, sandbox)


def _counts(table) -> tuple:
    return table.played.copy(), table.replayed.copy(), table.fell_back.copy()


def _grown(table, before) -> tuple:
    return tuple(dict(now - then) for now, then in zip(_counts(table), before))


def test_the_reference_is_played_from_its_tapes(edge_material, sandbox):
    aid = "99_demo"
    table = _table(edge_material, aid, sandbox)
    assert table.replayable == 4, table.checks  # suma_prop, suma_asume, suma_quien, suma_dibuja
    assert {cid for cid, tape in table.tapes.items() if tape} == {"suma_prop", "suma_asume", "suma_dibuja"}
    before = _counts(table)
    result = grade_program(edge_material.assignment(aid), _program(edge_material, aid), material=edge_material,
                           sandbox=sandbox, table=table)
    assert result.score == result.max_score
    # suma_quien sees the student's id: never passed by its tape, its examples are replayed instead
    assert _grown(table, before) == ({"suma_prop": 1, "suma_asume": 1, "suma_dibuja": 1}, {"suma_quien": 1}, {})


def test_the_reference_is_replayed_without_hypothesis(edge_material, sandbox, monkeypatch):
    aid = "99_demo"
    table = _table(edge_material, aid, sandbox)
    monkeypatch.setattr(table, "tapes", {})  # the examples alone
    before = _counts(table)
    result = grade_program(edge_material.assignment(aid), _program(edge_material, aid), material=edge_material,
                           sandbox=sandbox, table=table)
    assert result.score == result.max_score
    assert _grown(table, before) == ({}, {"suma_prop": 1, "suma_asume": 1, "suma_quien": 1, "suma_dibuja": 1}, {})


def test_a_check_that_sees_who_submitted_is_not_passed_by_the_tape(edge_material, sandbox):
    """The reference's own replies, but a student the body fails: a tape would have passed the check."""
    aid = "99_demo"
    table = _table(edge_material, aid, sandbox)
    result = grade_program(edge_material.assignment(aid), _program(edge_material, aid), material=edge_material,
                           sandbox=sandbox, table=table, student="ajeno")
    assert [c.id for c in result.checks if not c.passed] == ["suma_quien"]
    assert table.tapes["suma_quien"] is None


def test_a_correct_answer_that_differs_in_the_last_bits_is_replayed(edge_material, sandbox):
    aid = "99_demo"
    table = _table(edge_material, aid, sandbox)
    suma = "import numpy as np\ndef suma(x):\n    return float(np.sum(x)) * (1 + 1e-15)\n"
    before = _counts(table)
    result = grade_program(edge_material.assignment(aid), _program(edge_material, aid, {"suma": suma}),
                           material=edge_material, sandbox=sandbox, table=table)
    assert next(c for c in result.checks if c.id == "suma_prop").passed
    played, replayed, _ = _grown(table, before)
    assert "suma_prop" not in played and replayed.get("suma_prop") == 1


def _session(sandbox, source: str, call_timeout: float = 20):
    from dlgrader.material.notebook import Cell
    from dlgrader.sandbox.session import WorkerSession

    s = WorkerSession(sandbox, hidden=[], preimport=["numpy"], memory_mb=512, call_timeout=call_timeout,
                      load_timeout=20)
    s.start()
    assert s.load([Cell("c", source, True)])["errors"] == []
    return s


def _strategies():
    """Strategies built as bodies build them, in pairs that differ in one value (each made twice)."""
    from hypothesis import strategies as st
    from hypothesis.extra.numpy import arrays

    e = st.integers(-3, 3).map(float)
    return [
        lambda: arrays(np.float64, (2, 3), elements=e), lambda: arrays(np.float64, (3, 2), elements=e),
        lambda: st.floats(0.0, 1.0), lambda: st.floats(-0.0, 1.0),
        lambda: st.floats(0.5, 1.0), lambda: st.floats(0.5 + 2**-53, 1.0),
        lambda: st.sampled_from(np.array([1.0, 2.0])), lambda: st.sampled_from(np.array([1.0, 2.0 + 1e-15])),
        lambda: st.lists(st.integers(0, 1), min_size=3), lambda: st.lists(st.integers(0, 1), min_size=3).map(sorted),
        lambda: st.tuples(st.integers(1, 5), st.just({"tipo": "escalon"})),
        lambda: st.tuples(st.integers(1, 5), st.just({"tipo": "tiempo"})),
        lambda: st.integers(1, 8).filter(lambda k: k % 2), lambda: st.integers(1, 8).filter(lambda k: k % 3),
    ]


def test_a_strategys_key_is_its_full_repr_when_kept_too():
    """A key kept from an earlier strategy built alike is the one a full repr of this one gives."""
    makers = _strategies()
    for _ in range(2):  # the second time from what was kept
        keys = []
        for make in makers:
            strategy = make()
            with np.printoptions(threshold=sys.maxsize, floatmode="unique"):
                assert replay._key(strategy) == repr(strategy)
            keys.append(replay._key(strategy))
        assert len(set(keys)) == len(keys)


def test_a_tape_stops_at_the_first_reply_that_differs(sandbox):
    """After a differing reply the worker gets no more than the requests already sent ahead of it, all answered."""
    from dlgrader.sandbox.session import AHEAD_REQUESTS

    session = functools.partial(_session, sandbox)
    counting = "calls = []\ndef veces():\n    return len(calls)\ndef f(x):\n    calls.append(x)\n    return {}\n"
    with session(counting.format("x")) as ref, session(counting.format("-1 if x == 2 else x")) as sub:
        ref.tape = []
        for x in range(AHEAD_REQUESTS + 12):
            ref.call("f", (x,), {})
        tape, ref.tape = ref.tape, None
        assert ref.play(tape) and ref.call("veces", (), {}) == 2 * len(tape)
        assert not sub.play(tape)
        # f(0), f(1), f(2) (its reply differed), and the AHEAD_REQUESTS - 1 sent ahead of f(2)'s reply; their
        # replies were read, so this call gets its own (a stale one would be refused as malformed)
        assert sub.call("veces", (), {}) == 3 + AHEAD_REQUESTS - 1


def test_a_tape_sends_large_requests_a_few_at_a_time(sandbox):
    """Requests larger than the pipe's buffer in total still go through, in order, and match."""
    with _session(sandbox, "def f(x):\n    return x[::-1].copy()\n") as ref:
        ref.tape = []
        for k in range(12):
            ref.call("f", (np.arange(1500.0) + k,), {})  # 12 kB each: two at a time, six fill the pipe
        tape, ref.tape = ref.tape, None
        assert ref.play(tape)
    with _session(sandbox, "def f(x):\n    y = x[::-1].copy()\n    y[0] += x[1] == 6\n    return y\n") as sub:
        assert not sub.play(tape)  # the sixth reply differs
        assert sub.call("f", (np.arange(3.0),), {}).tolist() == [2.0, 1.0, 0.0]


def test_a_request_sent_ahead_that_runs_out_of_time_leaves_the_worker_gone(sandbox):
    """The reply before it already differed, so the tape fails; the body's next call says why the worker is gone."""
    from dlgrader.sandbox.faults import FatalFault

    with _session(sandbox, "def f(x):\n    return x\n", call_timeout=1) as ref:
        ref.tape = []
        for x in range(4):
            ref.call("f", (x,), {})
        tape, ref.tape = ref.tape, None
    looping = "def f(x):\n    while x == 2:\n        pass\n    return -x\n"
    with _session(sandbox, looping, call_timeout=1) as sub:
        assert not sub.play(tape)  # f(1) = -1 differs; f(2), sent ahead, loops
        assert sub.gone is not None and sub.gone.timed_out and set(sub.stopped) == {"f"}
        with pytest.raises(FatalFault, match="already ran out of time"):
            sub.call("f", (1,), {})


def test_a_function_that_runs_out_of_time_on_a_tape_is_not_run_again(sandbox):
    """As in a call from the body: the time-out raises, and the function is refused from then on."""
    from dlgrader.sandbox.faults import FatalFault, WorkerGone

    with _session(sandbox, "def f(x):\n    return x\n", call_timeout=1) as ref:  # a tape keeps the call's time
        ref.tape = []
        ref.call("f", (1,), {})
        tape, ref.tape = ref.tape, None
    with _session(sandbox, "def f(x):\n    while True:\n        pass\n", call_timeout=1) as sub:
        with pytest.raises(WorkerGone) as gone:
            sub.play(tape)
        assert gone.value.timed_out and set(sub.stopped) == {"f"}
        with pytest.raises(FatalFault, match="already ran out of time"):
            sub.call("f", (1,), {})


def test_each_check_numbers_the_students_objects_from_one(sandbox):
    """So a tape that creates an object (an optimizer) matches whatever earlier checks created."""
    from dlgrader.sandbox.faults import SubmissionFault

    with _session(sandbox, "class Contador:\n    def uno(self):\n        return 1\n") as s:
        first, second = s.call("Contador", (), {}), s.call("Contador", (), {})
        assert (first.id, second.id) == (1, 2)
        s.forget_objects()
        assert s.call("Contador", (), {}).id == 1
        with pytest.raises(SubmissionFault):
            s.call("uno", (), {}, handle=second.id)  # forgotten


@pytest.mark.parametrize("suma, diverging, passes", [
    # suma(-2) = 3 makes the body reject x = -2, which the reference's run did not: hypothesis takes over (and passes)
    ("def suma(x):\n    s = float(np.sum(x))\n    return 3.0 if s == -2 else s\n", "suma_asume", True),
    # suma(ones(2)) = 4 makes the body draw from integers(0, 4), not integers(0, 2): hypothesis takes over and
    # finds k = 3, which the reference's draws never held
    ("def suma(x):\n    s = float(np.sum(x))\n    return 4.0 if s == 2 else s\n", "suma_dibuja", False),
])
def test_a_body_that_reacts_to_the_student_is_handed_to_hypothesis(edge_material, sandbox, suma, diverging, passes):
    aid = "99_demo"
    a = edge_material.assignment(aid)
    table = _table(edge_material, aid, sandbox)
    program = _program(edge_material, aid, {"suma": "import numpy as np\n" + suma})
    fell_back = table.fell_back[diverging]
    with_replay = grade_program(a, program, material=edge_material, sandbox=sandbox, table=table)
    assert table.fell_back[diverging] == fell_back + 1  # its tape and its examples both diverged
    without = grade_program(a, program, material=edge_material, sandbox=sandbox)
    assert _verdicts(with_replay) == _verdicts(without)
    assert next(c for c in with_replay.checks if c.id == diverging).passed is passes  # hypothesis' verdict


def test_recordings_that_share_the_checks_merge_into_the_whole_table(edge_material, sandbox):
    """autograde's grading processes record a share of the property checks each; merged, nothing is missing."""
    a = edge_material.assignment("99_demo")
    whole = recordings.record_table(a, edge_material, sandbox)
    shares = [recordings.record_table(a, edge_material, sandbox, part, 2) for part in range(2)]
    assert all(share.checks for share in shares) and set(shares[0].checks).isdisjoint(shares[1].checks)
    merged = replay.Table.merged(shares)
    assert merged.key == whole.key
    assert {c: len(e) for c, e in merged.checks.items()} == {c: len(e) for c, e in whole.checks.items()}
    assert {c for c, t in merged.tapes.items() if t} == {c for c, t in whole.tapes.items() if t}


def test_a_table_survives_the_trip_to_a_grading_process(edge_material, sandbox):
    """autograde pickles the table into its processes: the data() marker must still be recognised there."""
    aid = "99_demo"
    table = pickle.loads(pickle.dumps(_table(edge_material, aid, sandbox)))
    dibuja = table.examples("suma_dibuja")
    assert dibuja and all(e.kwargs["data"] is replay._DATA for e in dibuja)
    recordings.install_table(table)
    before = _counts(table)
    grade_program(edge_material.assignment(aid), _program(edge_material, aid), material=edge_material,
                  sandbox=sandbox, table=_table(edge_material, aid, sandbox))  # the one installed
    assert _grown(table, before) == ({"suma_prop": 1, "suma_asume": 1, "suma_dibuja": 1}, {"suma_quien": 1}, {})


@pytest.mark.slow
@pytest.mark.parametrize("aid", ["04_descenso_gradiente"])  # 01 replays through the class harness
def test_replay_and_hypothesis_agree_on_a_class(material, sandbox, monkeypatch, aid):
    """Part of 04's demo class and some mutants (its checks draw inside their bodies), graded both ways:
    the same verdict on every check."""
    monkeypatch.setattr(runner, "SHRINK_SECONDS", 0.05)  # only a counterexample's size depends on it
    a = material.assignment(aid)
    table = _table(material, aid, sandbox)
    assert table.replayable >= 0.8 * len(table.checks)
    programs = {nb.stem: _program(material, aid, path=nb) for nb in mix(aid)[:5]}
    for path in sorted((REPO / "graders" / aid / "mutants").glob("*.py"))[:3]:
        programs[path.stem] = _program(material, aid, read_cell_file(path))
    before = [sum(c.values()) for c in _counts(table)]
    for name, program in programs.items():
        fast = grade_program(a, program, material=material, sandbox=sandbox, table=table)
        full = grade_program(a, program, material=material, sandbox=sandbox)
        assert _verdicts(fast) == _verdicts(full), name
    assert all(sum(c.values()) > b for c, b in zip(_counts(table), before))  # played, replayed, fell back


def test_a_tape_plays_a_check_whose_student_calls_back(fixture_material, sandbox):
    """98_llamadas' usa calls base, which is the course's in usa's checks (grading/callbacks.py): the stubs'
    frames are answered live while the tape plays, and only the replies are compared."""
    aid = "98_llamadas"
    a = fixture_material.assignment(aid)
    table = _table(fixture_material, aid, sandbox)
    assert table.tapes.get("usa_valor")
    before = _counts(table)
    wrong_base = grade_program(a, _program(fixture_material, aid, {"base": "def base(n):\n    return 0\n"}),
                               material=fixture_material, sandbox=sandbox, table=table)
    played, _, _ = _grown(table, before)
    assert played.get("usa_valor") == 1  # its own usa on the course's base: the recorded replies, byte for byte
    assert {c.id: c.passed for c in wrong_base.checks} == {"usa_valor": True, "usa_integracion": False,
                                                            "base_valor": False}
    both_wrong = {"base": "def base(n):\n    return 0\n", "usa": "def usa(n):\n    return base(n) + 2\n"}
    wrong_usa = grade_program(a, _program(fixture_material, aid, both_wrong),
                              material=fixture_material, sandbox=sandbox, table=table)
    usa = {c.id: c for c in wrong_usa.checks}["usa_valor"]
    assert not usa.passed and usa.reference == ("base",) and usa.counterexample
