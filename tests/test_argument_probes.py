"""The graders' aliasing probes: a caller that changes its arrays right after a call sees what aliases them."""

from __future__ import annotations

import math

import numpy as np

from dlgrader.material.notebook import Cell
from dlgrader.sandbox.session import WorkerSession
from dlgrader.grading.proxy import RemoteFunction, RemoteObject

SOURCE = '''
import numpy as np
def same(x):
    return x
def copied(x):
    return x.copy()
def new_dict(d):
    return {k: v for k, v in d.items()}
def counts(x):
    return x
class Keeper:
    def keep(self, pesos):
        self.kept = pesos
        self.copies = [np.array(p, copy=True) for p in pesos]
    def kept_ones(self):
        return self.kept
    def copied_ones(self):
        return self.copies
'''


def _session(sandbox) -> WorkerSession:
    s = WorkerSession(sandbox, hidden=[], preimport=["numpy"], memory_mb=512, call_timeout=20, load_timeout=20)
    s.start()
    assert s.load([Cell("probe", SOURCE, True)])["errors"] == []
    return s


def test_a_returned_argument_shows_the_callers_change(sandbox):
    x = np.array([1.0, 2.0])
    with _session(sandbox) as s:
        fn = lambda name: RemoteFunction(lambda label=None: s, name)  # noqa: E731
        assert np.all(np.isnan(fn("same").overwriting_arguments(x)))
        assert np.array_equal(fn("copied").overwriting_arguments(x), x)
        shared = fn("new_dict").overwriting_arguments({"W": x, "b": x + 1})
        assert all(np.all(np.isnan(v)) for v in shared.values())  # a new dict, but the caller's arrays
        assert np.array_equal(fn("counts").overwriting_arguments(np.array([1, 2])), [1, 2])  # integers stay
        assert np.array_equal(fn("same")(x), x) and not math.isnan(x[0])  # the broker's own copy never changes


def test_a_kept_argument_shows_the_callers_change_later(sandbox):
    with _session(sandbox) as s:
        keeper = RemoteFunction(lambda label=None: s, "Keeper")()
        assert isinstance(keeper, RemoteObject)
        keeper.keep.overwriting_arguments([np.zeros((2, 2)), np.ones(3)])
        assert all(np.all(np.isnan(p)) for p in keeper.kept_ones())
        assert [p.tolist() for p in keeper.copied_ones()] == [[[0.0, 0.0], [0.0, 0.0]], [1.0, 1.0, 1.0]]


IDS = '''
import numpy as np
_seen = set()
def new_object(p):
    """Keys state by id(p), as a student's Adam might: True when p's id was never passed before."""
    fresh = id(p) not in _seen
    _seen.add(id(p))
    return fresh
'''


def test_an_argument_never_reuses_an_earlier_argument_s_id(sandbox):
    """Each call's arguments are new objects; the allocator would reuse a freed one's address (and id) at
    once, so code keying state by id(p) would find an earlier call's state by chance (a flaky verdict).
    The worker keeps the check's last calls' arguments alive: every id is new."""
    s = WorkerSession(sandbox, hidden=[], preimport=["numpy"], memory_mb=512, call_timeout=20, load_timeout=20)
    with s:
        s.start()
        assert s.load([Cell("ids", IDS, True)])["errors"] == []
        fn = RemoteFunction(lambda label=None: s, "new_object")
        assert all(fn(np.zeros(3)) for _ in range(20))
