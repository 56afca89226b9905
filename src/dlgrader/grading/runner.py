"""Grade one program: start its worker, run the pytest graders against it, collect verdicts.

This is the broker. It imports the graders and the reference (trusted), runs
pytest in-process with a plugin that hands every test a ``student`` proxy, and
records a check as passed only when pytest reports its call phase passed.
Anything else, including a grader that never ran, is a failed check.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
import threading
import time
from contextlib import redirect_stderr, redirect_stdout
from io import StringIO
from pathlib import Path
from types import ModuleType

import pytest

from . import replay, table_cache
from ..errors import ConfigError
from .checks import CheckFailed
from ..material.manifest import Assignment
from ..material.notebook import Program, program_from_cells, read_cell_file
from ..material.paths import Material
from .pytest_session import OpenSession
from ..results import CheckResult, SubmissionResult
from ..sandbox.isolation import Sandbox
from ..sandbox.faults import FatalFault, SubmissionFault
from ..sandbox.session import WorkerSession
from .proxy import Student
from ..text import Text

# A worker is restarted after a timeout or crash so the remaining checks still run; a function that
# timed out is not called again (session.timed_out), so each restart is a new fault. The cap bounds
# the cost of a submission that crashes everywhere.
MAX_RESTARTS = 6
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


class _Worker:
    """The submission's worker, restarted (a bounded number of times) after a timeout or crash."""

    def __init__(self, make, program: Program, budget: float):
        self.make, self.program, self.budget = make, program, budget
        self.session: WorkerSession | None = None
        self.restarts = 0
        self.load_report: dict | None = None
        self.start_problem: Text | None = None
        self.start_fault: BaseException | None = None
        self.timed_out: set[str] = set()

    def begin_check(self) -> WorkerSession:
        if self.start_fault is not None:  # the notebook itself cannot load: no check can run
            raise self.start_fault
        s = self.session
        if s is None or s.gone is not None:
            if s is not None:
                if self.restarts >= MAX_RESTARTS:
                    raise s.gone
                self.restarts += 1
                s.close()
            s = self.session = self.make()
            s.deadline = None
            s.timed_out = self.timed_out
            try:
                s.start()
                report = s.load(self.program.cells)
            except (SubmissionFault, FatalFault) as exc:
                self.start_problem = self.start_problem or exc.text
                self.start_fault = exc
                raise
            if self.load_report is None:
                self.load_report = report
        else:
            s.deadline = None
            s.forget_objects()  # each check numbers its objects from 1, as the reference's did (replay tapes)
        s.deadline = time.monotonic() + self.budget
        return s

    def renew_deadline(self) -> None:
        """A check replayed up to a divergence starts its time budget again for hypothesis' own run."""
        if self.session is not None:
            self.session.deadline = time.monotonic() + self.budget

    def close(self) -> None:
        if self.session is not None:
            self.session.close()


def load_reference(path: Path) -> ModuleType:
    """Import the reference solution in the broker (trusted code)."""
    spec = importlib.util.spec_from_file_location(f"dlgrader_reference_{path.parent.name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_NOTE = re.compile(r"^\s*(student|reference)=.*,\s*$")
_COMMENT = re.compile(r",?\s+# or any other generated value\s*$")  # hypothesis's aside, in English


def _counterexample(exc: BaseException) -> str | None:
    """The falsifying example hypothesis found, without the fixtures."""
    for note in getattr(exc, "__notes__", []) or []:
        if note.startswith(("Falsifying example", "Failing test case")):
            lines = [_COMMENT.sub(",", ln) for ln in note.splitlines()[1:]]
            lines = [ln for ln in lines if not _NOTE.match(ln) and ln.strip() not in (")", "", ",")]
            text = " ".join(ln.strip() for ln in lines).rstrip(",")
            return text[:400] + (" …" if len(text) > 400 else "") if text else None
    return None


def _find(exc: BaseException | None, kinds: tuple) -> BaseException | None:
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, kinds):
            return exc
        if isinstance(exc, BaseExceptionGroup):
            for sub in exc.exceptions:
                found = _find(sub, kinds)
                if found:
                    return found
        exc = exc.__cause__ or exc.__context__
    return None


