"""Replay, for each property check, the examples hypothesis generated when it checked the reference.

Why: hypothesis' engine (choosing, drawing and bookkeeping ~900 examples per submission) costs more
than the checks it runs. Graders run derandomized and without a database, so the engine's next choice
depends only on what earlier examples did: passed, or were rejected by ``assume``, and what the test body
drew with ``data.draw``. A submission on which every example behaves as it did for the reference would be
handed exactly the reference's examples, in the same order, and pass. Replaying them directly gives that
same verdict without the engine. At the first example that behaves differently (fails, is rejected where
the reference's was not, draws something else) the check is run by hypothesis from the start as usual, so
every failure, counterexample and shrink is hypothesis' own.

Tapes go one step further. While recording, the reference's worker session keeps every request the
check's body sent and every reply, as bytes. A check whose body sees nothing of the submission but the
``student`` proxy (its fixtures: ``student``, ``reference``) is a deterministic function of the examples
and the replies, which is what hypothesis already requires of it. So if the submission's worker, sent
the recorded requests in order, answers each with the very bytes the reference's did, the body would
have sent those requests and passed: the check passes without running it (no encoding, no body; the
requests go a few ahead of the replies, session.play). The first reply that differs ends the tape; the
examples are then replayed as above, and hypothesis runs if one of them behaves differently.

Callbacks (:mod:`.callbacks`) leave this sound. While a check's names are bound (its second pass, after it
failed on the student's own functions; the reference is recorded with nothing bound), the worker may send,
before a reply, stub frames that the broker answers with the reference's result; they are not part of the
tape, which holds the body's requests and their replies only. The body sees nothing but those replies, so if
each reply is byte for byte the recorded one, the body would have passed, whatever stub calls led to it. The
stubs are answered live during a play by the same handler as in the body's run (same reference, same count,
same time limits), so a play never passes where that handler would have failed the call. The names are bound
when the check's ``student`` fixture is set up, before a tape starts, from the check's task alone, in a fresh
worker for each task's checks. While they are bound, play() sends one request at a time: a stub reads its
answer from the pipe the requests arrive on.

A table is recorded by grading the reference's property checks once: by ``autograde``'s grading processes,
each a share of the checks, merged and handed to them all before they grade; or once per process on a Dask
node. ``DLGRADER_REPLAY=0``, or ``replay = false`` in an assignment.toml, turns replay off. A tape holds the
reference's outputs: it stays in the grading processes (and, while autograde runs, in a file only the
instructor's user can read); a worker is only ever sent its requests.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
from hypothesis.errors import StopTest, UnsatisfiedAssumption
from hypothesis.strategies import DataObject, SearchStrategy

try:  # hypothesis' own seeding around each example; an internal: if it moves, hypothesis grades every check
    from hypothesis.internal.entropy import deterministic_PRNG
except ImportError:
    deterministic_PRNG = None
try:  # what most strategies are; an internal: if it moves, every repr is made in full
    from hypothesis.strategies._internal.lazy import LazyStrategy
except ImportError:
    LazyStrategy = ()

PASS, REJECT, STOP = "pass", "reject", "stop"  # STOP: the engine ended the example inside a draw (too much data)


class _Marker:
    """A placeholder in a recorded example that stays the same object after pickling."""

    def __init__(self, name: str):
        self.name = name

    def __reduce__(self):
        return self.name


_DATA = _Marker("_DATA")  # the argument that was hypothesis' ``data()`` object
_STOPPED = _Marker("_STOPPED")  # the value of a draw the engine stopped


def enabled() -> bool:
    return deterministic_PRNG is not None and os.environ.get("DLGRADER_REPLAY", "1") != "0"


@dataclass
class Example:
    """One call of a test body: the arguments hypothesis drew, what the body drew, what it did."""

    args: tuple
    kwargs: dict
    draws: list[tuple[str, Any]] = field(default_factory=list)  # (repr of the strategy, value drawn)
    outcome: str = PASS


class Table:
    """The recorded examples and tapes of one assignment's checks, by check id (None: cannot be replayed)."""

    def __init__(self, key: str, share: tuple[int, int] = (0, 1)):
        self.key = key
        self.share = share  # (part, parts): this recording covers every parts-th property check from part
        self.checks: dict[str, list[Example] | None] = {}
        # by check id: the reference's conversation with its worker (tapes, in the module docstring), or None
        self.tapes: dict[str, list | None] = {}
        # by check id, in this process: how often it passed by replay, how often it was handed to hypothesis
        self.replayed: Counter[str] = Counter()
        self.fell_back: Counter[str] = Counter()
        self.played: Counter[str] = Counter()  # passed by the tape alone, without running the body

    @classmethod
    def merged(cls, shares: list["Table"]) -> "Table":
        """One table from recordings that shared the checks out (autograde's grading processes)."""
        assert shares and len({t.key for t in shares}) == 1
        table = cls(shares[0].key)
        for t in shares:
            table.checks.update(t.checks)
            table.tapes.update(t.tapes)
        return table

    def examples(self, check_id: str) -> list[Example] | None:
        return self.checks.get(check_id)

    @property
    def replayable(self) -> int:
        return sum(1 for v in self.checks.values() if v)


class _Diverged(Exception):
    """The body drew something the reference's run did not: hypothesis would have chosen differently."""


class _Stopped(BaseException):
    """Replays the engine stopping an example in a draw (a BaseException, like hypothesis' StopTest)."""


