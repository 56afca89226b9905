"""A submission's wall-clock budget: the moment every wait on its workers ends by, whatever it waits for.

Limits nest (assignment.toml): a call waits at most ``call_timeout``, loading the notebook ``load_timeout``,
a check ``check_budget``, and all of it together, from the submission's first worker being ready to its
last check, ``submission_budget``. Past it nothing of the submission runs again: the checks it finished
keep their verdicts, the rest fail with :attr:`Budget.text`. Another thread may end it early
(:meth:`Budget.stop`: a cancelled Dask task), which wakes a wait at once through a pipe.
"""

from __future__ import annotations

import math
import os
import threading
import time

from ..text import Text


class Budget:
    """How long one submission may keep its workers busy; ``seconds=None``: no limit but the others."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.started: float | None = None
        self.stopped: Text | None = None  # why it was ended early
        self.hit = False  # something was refused for it: the submission's result says so once
        self._wake_read, self._wake_write = os.pipe()
        self._lock = threading.Lock()  # stop() and close() may run in two threads: never write to a reused fd

    def start(self) -> None:
        """The clock starts once, when the submission's first worker is ready (before its notebook loads)."""
        if self.started is None:
            self.started = time.monotonic()

    def restart(self) -> None:
        """The clock starts again with the next worker (a grading thrown away and done again)."""
        self.started, self.hit = None, False

    @property
    def deadline(self) -> float:
        if self.stopped is not None:
            return -math.inf
        if self.seconds is None or self.started is None:
            return math.inf
        return self.started + self.seconds

    def spent(self) -> bool:
        return time.monotonic() >= self.deadline

    @property
    def text(self) -> Text:
        """What a check that ran out of it, or never ran, says."""
        if self.stopped is not None:
            return self.stopped
        return Text(f"Tu código tardó más de {self.seconds:g} s en total, el límite de esta tarea; las verificaciones "
                    "que no terminaron antes valen 0.",
                    f"Your code took more than {self.seconds:g} s in total, this assignment's limit; the checks that "
                    "had not finished by then score 0.")

    def refuse(self) -> Text:
        """:attr:`text`, noting that a check failed for it."""
        self.hit = True
        return self.text

    @property
    def wake_fd(self) -> int:
        """Readable once the budget was stopped: a wait on a worker polls it too."""
        return self._wake_read

    def stop(self, why: Text) -> None:
        """End it now, from any thread: the wait in progress returns and nothing else of the submission runs."""
        with self._lock:
            if self.stopped is None:
                self.stopped = why
                if self._wake_write >= 0:
                    os.write(self._wake_write, b"x")

    def close(self) -> None:
        with self._lock:
            for fd in (self._wake_read, self._wake_write):
                if fd >= 0:
                    os.close(fd)
            self._wake_read = self._wake_write = -1

    def __enter__(self) -> "Budget":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
