"""A student's own check on any OS Python runs on: a plain worker process, a thread reading its pipe.

Why: the public checks a student runs on their own laptop (Windows, macOS, Linux, Colab) check their
own code, so no isolation is owed beyond a wall-clock limit. :class:`PortableSession` is the broker's
side of such a worker: it speaks the same protocol as :class:`.session.WorkerSession` (same frames,
same faults, same feedback: it is that class with another transport) and uses nothing a platform may
lack: no fork server, no ``poll``, no ``fcntl``; process groups and rlimits only where the OS has them.
Instructor grading keeps the sandboxed session (:mod:`.isolation`, :mod:`.probe`).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time

from .isolation import WORKER, Layer, Sandbox
from .session import WorkerSession
from .warm import close_quietly

PORTABLE = Sandbox("portable", drop_uid=False, seccomp=False, layers=(
    Layer("plain process", True, "the student's own Python, no sandbox: their own code on their own machine"),
    Layer("wall-clock limits", True, "per call and per import, enforced by the broker"),
    Layer("rlimits", True, "where the OS has them (not on Windows)"),
))
# What the worker's environment sets apart from the caller's (a notebook kernel's MPLBACKEND draws inline):
# the same backend and thread counts as a sandboxed worker, so numbers come out the same.
WORKER_ENV = {"MPLBACKEND": "Agg", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
_OWN_GROUP = hasattr(os, "killpg")  # POSIX: the worker leads a process group, so whatever it started dies with it


class PipeReader:
    """A pipe drained by a thread: a read waits on a condition with a time-out, which every OS can do."""

    def __init__(self, stream):
        self._cond = threading.Condition()
        self._data = bytearray()
        self._ended = False
        self._thread = threading.Thread(target=self._drain, args=(stream,), name="dlgrader-worker-pipe", daemon=True)
        self._thread.start()

    def _drain(self, stream) -> None:
        try:
            while chunk := stream.read1(1 << 16):
                with self._cond:
                    self._data += chunk
                    self._cond.notify()
        except (OSError, ValueError):  # closed under us: the session is over
            pass
        finally:
            with self._cond:
                self._ended = True
                self._cond.notify()

    def read(self, deadline: float, limit: int) -> bytes | None:
        """Up to ``limit`` bytes once some arrived; b"" at the end; None if nothing came before ``deadline``."""
        with self._cond:
            if not self._cond.wait_for(lambda: self._data or self._ended, max(0.0, deadline - time.monotonic())):
                return None
            chunk = bytes(self._data[:limit])
            del self._data[:limit]
            return chunk

    def join(self, timeout: float) -> bool:
        self._thread.join(timeout)
        return not self._thread.is_alive()


class PortableSession(WorkerSession):
    """One plain worker process for a student's own check: the protocol of WorkerSession, a portable transport."""

    _pipe: PipeReader | None = None

    def start(self) -> None:
        t0 = time.perf_counter()
        self.gone, self._pid = None, None
        argv = [sys.executable, "-P", "-m", WORKER, "--config", json.dumps(dict(self.config, seccomp=False))]
        options = {"start_new_session": True} if _OWN_GROUP else {}
        if hasattr(subprocess, "CREATE_NO_WINDOW"):  # Windows: no console window flashes open beside Jupyter
            options["creationflags"] = subprocess.CREATE_NO_WINDOW
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     env={**os.environ, **WORKER_ENV}, close_fds=True, **options)
        self._pipe = PipeReader(self.proc.stdout)
        self._await_ready()
        self.startup_seconds = time.perf_counter() - t0

    def _read(self, deadline: float, limit: int) -> bytes | None:
        return self._pipe.read(deadline, limit)

    def close(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        try:
            if _OWN_GROUP:
                os.killpg(proc.pid, signal.SIGKILL)
            else:
                proc.kill()
        except OSError:  # already gone
            pass
        close_quietly(proc.stdin)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        if self._pipe is not None and self._pipe.join(5):  # its end closed: nothing reads the pipe any more
            close_quietly(proc.stdout)


def session_class(sandbox: Sandbox) -> type[WorkerSession]:
    """The broker's side of a worker started in ``sandbox``: portable for a student's check, else sandboxed."""
    return PortableSession if sandbox.mode == PORTABLE.mode else WorkerSession
