"""Whether a worker that owes a reply is still computing it, from the CPU time /proc counts for it.

Wall-clock limits must allow for machine load, which stretches an honest call several times over; CPU
time is not stretched. So while a reply is owed, the broker also looks at the worker's CPU time (Linux):
one that has used none for ``IDLE_SECONDS`` is sleeping or blocked (nothing in the sandbox is worth
waiting for: no network, no other process), and one that has used more than its call's CPU allowance
(``call_cpu``) is looping. Either is stopped then, as a time-out, instead of at the wall-clock limit.
Where /proc cannot tell (another system, a process not found), only the wall-clock limits apply.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from . import warm
from .isolation import WORKER

IDLE_SECONDS = 2.0  # no CPU at all for this long: a runnable process gets some within milliseconds at any load
_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time of the whole process (every thread), or None if it cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / _TICK


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except (OSError, ValueError):
        return []


def _descendants(pid: int):
    todo = [pid]
    while todo:
        p = todo.pop()
        yield p
        todo += _children(p)


def _ns_pids(pid: int) -> list[int]:
    """Its pid in each pid namespace it is in, the outermost first (``NSpid``)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("NSpid:"):
                return [int(x) for x in line.split()[1:]]
    except (OSError, ValueError):
        pass
    return []


def find_worker(root: int, holder: int | None = None, module: str = "") -> int | None:
    """The pid (as this process sees it) of the worker started under ``root``: below the holder whose pid in
    the fork server's namespace is ``holder`` (a forked worker), or the one running ``module`` (a cold one)."""
    for pid in _descendants(root):
        if holder is not None:
            if _ns_pids(pid)[1:] == [holder]:  # the holder itself (its worker is one namespace further in)
                children = _children(pid)
                return children[0] if children else None
        else:
            try:
                if module.encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                    return pid
            except OSError:
                continue
    return None


def worker_pid(proc) -> int | None:
    """The pid of the worker a session started: forked (a :class:`warm.WarmWorker`, whose pid is its holder's in
    the fork server's namespace) or cold (a Popen of the sandbox command)."""
    if isinstance(proc, warm.WarmWorker):
        return find_worker(proc.server.proc.pid, holder=proc.pid)
    return find_worker(proc.pid, module=WORKER)


class Watch:
    """One wait for a reply: ``verdict()`` says "idle" or "cpu" once the worker is found sleeping or looping."""

    def __init__(self, pid_of, cpu_limit: float | None):
        self.pid_of, self.cpu_limit = pid_of, cpu_limit
        self.first: float | None = None  # CPU seconds at the first look
        self.last, self.since = None, 0.0  # CPU seconds when it last moved, and when that was

    def verdict(self) -> str | None:
        pid = self.pid_of()
        used = cpu_seconds(pid) if pid is not None else None
        if used is None:
            return None
        now = time.monotonic()
        if self.first is None:
            self.first, self.last, self.since = used, used, now
        elif used != self.last:
            self.last, self.since = used, now
        if now - self.since >= IDLE_SECONDS:
            return "idle"
        if self.cpu_limit is not None and used - self.first > self.cpu_limit:
            return "cpu"
        return None
