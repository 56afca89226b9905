"""A submission's worker across its checks: restarted, a bounded number of times, after a timeout or crash.

Why: one check that hangs or kills its worker must not cost the remaining checks. A function that timed
out is not called again (``WorkerSession.timed_out``), so each restart is a new fault; the cap bounds the
cost of a submission that crashes everywhere. A notebook that cannot even load fails every check at once.
A check whose scope (:func:`.callbacks.scope`: its task, and the names it binds) differs from the last one's
starts a fresh worker, not counted as a restart: the reference's answers never outlive a task's checks.
"""

from __future__ import annotations

import time

from ..material.notebook import Program
from ..sandbox.faults import FatalFault, SubmissionFault
from ..sandbox.session import WorkerSession
from ..text import Text

MAX_RESTARTS = 6


class RestartingWorker:
    """The submission's worker, restarted (a bounded number of times) after a timeout or crash."""

    def __init__(self, make, program: Program, budget: float):
        self.make, self.program, self.budget = make, program, budget
        self.session: WorkerSession | None = None
        self.restarts = 0
        self.load_report: dict | None = None
        self.start_problem: Text | None = None
        self.start_fault: BaseException | None = None
        self.timed_out: set[str] = set()
        self.callbacks = None  # callbacks.ReferenceCalls, when other tasks' functions are the reference's
        self.scope: tuple | None = None

    def begin_check(self, scope: tuple | None = None) -> WorkerSession:
        """The worker for the next check; ``scope``: (task, integration, names to bind) or None (callbacks.scope)."""
        if self.callbacks is not None:  # this check's names, counted from zero (a failed start reports none)
            self.callbacks.begin(scope[2] if scope is not None else ())
        if self.start_fault is not None:  # the notebook itself cannot load: no check can run
            raise self.start_fault
        if scope != self.scope and self.session is not None and self.session.gone is None:
            self.session.close()  # another task's checks: nothing gathered from the stubs may reach them
            self.session = None
        self.scope = scope
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
            if scope is not None and scope[2]:
                s.bind(scope[2], self.callbacks)
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
