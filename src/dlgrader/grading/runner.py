"""Grade one program: start its worker, run the pytest graders against it, collect verdicts.

This is the broker. It imports the graders and the reference (trusted), runs pytest
in-process, once configured per assignment (:mod:`.pytest_session`), with a plugin
(:mod:`.plugin`) that hands every test a ``student`` proxy, and records a check as
passed only when pytest reports its call phase passed. Anything else, including a
grader that never ran, is a failed check.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import sys
import threading
import time
from contextlib import redirect_stderr, redirect_stdout
from io import StringIO
from pathlib import Path
from types import ModuleType

from ..errors import ConfigError
from ..material.manifest import Assignment
from ..material.notebook import Program, helper_aliases
from ..material.paths import Material
from ..results import CheckResult, SubmissionResult
from ..sandbox.budget import Budget
from ..sandbox.faults import SandboxLost
from ..sandbox.isolation import Sandbox
from ..sandbox.portable import session_class
from ..sandbox.session import WorkerSession
from ..text import Text
from . import callbacks, replay
from .causes import point_to_causes
from .feedback import load_problem
from .plugin import GradingPlugin, check_id, hypothesis_handle
from .pytest_session import OpenSession
from .restarts import RestartingWorker

PYTEST_INI = Path(__file__).with_name("pytest_grading.ini")
# Hypothesis shrinks a failing input for up to 5 minutes by default; each step here is a call into
# the sandbox. Half a second still finds the minimal counterexample on the inputs graders draw
# (measured on the example classes) and keeps a wrong answer about as cheap to grade as a right
# one. Only the counterexample's size depends on it, never a score.
SHRINK_SECONDS = float(os.environ.get("DLGRADER_SHRINK_SECONDS", "0.5"))  # the test suite lowers it: scores stay


def _cap_shrinking() -> None:
    from hypothesis.internal.conjecture import engine

    if hasattr(engine, "MAX_SHRINKING_SECONDS"):
        engine.MAX_SHRINKING_SECONDS = SHRINK_SECONDS


def load_reference(path: Path) -> ModuleType:
    """Import the reference solution in the broker (trusted code)."""
    spec = importlib.util.spec_from_file_location(f"dlgrader_reference_{path.parent.name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# pytest and the redirected output are per process: one program is graded at a time (a Dask node's threads wait)
GRADING_LOCK = threading.RLock()
_SESSIONS: dict[tuple, tuple[OpenSession, GradingPlugin]] = {}


def _broken_graders(assignment_id: str, detail: str) -> ConfigError:
    return ConfigError(Text(f"Los verificadores de {assignment_id} tienen un error: {detail}",
                            f"The graders of {assignment_id} are broken: {detail}"))


def _forget_modules(targets: list[str], rootdir: Path) -> None:
    """Drop grader modules imported before: pytest's importlib mode names a module by its path from the
    rootdir and reuses one already imported under that name (an edited grader, or another course's)."""
    names = {".".join(Path(os.path.relpath(t, rootdir)).with_suffix("").parts) for t in targets}
    for name, module in list(sys.modules.items()):
        if name in names or getattr(module, "__file__", None) in targets:
            del sys.modules[name]


def _open_session(assignment: Assignment, material: Material,
                  include_hidden: bool) -> tuple[tuple, OpenSession, GradingPlugin]:
    """This process's pytest session over the assignment's checks (hidden ones included or not), opened once.

    Keyed by the content of the manifest and the checks' files: a grader edited on disk gets a new session.
    """
    targets = [str(assignment.public_checks_path)]
    if include_hidden:
        targets += [str(p) for p in sorted(material.grader_dir(assignment.id).glob("test_*.py"))]
    key = (str(material.root), assignment.id, replay.fingerprint([assignment.root / "assignment.toml",
                                                                  *map(Path, targets)]))
    if key not in _SESSIONS:
        _forget_modules(targets, assignment.root.parent.parent)
        plugin = GradingPlugin(assignment, assignment.public_checks_path)
        # no:unraisableexception: its two full garbage collections per session cost more than grading a stub, and
        # student code never runs in this process (an unraisable exception here would be the graders' own)
        args = ["-c", str(PYTEST_INI), "--rootdir", str(assignment.root.parent.parent), "-p", "no:randomly",
                "-p", "no:unraisableexception", "--import-mode=importlib",
                "--confcutdir", str(assignment.root.parent.parent), *targets]
        try:
            opened = OpenSession(args, plugin)
        except Exception as exc:  # noqa: BLE001 - e.g. a conftest.py beside the graders that cannot be imported
            plugin.errors.append(f"{type(exc).__name__}: {str(exc)[-600:]}")
            opened = None
        if plugin.errors or opened.collection_failed or not opened.items:
            detail = "; ".join(plugin.errors) or opened.output[-800:] or "no checks were collected"
            raise _broken_graders(assignment.id, detail)
        _SESSIONS[key] = opened, plugin
    return key, *_SESSIONS[key]


def grade_program(assignment: Assignment, program: Program, *, material: Material, sandbox: Sandbox,
                  include_hidden: bool = True, student: str | None = None, source: str | None = None,
                  table: replay.Table | None = None, record: replay.Table | None = None,
                  budget: Budget | None = None) -> SubmissionResult:
    """Run every check (or only the public ones) against one program; never raises for student faults.

    ``table``: replay the reference's examples and tapes (:mod:`.recordings`) before running hypothesis;
    the verdicts are the same, the engine's cost is paid only where a check fails.
    ``record``: this program is the reference; fill the table instead (with no time budget of its own).
    ``budget``: the submission's time (by default the manifest's ``submission_budget``), which the caller
    may stop from another thread. A fork server that dies under its worker is not the program's doing: it is
    graded once more, from the start; a second loss raises :class:`SandboxLost` (not graded, say so).
    """
    try:
        return _grade_program(assignment, program, material=material, sandbox=sandbox, include_hidden=include_hidden,
                              student=student, source=source, table=table, record=record, budget=budget)
    except SandboxLost:
        if budget is not None:
            budget.restart()
        return _grade_program(assignment, program, material=material, sandbox=sandbox, include_hidden=include_hidden,
                              student=student, source=source, table=table, record=record, budget=budget)


def _grade_program(assignment: Assignment, program: Program, *, material: Material, sandbox: Sandbox,
                   include_hidden: bool, student: str | None, source: str | None, table: replay.Table | None,
                   record: replay.Table | None, budget: Budget | None) -> SubmissionResult:
    t0 = time.perf_counter()
    reference = None
    if include_hidden:
        grader_dir = material.grader_dir(assignment.id)
        if not grader_dir.is_dir():
            raise ConfigError(Text(f"No existe {grader_dir}: las verificaciones ocultas solo están en la copia del docente.",
                                   f"{grader_dir} does not exist: hidden checks only exist in the instructor's copy."))
        reference = load_reference(material.solution_path(assignment.id))  # fresh each run: nothing kept between
    checks = [c for c in assignment.checks if include_hidden or c.public]
    preimport = ["numpy"] + (["torch"] if assignment.needs_torch else [])

    aliases = helper_aliases(program.cells, {n for t in assignment.tasks for n in t.names})

    def make() -> WorkerSession:
        session = session_class(sandbox)(sandbox, hidden=material.hidden_dirs(), preimport=preimport,
                                         memory_mb=assignment.memory_mb, call_timeout=assignment.call_timeout,
                                         call_cpu=assignment.call_cpu, load_timeout=assignment.load_timeout)
        session.aliases = aliases
        return session

    with GRADING_LOCK, contextlib.ExitStack() as stack:
        if budget is None:
            budget = stack.enter_context(Budget(None if record is not None else assignment.submission_budget))
        table = record or (table if include_hidden else None)
        key, opened, plugin = _open_session(assignment, material, include_hidden)
        items = opened.items
        if record is not None:  # only property checks have examples to record (this recording's share of them)
            part, parts = record.share
            items = [it for it in items if hypothesis_handle(it) is not None][part::parts]
        worker = RestartingWorker(make, program, assignment.check_budget, budget)
        worker.callbacks = callbacks.for_program(assignment, material, reference, make) if reference is not None \
            else None
        plugin.begin(worker, reference, student, table, recording=record is not None, helpers=frozenset(aliases),
                     callbacks=worker.callbacks)
        _cap_shrinking()
        try:
            with redirect_stdout(StringIO()), redirect_stderr(StringIO()):  # a grader's print goes nowhere
                opened.run(items)
                again = callbacks.second_pass(assignment, program, plugin.results) \
                    if worker.callbacks is not None and not budget.hit else set()
                if again:  # failed with the student's own functions: graded on the course's
                    plugin.run_again(again)
                    worker.stopped = {}  # a function that hung on the student's own helper may not hang now
                    opened.run([it for it in items if check_id(it) in again])
        except BaseException as exc:  # a hook or pytest itself failed mid-run: this session is not reused
            _SESSIONS.pop(key, None)
            if not isinstance(exc, Exception):
                raise
            raise _broken_graders(assignment.id, f"{type(exc).__name__}: {exc}") from exc
        finally:
            worker.close()
            if worker.callbacks is not None:
                worker.callbacks.close()
            results_by_id, missing = plugin.results, plugin.missing
            plugin.begin(None, None)  # the open session keeps nothing of this program
    if worker.lost:
        raise SandboxLost()
    problems = list(program.problems)
    sources = {c.id: c.source for c in program.cells}
    load_errors = [e for e in (worker.load_report or {}).get("errors", []) if isinstance(e, dict)]
    for err in load_errors:
        problems.append(load_problem(err, sources.get(str(err.get("cell")))))
    if worker.start_problem is not None and worker.start_problem not in problems:
        problems.append(worker.start_problem)
    if budget.hit and budget.text not in problems:
        problems.append(budget.text)
    results = []
    for c in checks:
        r = results_by_id.get(c.id)
        if r is None:  # never ran or never reported: fail closed
            r = CheckResult(c.id, c.title, 0.0, c.points, False, c.public,
                            Text("Esta verificación no llegó a ejecutarse.", "This check did not run."))
        results.append(r)
    if reference is None:  # the student's own check: their own functions throughout, and it says so
        results = callbacks.note_own_functions(assignment, program, results)
    defined = (worker.load_report or {}).get("names") if worker.load_report else None
    problems += point_to_causes(assignment, program, load_errors, results, missing, defined)
    return SubmissionResult(assignment.id, student, results, problems, time.perf_counter() - t0, source)
