"""A submission's worker across its checks: restarted, a bounded number of times, after a timeout or crash.

Why: one check that hangs or kills its worker must not cost the remaining checks. A function that ran out of
time or memory, or ended its process, is not called again (``WorkerSession.stopped``), and a worker is
restarted only when a check calls something that may still run: a check of a stopped function fails at
once, without a worker started, loaded and killed for it. So each restart is a new fault, and the cap bounds
the cost of a submission that crashes everywhere. A notebook that cannot even load fails every check at once;
a submission past its time budget (``Budget``) fails every check it had not finished.
A check whose scope (:func:`.callbacks.scope`: its task, and the names it binds in the second pass) differs from
the last one's starts a fresh worker, not counted as a restart: the reference's answers never outlive a task's
checks.
"""

from __future__ import annotations

import time

from ..material.notebook import Program
from ..sandbox.budget import Budget
from ..sandbox.faults import FatalFault, SubmissionFault
from ..sandbox.session import WorkerSession
from ..text import Text

MAX_RESTARTS = 6
LOST = Text("La corrección se detuvo: el proceso que inicia tu código terminó por una causa externa.",
            "Grading stopped: the process that starts your code was ended from outside.")


class RestartingWorker:
    """The submission's worker, restarted (a bounded number of times) after a timeout or crash."""

    def __init__(self, make, program: Program, check_budget: float, budget: Budget):
        self.make, self.program, self.check_budget, self.budget = make, program, check_budget, budget
        self.session: WorkerSession | None = None
        self.restarts = 0
        self.restart_due = False  # the worker died in an earlier check: restart it on this check's first call
        self.check_deadline: float | None = None
        self.lost = False  # a worker's fork server died under it (SandboxLost): this grading does not count
        self.load_report: dict | None = None
        self.start_problem: Text | None = None
        self.start_fault: BaseException | None = None
        self.stopped: dict[str, Text] = {}  # shared by every session: what ran out of time or memory, or crashed
        self.callbacks = None  # callbacks.ReferenceCalls, when other tasks' functions are the reference's
        self.scope: tuple | None = None

    def begin_check(self, scope: tuple | None = None):
        """Ready the worker for a check; returns what the check's ``student`` asks for the session of each call.
        ``scope``: (task, integration, names to bind) or None (callbacks.scope)."""
        if self.callbacks is not None:  # this check's names, counted from zero (a failed start reports none)
            self.callbacks.begin(scope[2] if scope is not None else ())
        if self.start_fault is not None:  # the notebook itself cannot load: no check can run
            raise self.start_fault
        self._refuse_if_spent()
        self.check_deadline = time.monotonic() + self.check_budget
        if scope != self.scope and self.session is not None:
            # another task's checks: nothing gathered from the stubs may reach them (and a worker that died in the
            # last task's checks is not restarted for this one: it starts fresh, not counted)
            self.session.close()
            self.session, self.restart_due = None, False
        self.scope = scope
        s = self.session
        if s is None:
            self._start()
        elif s.gone is not None:
            self.restart_due = True
        else:
            s.deadline = None
            s.forget_objects()  # each check numbers its objects from 1, as the reference's did (replay tapes)
            s.deadline = self.check_deadline
        return self.session_for

    def session_for(self, label: str | None = None) -> WorkerSession:
        """The session to call ``label`` on: a new worker only if the last one died before this check and
        ``label`` may still run (a stopped function is refused by the dead session, which costs nothing)."""
        self._refuse_if_spent()
        if self.restart_due and label not in self.stopped:
            self.restart_due = False
            if self.restarts >= MAX_RESTARTS:
                raise self.session.gone
            self.restarts += 1
            self.session.close()
            self._start()
        return self.session

    def playable(self) -> WorkerSession | None:
        """A live worker to play a tape on, or None (once a function is stopped the body would skip its calls)."""
        if self.stopped or self.session is None:
            return None
        s = self.session_for()
        return s if s.gone is None else None

    def _start(self) -> None:
        s = self.session = self.make()
        s.stopped, s.budget = self.stopped, self.budget
        try:
            s.start()
            self.budget.start()  # from the first worker's "ready": a fork server's own start-up is not the submission's
            report = s.load(self.program.cells)
        except (SubmissionFault, FatalFault) as exc:
            self._note_lost(s)
            self.start_problem = self.start_problem or exc.text
            self.start_fault = exc
            raise
        if self.load_report is None:
            self.load_report = report
        if self.scope is not None and self.scope[2]:
            s.bind(self.scope[2], self.callbacks)
        s.deadline = self.check_deadline

    def _refuse_if_spent(self) -> None:
        if self.session is not None:
            self._note_lost(self.session)
        if self.lost:  # the checks left fail at once; the grading is thrown away (runner.py)
            raise FatalFault(LOST)
        if self.budget.spent():
            raise FatalFault(self.budget.refuse())

    def _note_lost(self, s: WorkerSession) -> None:
        self.lost = self.lost or s.lost

    def renew_deadline(self) -> None:
        """A check replayed up to a divergence starts its time budget again for hypothesis' own run."""
        self.check_deadline = time.monotonic() + self.check_budget
        if self.session is not None:
            self.session.deadline = self.check_deadline

    def close(self) -> None:
        if self.session is not None:
            self._note_lost(self.session)
            self.session.close()