def _key(strategy) -> str:
    """What a drawn strategy is, in full: its repr, with numpy arrays printed whole and every float exactly.

    numpy's default repr rounds to 8 digits and elides long arrays, so two strategies built from different
    values (say, from two students' answers) could print alike; then a draw would wrongly count as the same.
    A repr is slow for an ``arrays(...)`` strategy (README, "Performance"), which bodies build anew for every
    example, so it is kept by what the strategy was built from (_parts): equal parts print alike.
    """
    parts = _parts(strategy)
    kept = _KEYS.get(parts) if parts is not None else None
    if kept is not None:
        return kept[0]
    with np.printoptions(threshold=sys.maxsize, floatmode="unique"):
        text = repr(strategy)
    if parts is not None:
        if len(_KEYS) >= 4096:
            _KEYS.clear()
        _KEYS[parts] = (text, strategy)  # the strategy kept alive: the ids in its parts stay its own
    return text


_KEYS: dict = {}
_PLAIN = (int, str, bytes, bool, type(None), type, np.dtype)


def _parts(value, depth: int = 0):
    """A hashable account of what a strategy was built from, or None when there is none this cheap."""
    if depth > 8:
        return None
    if isinstance(value, _PLAIN):
        return (type(value), value)
    if isinstance(value, float):
        return (type(value), value.hex())  # np.float64(1.0) prints unlike 1.0
    if isinstance(value, (tuple, list)):
        items = tuple(_parts(v, depth + 1) for v in value)
        return None if None in items else (type(value), items)
    if isinstance(value, dict):
        items = tuple((k, _parts(v, depth + 1)) for k, v in value.items())
        return None if any(not isinstance(k, str) or v is None for k, v in items) else ("dict", items)
    if isinstance(value, np.ndarray):
        return None if value.dtype.hasobject else ("ndarray", value.dtype.str, value.shape, value.tobytes())
    if isinstance(value, LazyStrategy):
        try:
            built = (value.function, value._LazyStrategy__args, value._LazyStrategy__kwargs,
                     [(method, fn) for method, fn, *_ in value._transformations])
        except AttributeError:
            return None
        inner = _parts(built, depth + 1)
        return None if inner is None else ("lazy", inner)
    if isinstance(value, SearchStrategy) or callable(value):
        return ("object", id(value))  # kept alive with its key (see _key), so the id stays its own
    return None


class _RecordingData:
    """Stands for hypothesis' ``data()`` while recording: draws through it and keeps what was drawn."""

    def __init__(self, data: DataObject, log: list):
        self._data, self._log = data, log

    def draw(self, strategy, label=None):
        key = _key(strategy)  # before drawing: a lazy strategy keeps the first repr made of it
        try:
            value = self._data.draw(strategy, label)
        except StopTest:
            self._log.append((key, _STOPPED))
            raise
        self._log.append((key, copy.deepcopy(value)))
        return value


class _ReplayData:
    """Stands for ``data()`` while replaying: hands back the recorded values, if asked for the same things."""

    def __init__(self, draws: list[tuple[str, Any]]):
        self._draws, self._next = draws, 0
        self.diverged = False  # kept, in case the body swallows the exception

    def draw(self, strategy, label=None):
        if self.diverged or self._next >= len(self._draws) or self._draws[self._next][0] != _key(strategy):
            self.diverged = True
            raise _Diverged
        self._next += 1
        value = self._draws[self._next - 1][1]
        if value is _STOPPED:
            raise _Stopped
        return copy.deepcopy(value)

    @property
    def same(self) -> bool:
        """Drew exactly what the reference's run drew."""
        return not self.diverged and self._next == len(self._draws)


def recording(inner: Callable, fixtures: set[str], log: list[Example]) -> Callable:
    """Wrap a hypothesis test's inner function so each call is logged (arguments copied before the body runs)."""

    def run(*args, **kwargs):
        example = Example(copy.deepcopy(args), {})
        for name, value in list(kwargs.items()):
            if name in fixtures:
                continue
            if isinstance(value, DataObject):
                kwargs[name] = _RecordingData(value, example.draws)
                example.kwargs[name] = _DATA
            else:
                example.kwargs[name] = copy.deepcopy(value)
        log.append(example)
        try:
            return inner(*args, **kwargs)
        except UnsatisfiedAssumption:
            example.outcome = REJECT
            raise
        except StopTest:
            example.outcome = STOP
            raise
        except BaseException:
            example.outcome = "error"  # the reference failed here (or hypothesis stopped it): not replayable
            raise

    return functools.wraps(inner)(run)


def usable(log: list[Example]) -> list[Example] | None:
    return log if log and all(e.outcome in (PASS, REJECT, STOP) for e in log) else None


def replay(inner: Callable, fixtures: dict, examples: list[Example]) -> bool:
    """Run the recorded examples in order; True when each behaved as it did for the reference."""
    for example in examples:
        kwargs = dict(fixtures)
        data = None
        for name, value in example.kwargs.items():
            if value is _DATA:
                kwargs[name] = data = _ReplayData(example.draws)
            else:
                kwargs[name] = copy.deepcopy(value)
        try:
            with deterministic_PRNG():  # what hypothesis does around each example
                inner(*copy.deepcopy(example.args), **kwargs)
            outcome = PASS
        except UnsatisfiedAssumption:
            outcome = REJECT
        except _Stopped:
            outcome = STOP
        except Exception:  # noqa: BLE001 - a failure or a divergence: hypothesis takes over and reports it
            return False
        if outcome != example.outcome or (data is not None and not data.same):
            return False
    return True


def fingerprint(paths: list, extra: str = "") -> str:
    """What a table depends on: the graders, the public checks, the reference, the release, hypothesis."""
    import hypothesis

    h = hashlib.sha256(f"{hypothesis.__version__}\0{extra}".encode())
    for p in paths:
        h.update(str(p).encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()
