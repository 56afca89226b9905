"""The broker's side of a callback: another task's function answered with the reference's result.

Why: the issue's "one mistake, one loss". A check of ``perdida`` calls the student's ``perdida``, which calls
``propagar_adelante``; with the student's own, one bug there fails every later task. So a check of task T that
fails with the student's own functions, whose task's cell calls another task's plain function (``plain`` in
assignment.toml) that failed a check of its own, is graded again (runner.py, :func:`second_pass`) with the
worker's names for the other tasks' failing plain functions (:func:`scope`) bound to stubs
(:mod:`..sandbox.stubs`) that call back here; this answers each with the reference's result, through the
codec. The reference never enters the student's process.

Why a second pass rather than stubs from the start (the issue's sketch, built first): the verdict differs only
where the student's own helper differs from the course's on the inputs the check used and the check passed
anyway (two mistakes that cancel, or a helper whose difference does not matter there); a function that works
in the student's own notebook is not failed for it. And stubs cost a round trip each (0.2-0.3 ms): 03's
``entrenar`` checks made about 9,000 a notebook, which a correct notebook no longer pays for. The integration
check (``integration = true``) is never graded again: it grades the student's whole pipeline once.

Where the reference runs is declared per task:

- ``plain = true``: in the broker, on the decoded arguments (about 0.2 ms a call), with the broker's address
  space capped at what it maps plus ``INLINE_MEMORY_MB`` for the call (arrays the student shaped to
  broadcast into gigabytes raise MemoryError, as in the worker). Only for functions whose time is bounded
  by their arguments' size, which the codec caps (a matrix product of capped arrays): the broker cannot
  stop a call once it started. Where the cap cannot be set (not Linux), they run as ``"worker"`` ones.
- ``plain = "worker"``: in a sandboxed worker of its own, loaded with the reference and nothing else, with a
  call's time limit and the memory limits (about 0.7 ms a call). For a cost a number among the arguments
  decides (``indices_lotes(10**9, 1, 10**6, 0)``), which the broker must never compute itself.

Answers are counted (``MAX_CALLS`` per check), each within the student's call's time, and only the names
bound for the current check are answered. They must not outlive the check's task: in the second pass
:class:`.restarts.RestartingWorker` starts each task's checks in a fresh worker, so nothing a student's code
gathers from the stubs during one task's checks is there in another task's; the first pass has no stubs.
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import os
import sys
from collections import Counter
from types import ModuleType
from typing import Callable

try:
    import resource
except ImportError:  # Windows: no rlimits
    resource = None

from ..material.manifest import Assignment
from ..material.notebook import Program, program_from_cells, read_cell_file
from ..material.paths import Material
from ..results import CheckResult
from ..sandbox import codec
from ..sandbox.faults import FatalFault, SubmissionFault, WorkerGone
from ..sandbox.session import WorkerSession
from ..text import Text

MAX_CALLS = 200_000  # per check: 03's entrenar checks make a few thousand; a loop of them ends here
MAX_REFERENCE_STARTS = 4
INLINE_MEMORY_MB = 1024  # what one answer computed in the broker may map beyond what the broker already maps
# RLIMIT_AS is enforced, and /proc/self/statm says what is mapped
_CAN_CAP = sys.platform.startswith("linux") and resource is not None  # per program: a reference worker that keeps dying is being fed hostile arguments


def for_program(assignment: Assignment, material: Material, reference: ModuleType,
                make: Callable[[], WorkerSession]) -> "ReferenceCalls | None":
    """The answerer for one program's checks, or None when no task of the assignment is ``plain``.

    ``DLGRADER_CALLBACKS=0`` turns callbacks off (the student's own functions throughout, as before issue 24):
    benchmarks/bench_callbacks.py compares the two.
    """
    if not any(t.plain for t in assignment.tasks) or os.environ.get("DLGRADER_CALLBACKS", "1") == "0":
        return None

    def start() -> WorkerSession:
        session = make()
        session.aliases = {}
        session.start()
        session.load(program_from_cells(read_cell_file(material.solution_path(assignment.id)),
                                        assignment.notebook_path).cells)
        return session

    inline = {n: getattr(reference, n) for t in assignment.tasks if t.plain and not t.isolated and _CAN_CAP
              for n in t.names}
    isolated = frozenset(n for t in assignment.tasks if t.plain for n in t.names) - set(inline)
    return ReferenceCalls(inline, isolated, start)


def scope(assignment: Assignment, check_id: str, callbacks: "ReferenceCalls | None", results: dict[str, CheckResult],
          pending: set[str]) -> tuple | None:
    """What a check's worker must have bound in the second pass: (task, integration, names), or None where
    callbacks are off. The names are the other tasks' plain functions that fail a check of their own, as far
    as the grading got (``results``; a task with checks still ``pending`` a second pass counts as failing):
    the course's ``propagar_adelante`` for a ``gradiente_numerico`` whose ``perdida`` failed only through it,
    never a helper that passes its checks, which stays the student's as in the first pass.

    Two checks with different scopes never share a worker (restarts.RestartingWorker.begin_check).
    """
    if callbacks is None or not any(t.plain for t in assignment.tasks):
        return None
    check = assignment.check(check_id)
    failing = _failing_names(assignment, results.values(), pending - {check_id})
    return check.task, check.integration, tuple(n for n in assignment.reference_names(check) if n in failing)


def second_pass(assignment: Assignment, program: Program, results: dict[str, CheckResult]) -> set[str]:
    """The checks to grade again with other tasks' failing functions the course's (:func:`scope` says which).

    A check is graded again if it failed, is not the integration check, and its task's cell calls another
    task's plain function (by name: a stub can stand only for a name the cell looks up) whose own task failed a
    check. Where every such helper passed its own checks, the failure is the task's own: a second pass would
    fail again, at the cost of a round trip per call. The checks are graded again in the manifest's order,
    helpers before the tasks that call them, so a helper that failed only through another is known by then."""
    calls, failing = _names_called(program), _failing_names(assignment, results.values())
    return {cid for cid, r in results.items() if _failing_helpers(assignment, r, calls, failing)}


def _failing_helpers(assignment: Assignment, r: CheckResult, calls: dict[str, set[str]], failing: set[str]) -> list[str]:
    """The other tasks' failing plain functions that a failed check's task cell calls: why it is graded again."""
    if r.passed is not False:
        return []
    check = assignment.check(r.id)
    return [n for n in assignment.reference_names(check) if n in calls.get(check.task, ()) and n in failing]


def _failing_names(assignment: Assignment, results, pending=()) -> set[str]:
    """The names of every task with a failed check among ``results`` or a check id in ``pending``."""
    failed = {assignment.check(r.id).task for r in results if r.passed is False}
    failed |= {assignment.check(cid).task for cid in pending}
    return {n for t in assignment.tasks if t.id in failed for n in t.names}


def note_own_functions(assignment: Assignment, program: Program, results: list[CheckResult]) -> list[CheckResult]:
    """A student's own check (no reference on their machine: it never ships) runs their own functions throughout;
    each failed check that grading would run again on the course's functions (its task's cell calls another
    task's plain function that failed a check here) says so, so a student is not misled about where the mistake is."""
    calls, failing = _names_called(program), _failing_names(assignment, results)
    out = []
    for r in results:
        names = _failing_helpers(assignment, r, calls, failing)
        if names:
            listed = ", ".join(f"{n}()" for n in names)
            es = ("tu propia", "no pasa", "la") if len(names) == 1 else ("tus propias", "no pasan", "las")
            en = "fails its" if len(names) == 1 else "fail their"
            note = Text(f"En tu equipo esta verificación usa {es[0]} {listed}, que {es[1]} sus propias "
                        f"verificaciones; al corregir se repite con {es[2]} del curso, así que puede pasar entonces "
                        "aunque falle aquí.",
                        f"On your machine this check uses your own {listed}, which {en} own checks; "
                        "grading runs it again with the course's, so it may pass then although it fails here.")
            hint = note if r.hint is None else Text(f"{r.hint.es} {note.es}", f"{r.hint.en} {note.en}")
            r = dataclasses.replace(r, hint=hint)
        out.append(r)
    return out


def _names_called(program: Program) -> dict[str, set[str]]:
    """The names each solution cell mentions (parsed, never run): the functions of other tasks it may call."""
    found = {}
    for cell in program.cells:
        if getattr(cell, "student", True):
            try:
                found[cell.id] = {n.id for n in ast.walk(ast.parse(cell.source)) if isinstance(n, ast.Name)}
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                continue
    return found


class ReferenceCalls:
    """Answers stubs' frames by calling the reference's worker; one per program graded."""

    def __init__(self, inline: dict[str, Callable], isolated: frozenset[str], start_reference: Callable[[], WorkerSession]):
        self._inline, self._isolated = inline, isolated  # run here; run in the reference's worker
        self._start = start_reference
        self._session: WorkerSession | None = None
        self._starts = 0
        self.names: frozenset[str] = frozenset()
        self.used: Counter[str] = Counter()  # this check's answers, by name: feedback names them

    def begin(self, names) -> None:
        """A new check: these names are answered, the count starts again."""
        self.names = frozenset(names)
        self.used = Counter()
        if self.names & self._isolated:
            self._reference()  # started before the student's call, whose time its start-up must not take

    def answer(self, frame: bytes, deadline: float) -> bytes:
        """The encoded answer to one stub frame; a FatalFault when the check's calls are spent."""
        try:
            msg = codec.decode(frame)
        except codec.CodecError:
            return _error("ValueError", "malformed callback")
        name = msg.get("callback") if isinstance(msg, dict) else None
        args, kwargs = (msg.get("args"), msg.get("kwargs")) if isinstance(msg, dict) else (None, None)
        if name not in self.names or not isinstance(args, list) or not isinstance(kwargs, dict):
            return _error("NameError", f"{name!r} is not answered by the broker in this check")
        if sum(self.used.values()) >= MAX_CALLS:
            raise FatalFault(Text(f"Tu código llamó más de {MAX_CALLS} veces a funciones de otras tareas en esta "
                                  "verificación.",
                                  f"Your code called other tasks' functions more than {MAX_CALLS} times in this check."))
        self.used[name] += 1
        if name in self._inline:
            return _inline(self._inline[name], name, args, kwargs)
        session = self._reference()
        if session is None:
            return _error("RuntimeError", f"the course's {name}() is not available")
        session.deadline = deadline  # within the student's call: the reference cannot outlast it
        try:
            value = session.call(name, tuple(args), kwargs)
        except WorkerGone:
            return _error("RuntimeError", f"{name}() del curso no terminó con estos argumentos "
                                          f"(the course's {name}() did not finish with these arguments)")
        except (SubmissionFault, FatalFault) as exc:
            return _error("ValueError", f"{name}() del curso: {exc.text.es} (the course's {name}(): {exc.text.en})")
        try:
            return codec.encode({"ok": True, "value": value})
        except codec.CodecError:
            return _error("RuntimeError", f"the course's {name}() gave a value too large")

    def _reference(self) -> WorkerSession | None:
        """The reference's worker, started on first use and again after it died (a bounded number of times)."""
        if self._session is not None and self._session.gone is None:
            return self._session
        if self._session is not None:
            self._session.close()
            self._session = None
        if self._starts >= MAX_REFERENCE_STARTS:
            return None
        self._starts += 1
        try:
            self._session = self._start()
        except (WorkerGone, FatalFault, SubmissionFault):
            return None
        return self._session

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None


def _inline(function: Callable, name: str, args: list, kwargs: dict) -> bytes:
    """The reference's answer computed here (``plain = true``: bounded by the arguments' size)."""
    try:
        with _memory_capped():
            value = function(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - the student's arguments made the course's function raise
        kind = type(exc).__name__
        return _error(kind, f"{name}() del curso (the course's {name}()): {exc}")
    try:
        return codec.encode({"ok": True, "value": value})
    except (codec.CodecError, ValueError, TypeError):
        return _error("RuntimeError", f"the course's {name}() gave a value that cannot cross")


@contextlib.contextmanager
def _memory_capped():
    """The broker's address space capped, while the reference computes one answer, at what it maps plus
    INLINE_MEMORY_MB: the one call runs here alone (GRADING_LOCK), and the limit is put back after it."""
    mapped = _mapped_bytes()
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = mapped + INLINE_MEMORY_MB * 2**20
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    if soft != resource.RLIM_INFINITY and soft <= cap:  # already tighter: nothing to do
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


_statm: dict[int, int] = {}  # pid -> its /proc/self/statm kept open: opening it costs more than an answer


def _mapped_bytes() -> int:
    """What this process maps; a forked child opens its own (/proc/self was the parent's when opened)."""
    pid = os.getpid()
    if pid not in _statm:
        for fd in _statm.values():
            os.close(fd)
        _statm.clear()
        _statm[pid] = os.open("/proc/self/statm", os.O_RDONLY | os.O_CLOEXEC)
    return int(os.pread(_statm[pid], 256, 0).split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _error(kind: str, message: str) -> bytes:
    return codec.encode({"ok": False, "error": {"type": kind, "message": message[:500]}})
