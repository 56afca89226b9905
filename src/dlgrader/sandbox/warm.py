"""The broker's side of the fork server: warm workers in milliseconds, cold ones when it cannot.

One fork server per broker process and per set of pre-imported libraries,
started on first use and kept for the process's life (autograde's grading
processes reuse it for every submission they grade), or, in a process that is
not dlgrader's own (a Dask node's worker), until it has been idle for a few
seconds (:func:`close_when_idle`): a node keeps no sandbox between runs. Anything unexpected
from it (it died, it answered garbage, it took too long) retires it and the
caller starts a cold worker instead: a warm worker is a speed-up, never a
condition for grading.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

from .isolation import FORK_SERVER, Sandbox

START_TIMEOUT = 60.0
KILL_WAIT = 5.0
REPLY_TIMEOUT = 10.0


class WarmWorker:
    """A forked worker: the pipes the broker talks on, and how to kill it."""

    def __init__(self, server: "ForkServer", pid: int, stdin, stdout):
        self.server, self.pid, self.stdin, self.stdout = server, pid, stdin, stdout

    def kill(self) -> None:
        """Kill it and wait (briefly) until it is gone: its end of the pipe closes when it exits."""
        global _live, _last_used
        with _lock:
            _live, _last_used = _live - 1, time.monotonic()
            self.server.kill(self.pid)
        try:
            self.stdin.close()
            deadline = time.monotonic() + KILL_WAIT
            fd = self.stdout.fileno()
            while time.monotonic() < deadline and select.select([fd], [], [], deadline - time.monotonic())[0]:
                if not os.read(fd, 1 << 16):
                    break
        except OSError:
            pass
        close_quietly(self.stdin, self.stdout)


def close_quietly(*streams) -> None:
    """Close a worker's pipes; one already broken is as good as closed."""
    for stream in streams:
        try:
            stream.close()
        except OSError:
            pass


class ForkServer:
    def __init__(self, sandbox: Sandbox, preimport: list[str], hidden: list[Path]):
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        argv = sandbox.command({"preimport": preimport}, hidden, module=FORK_SERVER)
        try:
            self.proc = subprocess.Popen(argv, stdin=theirs, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                         start_new_session=True, close_fds=True)
        finally:
            theirs.close()
        self.sock = ours
        self.sock.settimeout(START_TIMEOUT)
        try:
            ready = self.sock.recv(1 << 12)
        except OSError:
            ready = b""
        if json.loads(ready or b"{}").get("ready") is not True:
            self.close()
            raise OSError("the fork server did not start")
        self.sock.settimeout(REPLY_TIMEOUT)

    def _ask(self, request: dict, fds: list[int] = ()) -> dict:
        socket.send_fds(self.sock, [json.dumps(request).encode()], list(fds))
        reply = json.loads(self.sock.recv(1 << 12) or b"{}")
        if not isinstance(reply, dict) or "error" in reply:
            raise OSError(f"fork server: {reply}")
        return reply

    def spawn(self, rlimits: dict) -> WarmWorker:
        to_worker, from_broker = os.pipe()
        from_worker, to_broker = os.pipe()
        try:
            reply = self._ask({"op": "spawn", "rlimits": rlimits}, [to_worker, to_broker])
        except BaseException:
            for fd in (from_broker, from_worker):
                os.close(fd)
            raise
        finally:
            os.close(to_worker)
            os.close(to_broker)
        pid = reply.get("pid")
        if type(pid) is not int:
            raise OSError("fork server: no pid")
        return WarmWorker(self, pid, os.fdopen(from_broker, "wb", buffering=0), os.fdopen(from_worker, "rb", buffering=0))

    def kill(self, pid: int) -> None:
        try:
            self._ask({"op": "kill", "pid": pid})
        except (OSError, ValueError):
            self.close()  # a fork server that cannot kill is retired; its workers die with it

    def responds(self) -> bool:
        """Whether it still answers: a worker whose fork server died ended through no fault of its code."""
        try:
            return self._ask({"op": "ping"}).get("ok") is True
        except (OSError, ValueError):
            return False

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def close(self) -> None:
        proc, self.proc = self.proc, None
        self.sock.close()
        if proc is not None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            proc.wait()


_servers: dict[tuple, ForkServer] = {}
_disabled = False
_lock = threading.RLock()  # the servers, and how many of their workers live: the idle closer runs in its own thread
_live = 0
_last_used = 0.0
_idle_after: float | None = None


def disable() -> None:
    """A forked worker failed to start: this process starts cold workers from now on."""
    global _disabled
    _disabled = True
    shutdown()


def spawn(sandbox: Sandbox, preimport: list[str], hidden: list[Path], rlimits: dict) -> WarmWorker | None:
    """A worker forked from this process's fork server, or None when the caller should start a cold one."""
    if _disabled or not sandbox.can_fork_workers:
        return None
    with _lock:
        worker = _spawn(sandbox, preimport, hidden, rlimits)
        if worker is not None:
            global _live, _last_used
            _live, _last_used = _live + 1, time.monotonic()
        return worker


def _spawn(sandbox: Sandbox, preimport: list[str], hidden: list[Path], rlimits: dict) -> WarmWorker | None:
    key = (sandbox, tuple(preimport), tuple(str(h) for h in hidden))
    server = _servers.get(key)
    if server is None or not server.alive:
        try:
            server = _servers[key] = ForkServer(sandbox, preimport, hidden)
        except (OSError, ValueError):
            disable()  # one that cannot start would cost its start-up again on every worker
            return None
    try:
        return server.spawn(rlimits)
    except (OSError, ValueError):  # this one misbehaved: the next worker starts a new one
        server.close()
        _servers.pop(key, None)
        return None


@atexit.register
def shutdown(sandbox: Sandbox | None = None) -> None:
    """Stop the fork servers (of one sandbox configuration, or all)."""
    with _lock:
        for key in [k for k in _servers if sandbox is None or k[0] == sandbox]:
            _servers.pop(key).close()


def close_when_idle(seconds: float) -> None:
    """From now on, stop this process's fork servers once no worker has lived for ``seconds``."""
    global _idle_after
    with _lock:
        first, _idle_after = _idle_after is None, seconds
    if first:
        threading.Thread(target=_close_idle, name="dlgrader-fork-server-idle", daemon=True).start()


def _close_idle() -> None:
    while True:
        with _lock:
            left = _last_used + _idle_after - time.monotonic()
            if left <= 0 and _live == 0:
                shutdown()
        time.sleep(min(max(left, 0.2), _idle_after))
