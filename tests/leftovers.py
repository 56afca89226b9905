"""Which processes dlgrader left running: among this process's descendants, and among the re-parented ones.

A process whose parent died is re-parented to init, so it is no one's descendant any more: a run started
with :func:`tagged_env` marks every process it starts outside the sandbox (the environment is inherited;
inside the sandbox it is cleared, but a sandboxed process dies with the bubblewrap above it, which carries
the mark), and :func:`family` finds them wherever they are, with everything below them.
"""

from __future__ import annotations

import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

TAG = "DLGRADER_TEST_RUN"
SANDBOX = ("dlgrader-worker", "dlgrader-ns")  # what ps shows for forked workers (comm)


@dataclass(frozen=True)
class Proc:
    pid: int
    ppid: int
    state: str
    comm: str
    cmdline: str

    @property
    def is_worker(self) -> bool:
        """Runs (or holds the namespaces of) a student's code: a forked or a cold worker."""
        return self.comm in SANDBOX or "dlgrader.sandbox.worker" in self.cmdline

    @property
    def is_fork_server(self) -> bool:
        return "dlgrader.sandbox.zygote" in self.cmdline and self.comm not in SANDBOX

    def __str__(self) -> str:
        return f"{self.pid} {self.state} {self.comm}: {self.cmdline[:160]}"


def tagged_env(tag: str | None = None) -> tuple[str, dict[str, str]]:
    """A fresh tag and the environment that carries it."""
    tag = tag or uuid.uuid4().hex
    return tag, dict(os.environ, **{TAG: tag})


def _processes() -> tuple[dict[int, Proc], set[int]]:
    """Every live process readable here, and the (pid, tag) of those tagged."""
    procs, tagged = {}, set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
            try:
                environ = (entry / "environ").read_bytes().split(b"\0")
            except OSError:
                environ = []
        except OSError:  # gone meanwhile
            continue
        state, ppid = stat[stat.rindex(")") + 2:].split()[:2]
        if state == "Z" or not cmdline:  # ended, or ending (its memory, and so its command line, already gone)
            continue
        pid = int(entry.name)
        procs[pid] = Proc(pid, int(ppid), state, stat[stat.index("(") + 1:stat.rindex(")")], cmdline)
        if any(e.startswith(f"{TAG}=".encode()) for e in environ):
            tagged.add((pid, next(e for e in environ if e.startswith(f"{TAG}=".encode())).decode()[len(TAG) + 1:]))
    return procs, tagged


def family(tag: str | None = None, root: int | None = None) -> list[Proc]:
    """The live processes carrying ``tag`` (re-parented or not) and every one below them; without a tag,
    every one below ``root`` (this process by default)."""
    procs, tagged = _processes()
    tops = {pid for pid, t in tagged if t == tag} if tag is not None else {os.getpid() if root is None else root}

    def below(pid: int) -> bool:
        seen = set()
        while pid > 1 and pid not in seen:
            if pid in tops:
                return True
            seen.add(pid)
            pid = procs[pid].ppid if pid in procs else 0
        return False

    return [p for p in procs.values() if p.pid != root and below(p.pid) and (tag is not None or p.pid not in tops)]


def left_after(tag_or_listing, seconds: float = 5.0) -> list[str]:
    """What of a tagged run (or of what a function lists) is still alive ``seconds`` from now, or nothing, as
    soon as nothing is."""
    listing = (lambda: family(tag_or_listing)) if isinstance(tag_or_listing, str) else tag_or_listing
    deadline = time.monotonic() + seconds
    while True:
        left = listing()
        if not left or time.monotonic() >= deadline:
            return [str(p) for p in left]
        time.sleep(0.1)


def wait_for(condition, seconds: float = 60.0, what: str = "the moment to act"):
    """Poll ``condition`` until it returns something true; that value."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"{what} never came")
