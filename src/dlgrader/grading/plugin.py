"""The pytest plugin of a grading session: hands each check its fixtures, replays, records, keeps verdicts.

One per open pytest session (see :mod:`.runner`); :meth:`GradingPlugin.begin` points it at the next
program. A check passes only when pytest reports its call phase passed; the first failure of a check
is its verdict, with feedback from :mod:`.feedback`.
"""

from __future__ import annotations

import functools
from pathlib import Path
from types import ModuleType

import pytest

from ..material.manifest import Assignment
from ..results import CheckResult
from ..sandbox.faults import FatalFault, SubmissionFault
from ..text import Text
from . import replay
from .callbacks import ReferenceCalls, scope
from .calls import CallLog, as_code
from .feedback import counterexample, explain, missing_of
from .proxy import Student
from .restarts import RestartingWorker


class GradingPlugin:
    """Supplies fixtures and collects verdicts: one per open pytest session, set for each program by ``begin``."""

    def __init__(self, assignment: Assignment, public_file: Path):
        self.assignment = assignment
        self.public_file = public_file
        self.errors: list[str] = []  # found while collecting: the graders are broken
        self.seen: dict[str, str] = {}
        self.begin(None, None)

    def begin(self, worker: RestartingWorker | None, reference: ModuleType | None, student_id: str | None = None,
              table: replay.Table | None = None, recording: bool = False, helpers: frozenset = frozenset(),
              callbacks: ReferenceCalls | None = None) -> None:
        """What the next run's fixtures hand out and where its verdicts go (nothing kept from the last run).

        ``helpers``: locked helper functions; a failing example that went through one is not shown as calls.
        ``callbacks``: answers other tasks' functions with the reference's (None: the student's own throughout).
        """
        self.worker, self.reference_module, self.submitter = worker, reference, student_id
        self.table, self.recording, self.helpers = table, recording, helpers
        self.log = CallLog()  # the calls of the example being run (calls.py)
        self.results: dict[str, CheckResult] = {}
        self.missing: dict[str, str] = {}  # check id -> the name whose absence failed it (grading/causes.py)
        self.callbacks, self.current = callbacks, None  # current: the id of the check being set up
        self.again: set[str] = set()  # the second pass (run_again): these checks, on the course's failing helpers

    @pytest.fixture
    def student(self):
        self.log.clear()
        where = scope(self.assignment, self.current, self.callbacks, self.results, self.again - set(self.results)) \
            if self.current and self.again else None
        try:
            return Student(functools.partial(self.worker.begin_check, where), self.log)
        except FatalFault as exc:  # pytest tears a fixture down only after an Exception: as a BaseException,
            raise SubmissionFault(exc.text, exc.hint) from exc  # its next setup (next check, next program) fails

    def run_again(self, check_ids: set[str]) -> None:
        """The next run grades these checks anew, each task's in a fresh worker with the other tasks' failing plain
        functions the course's (callbacks.scope)."""
        for cid in check_ids:
            self.results.pop(cid, None)
            self.missing.pop(cid, None)
        self.again = set(check_ids)

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

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item):
        """Which check the ``student`` fixture is set up for: its task decides what is the reference's."""
        self.current = check_id(item)

    def pytest_collectreport(self, report):
        if report.failed:
            self.errors.append(f"{report.nodeid or 'collection'}: {report.longreprtext.strip()[-600:]}")

    def pytest_collection_modifyitems(self, session, config, items):
        known = {c.id: c for c in self.assignment.checks}
        for item in items:
            cid = check_id(item)
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
        items.sort(key=lambda it: order.index(check_id(it)) if check_id(it) in known else -1)

    @pytest.hookimpl(tryfirst=True)
    def pytest_pyfunc_call(self, pyfuncitem):
        """Replay the reference's examples; hypothesis runs the check only if one of them behaves differently."""
        hyp = hypothesis_handle(pyfuncitem)
        if self.table is None or self.recording or hyp is None:
            return None
        cid = check_id(pyfuncitem)
        tape = self.table.tapes.get(cid)
        session = self.worker.playable() if tape and _taped(pyfuncitem) else None
        if session is not None:
            if session.play(tape):
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
        """Each example starts a new log of calls; while grading the reference, log every example too."""
        hyp = hypothesis_handle(item)
        if hyp is None:
            yield
            return
        inner = hyp.inner_test
        hyp.inner_test = _each_example(inner, self.log)
        if not self.recording:
            try:
                yield
            finally:
                hyp.inner_test = inner
            return
        log = []
        hyp.inner_test = replay.recording(hyp.inner_test, set(item._fixtureinfo.argnames), log)
        session, tape = (self.worker.session if _taped(item) else None), None
        if session is not None:
            session.tape = []
        try:
            outcome = yield
        finally:
            hyp.inner_test = inner
            if session is not None:
                tape, session.tape = session.tape, None
        cid = check_id(item)
        self.table.checks[cid] = None if outcome.excinfo else replay.usable(log)
        alive = session is not None and session is self.worker.session and session.gone is None
        self.table.tapes[cid] = tape if self.table.checks[cid] and alive else None

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        outcome = yield
        report = outcome.get_result()
        try:
            check = self.assignment.check(check_id(item))
        except KeyError:  # a test without a known check: collection already reported it
            return
        prev = self.results.get(check.id)
        called = tuple(sorted(self.callbacks.used)) if self.callbacks is not None else ()  # the reference's answers
        if report.when == "call" and report.passed and (prev is None or prev.passed is None):
            self.results[check.id] = CheckResult(check.id, check.title, check.points, check.points, True, check.public,
                                                 reference=called)
            return
        if report.failed or (report.when == "call" and not report.passed):
            if prev is not None and prev.passed is False:
                return
            exc = call.excinfo.value if call.excinfo else None
            message, hint = explain(exc) if exc is not None else (
                Text("La verificación no se pudo completar.", "The check could not be completed."), None)
            self.results[check.id] = CheckResult(check.id, check.title, 0.0, check.points, False, check.public,
                                                 message, self._counterexample(exc), hint, reference=called)
            if exc is not None and (name := missing_of(exc)):
                self.missing[check.id] = name


    def _counterexample(self, exc: BaseException | None) -> str | None:
        """Hypothesis' smallest failing input, as the calls it made to the student's code when there are any.

        None when the calls went through a locked helper (its arguments describe a model for the helper, not a
        call the student makes; the check's sentence says what it built), so a student never reads a helper.
        """
        found = counterexample(exc) if exc is not None else None
        calls = self.log.calls
        if found and any(c.name in self.helpers for c in calls):
            return None
        return as_code(calls) if found and calls else found


def _each_example(inner, log: CallLog):
    """Hypothesis' test body, clearing the log of calls as each example starts."""
    def run(*args, **kwargs):
        log.clear()
        return inner(*args, **kwargs)

    return functools.wraps(inner)(run)


def check_id(item) -> str | None:
    marker = item.get_closest_marker("dlgrader_check")
    return marker.args[0] if marker else None


def _taped(item) -> bool:
    """A check that sees nothing of the submission but its worker's replies (see replay.py, tapes).

    Every fixture it gets counts, an autouse one or one a fixture asks for included (the closure).
    """
    return set(item._fixtureinfo.names_closure) <= {"student", "reference"}


def hypothesis_handle(item):
    """The ``.hypothesis`` handle of a property check (its ``inner_test`` is the body), or None."""
    return getattr(getattr(item, "obj", None), "hypothesis", None)