def explain(exc: BaseException) -> tuple[Text, Text | None]:
    """Turn whatever a check raised into a bilingual sentence and an optional hint."""
    found = _find(exc, (CheckFailed, SubmissionFault, FatalFault))
    if found is not None:
        return found.text, found.hint
    name = type(exc).__name__
    return (Text(f"El valor devuelto no tiene la forma o el tipo esperado ({name}).",
                 f"The returned value does not have the expected shape or type ({name})."), None)


class _Plugin:
    """Supplies fixtures and collects verdicts: one per open pytest session, set for each program by ``begin``."""

    def __init__(self, assignment: Assignment, public_file: Path):
        self.assignment = assignment
        self.public_file = public_file
        self.errors: list[str] = []  # found while collecting: the graders are broken
        self.seen: dict[str, str] = {}
        self.begin(None, None)

    def begin(self, worker: _Worker | None, reference: ModuleType | None, student_id: str | None = None,
              table: replay.Table | None = None, recording: bool = False) -> None:
        """What the next run's fixtures hand out and where its verdicts go (nothing kept from the last run)."""
        self.worker, self.reference_module, self.submitter = worker, reference, student_id
        self.table, self.recording = table, recording
        self.results: dict[str, CheckResult] = {}

    @pytest.fixture
    def student(self):
        try:
            return Student(self.worker.begin_check)
        except FatalFault as exc:  # pytest tears a fixture down only after an Exception: as a BaseException,
            raise SubmissionFault(exc.text, exc.hint) from exc  # its next setup (next check, next program) fails

    @pytest.fixture
    def student_id(self):
        """Who submitted (the gradebook's id; trusted, never read from the notebook), or None when unknown.

        Lets a grader recompute a per-student variant of a question (the quiz draws its numbers from it).
        """
        return self.submitter

    @pytest.fixture
    def reference(self):
        if self.reference_module is None:
            raise RuntimeError("the reference is not available to public checks")
        return self.reference_module

    def pytest_collectreport(self, report):
        if report.failed:
            self.errors.append(f"{report.nodeid or 'collection'}: {report.longreprtext.strip()[-600:]}")

    def pytest_collection_modifyitems(self, session, config, items):
        known = {c.id: c for c in self.assignment.checks}
        for item in items:
            cid = _check_id(item)
            if cid is None:
                self.errors.append(f"{item.nodeid}: test without @check")
                continue
            if cid not in known:
                self.errors.append(f"{item.nodeid}: unknown check id {cid!r}")
                continue
            if cid in self.seen:
                self.errors.append(f"{item.nodeid}: check {cid!r} already implemented by {self.seen[cid]}")
            self.seen[cid] = item.nodeid
            in_public = Path(str(item.path)).resolve() == self.public_file.resolve()
            if in_public != known[cid].public:
                self.errors.append(f"{item.nodeid}: check {cid!r} public={known[cid].public} but lives in the "
                                   f"{'public' if in_public else 'hidden'} file")
            hyp = getattr(item.obj, "_hypothesis_internal_use_settings", None)
            if hyp is not None and (not hyp.derandomize or hyp.database is not None):
                self.errors.append(f"{item.nodeid}: hypothesis settings must come from grader_settings()")
        order = list(known)
        items.sort(key=lambda it: order.index(_check_id(it)) if _check_id(it) in known else -1)

    @pytest.hookimpl(tryfirst=True)
    def pytest_pyfunc_call(self, pyfuncitem):
        """Replay the reference's examples; hypothesis runs the check only if one of them behaves differently."""
        hyp = _hypothesis_handle(pyfuncitem)
        if self.table is None or self.recording or hyp is None:
            return None
        cid = _check_id(pyfuncitem)
        tape = self.table.tapes.get(cid)
        if tape and _taped(pyfuncitem) and self.worker.session is not None:
            if self.worker.session.play(tape):
                self.table.played[cid] += 1
                return True
            self.worker.renew_deadline()
        examples = self.table.examples(cid)
        if not examples:
            return None
        fixtures = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
        if replay.replay(hyp.inner_test, fixtures, examples):
            self.table.replayed[cid] += 1
            return True
        self.table.fell_back[cid] += 1
        self.worker.renew_deadline()
        return None

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_call(self, item):
        """While grading the reference: log every example hypothesis hands each check."""
        hyp = _hypothesis_handle(item)
        if not self.recording or hyp is None:
            yield
            return
        inner, log = hyp.inner_test, []
        hyp.inner_test = replay.recording(inner, set(item._fixtureinfo.argnames), log)
        session, tape = (self.worker.session if _taped(item) else None), None
        if session is not None:
            session.tape = []
        try:
            outcome = yield
        finally:
            hyp.inner_test = inner
            if session is not None:
                tape, session.tape = session.tape, None
        cid = _check_id(item)
        self.table.checks[cid] = None if outcome.excinfo else replay.usable(log)
        alive = session is not None and session is self.worker.session and session.gone is None
        self.table.tapes[cid] = tape if self.table.checks[cid] and alive else None

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        outcome = yield
        report = outcome.get_result()
        try:
            check = self.assignment.check(_check_id(item))
        except KeyError:  # a test without a known check: collection already reported it
            return
        prev = self.results.get(check.id)
        if report.when == "call" and report.passed and (prev is None or prev.passed is None):
            self.results[check.id] = CheckResult(check.id, check.title, check.points, check.points, True, check.public)
            return
        if report.failed or (report.when == "call" and not report.passed):
            if prev is not None and prev.passed is False:
                return
            exc = call.excinfo.value if call.excinfo else None
            message, hint = explain(exc) if exc is not None else (
                Text("La verificación no se pudo completar.", "The check could not be completed."), None)
            self.results[check.id] = CheckResult(check.id, check.title, 0.0, check.points, False, check.public,
                                                 message, _counterexample(exc) if exc else None, hint)


def _check_id(item) -> str | None:
    marker = item.get_closest_marker("dlgrader_check")
    return marker.args[0] if marker else None


def _taped(item) -> bool:
    """A check that sees nothing of the submission but its worker's replies (see replay.py, tapes).

    Every fixture it gets counts, an autouse one or one a fixture asks for included (the closure).
    """
    return set(item._fixtureinfo.names_closure) <= {"student", "reference"}


def _hypothesis_handle(item):
    """The ``.hypothesis`` handle of a property check (its ``inner_test`` is the body), or None."""
    return getattr(getattr(item, "obj", None), "hypothesis", None)


_TABLES: dict[str, replay.Table] = {}


def table_key(assignment: Assignment, material: Material) -> str:
    """What a recording depends on (replay.fingerprint of the graders, checks, reference and release)."""
    files = [assignment.root / "assignment.toml", assignment.public_checks_path, material.solution_path(assignment.id),
             assignment.notebook_path, *sorted(material.grader_dir(assignment.id).glob("test_*.py"))]
    return replay.fingerprint(files, assignment.id)


def record_table(assignment: Assignment, material: Material, sandbox: Sandbox, part: int = 0,
                 parts: int = 1) -> replay.Table:
    """Grade the reference on its property checks (every ``parts``-th from ``part``) and keep what they did."""
    table = replay.Table(table_key(assignment, material), share=(part, parts))
    program = program_from_cells(read_cell_file(material.solution_path(assignment.id)), assignment.notebook_path)
    grade_program(assignment, program, material=material, sandbox=sandbox, record=table)
    return table


def replay_table(assignment: Assignment, material: Material, sandbox: Sandbox) -> replay.Table | None:
    """The reference's examples for this assignment, recorded once per process (None when replay is off).

    A process that records (a Dask node's) keeps it in this user's kept tables (table_cache.py): a process
    started later, or a later run, reads it instead.
    """
    if not replay.enabled():
        return None
    key = table_key(assignment, material)
    if key not in _TABLES:
        table = table_cache.load(assignment.id, key)
        if table is None:
            table = record_table(assignment, material, sandbox)
            table_cache.save(assignment.id, table)
        _TABLES[key] = table
    return _TABLES[key]


def install_table(table: replay.Table | None) -> None:
    """Hand a table recorded elsewhere (autograde's caller) to this process."""
    if table is not None:
        _TABLES[table.key] = table


# pytest and the redirected output are per process: one program is graded at a time (a Dask node's threads wait)
GRADING_LOCK = threading.RLock()
_SESSIONS: dict[tuple, tuple[OpenSession, _Plugin]] = {}


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
                  include_hidden: bool) -> tuple[tuple, OpenSession, _Plugin]:
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
        plugin = _Plugin(assignment, assignment.public_checks_path)
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
                  replays: bool = False, record: replay.Table | None = None) -> SubmissionResult:
    """Run every check (or only the public ones) against one program; never raises for student faults.

    ``replays``: replay the reference's examples (recorded once per process, see replay.py) before
    running hypothesis; the verdicts are the same, the engine's cost is paid only where a check fails.
    ``record``: this program is the reference; fill the table instead.
    """
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

    def make() -> WorkerSession:
        return WorkerSession(sandbox, hidden=material.hidden_dirs(), preimport=preimport,
                             memory_mb=assignment.memory_mb, call_timeout=assignment.call_timeout,
                             load_timeout=assignment.load_timeout)

    with GRADING_LOCK:
        table = record or (replay_table(assignment, material, sandbox) if replays and include_hidden else None)
        key, opened, plugin = _open_session(assignment, material, include_hidden)
        items = opened.items
        if record is not None:  # only property checks have examples to record (this recording's share of them)
            part, parts = record.share
            items = [it for it in items if _hypothesis_handle(it) is not None][part::parts]
        worker = _Worker(make, program, assignment.check_budget)
        plugin.begin(worker, reference, student, table, recording=record is not None)
        _cap_shrinking()
        try:
            with redirect_stdout(StringIO()), redirect_stderr(StringIO()):  # a grader's print goes nowhere
                opened.run(items)
        except BaseException as exc:  # a hook or pytest itself failed mid-run: this session is not reused
            _SESSIONS.pop(key, None)
            if not isinstance(exc, Exception):
                raise
            raise _broken_graders(assignment.id, f"{type(exc).__name__}: {exc}") from exc
        finally:
            worker.close()
            results_by_id = plugin.results
            plugin.begin(None, None)  # the open session keeps nothing of this program
    problems = list(program.problems)
    if worker.load_report:
        for err in worker.load_report.get("errors", []):
            problems.append(_load_problem(err))
    if worker.start_problem is not None and worker.start_problem not in problems:
        problems.append(worker.start_problem)
    results = []
    for c in checks:
        r = results_by_id.get(c.id)
        if r is None:  # never ran or never reported: fail closed
            r = CheckResult(c.id, c.title, 0.0, c.points, False, c.public,
                            Text("Esta verificación no llegó a ejecutarse.", "This check did not run."))
        results.append(r)
    return SubmissionResult(assignment.id, student, results, problems, time.perf_counter() - t0, source)


def _load_problem(err: dict) -> Text:
    cell = str(err.get("cell", "?"))[:60]
    etype = str(err.get("type", "Error"))[:60]
    msg = str(err.get("message", ""))[:300]
    line = err.get("line")
    at_es = f", línea {line}" if isinstance(line, int) else ""
    at_en = f", line {line}" if isinstance(line, int) else ""
    if etype == "SyntaxError":
        return Text(f"Error de sintaxis en la celda {cell}{at_es}: {msg}.", f"Syntax error in cell {cell}{at_en}: {msg}.")
    return Text(f"La celda {cell} lanzó {etype} al ejecutarse{at_es}: {msg}.",
                f"Cell {cell} raised {etype} when run{at_en}: {msg}.")
