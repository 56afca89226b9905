"""The fork server: imports numpy (and torch) once, inside the sandbox, and forks every worker from itself.

The broker starts it exactly as it starts a cold worker (bubblewrap, or
``unshare`` as root), plus CAP_SYS_ADMIN, which only this process keeps. It
never runs student code. For each request it forks a child that takes its own
pid, mount and IPC namespaces, a fresh tmpfs on /tmp and its own /proc, then
(:func:`dlgrader.sandbox.worker.confine`) drops the uid and every capability, applies
the rlimits and the seccomp filter, and only then serves the broker as an
ordinary worker. So each student's code still runs in a fresh process that
shares no /tmp, no pid namespace and no writable file with anyone else's, and
the worker starts in milliseconds instead of paying for the imports again.

Control protocol on fd 0, a SOCK_SEQPACKET unix socket, one JSON message each way:
  {"op": "spawn", "rlimits": {...}} with two fds (the worker's protocol in, out) -> {"pid": n}
  {"op": "kill", "pid": n} -> {"ok": true}
  {"op": "ping"} -> {"ok": true}  (asked when a worker's pipe closes: did its code end it, or did this server die?)
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import socket
import sys

from . import frames, worker
from .parent import die_with_parent

CLONE_NEWNS, CLONE_NEWIPC, CLONE_NEWPID = 0x00020000, 0x08000000, 0x20000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
MS_NOATIME, MS_NODIRATIME, MS_RELATIME = 1024, 2048, 1 << 21
ST_RELATIME = 4096  # statvfs's bit for relatime differs from mount's
PR_SET_DUMPABLE, PR_SET_NAME = 4, 15
WORKER_NAME, HOLDER_NAME = b"dlgrader-worker", b"dlgrader-ns"  # as ps shows them (comm)

_libc = ctypes.CDLL(None, use_errno=True)
_libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
_libc.unshare.argtypes = [ctypes.c_int]


def _check(ret: int, what: str) -> None:
    if ret != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def _mount(source: str | None, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    enc = (lambda s: s.encode() if s is not None else None)
    _check(_libc.mount(enc(source), enc(target), enc(fstype), flags, enc(data)), f"mount {target}")


def _readonly_flags(path: str) -> int:
    """A read-only remount must keep the flags the kernel locked on the original (user namespaces)."""
    f = os.statvfs(path).f_flag
    flags = MS_RDONLY | (f & (MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOATIME | MS_NODIRATIME))
    return flags | (MS_RELATIME if f & ST_RELATIME else 0)


def _private_tmp(keep: list[str]) -> None:
    """A fresh tmpfs on /tmp; read-only binds that lived under it (a venv, a checkout) are put back."""
    held = [(p, os.open(p, os.O_PATH), _readonly_flags(p)) for p in keep if os.path.isdir(p)]
    _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777")
    for path, fd, flags in held:
        os.makedirs(path, exist_ok=True)
        _mount(f"/proc/self/fd/{fd}", path, None, MS_BIND | MS_REC)
        _mount(None, path, None, MS_REMOUNT | MS_BIND | flags)
        os.close(fd)


def _become_worker(fds: list[int], config: dict) -> None:
    """Runs in the new namespaces as their pid 1; never returns."""
    try:
        _libc.prctl(PR_SET_NAME, WORKER_NAME, 0, 0, 0)
        os.dup2(fds[0], 0)
        os.dup2(fds[1], 1)
        os.closerange(2, os.sysconf("SC_OPEN_MAX"))  # the fork server's control socket is gone too
        os.open(os.devnull, os.O_RDWR)  # fd 2, so the protocol's private copies land above the standard streams
        _mount(None, "/", None, MS_REC | MS_PRIVATE)  # nothing below propagates out of this namespace
        _private_tmp(config.get("keep", []))
        try:
            _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)  # only this pid namespace
        except OSError:
            pass  # some user namespaces refuse; workers are not dumpable, so others' /proc entries stay closed
        os.chdir("/tmp")
        _reseed()
        proto_in, proto_out = worker._isolate_streams()
        worker.confine(config)  # which also asks to die with this process's parent (after the uid change)
        frames.write_frame(proto_out, b'"ready"')
        worker.serve(proto_in, proto_out)
    finally:
        os._exit(0)


def _reseed() -> None:
    """Forked workers would otherwise share the fork server's random state."""
    if "numpy" in sys.modules:
        sys.modules["numpy"].random.seed()
    if "torch" in sys.modules:
        sys.modules["torch"].seed()


def _spawn(fds: list[int], config: dict) -> int:
    """Fork the intermediate process that owns the worker's namespaces; its pid is the worker's handle."""
    pid = os.fork()
    if pid:
        return pid
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        _libc.prctl(PR_SET_NAME, HOLDER_NAME, 0, 0, 0)
        die_with_parent()  # dies with the fork server
        _check(_libc.unshare(CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC), "unshare")
        child = os.fork()
        if child == 0:
            _become_worker(fds, config)
        os.closerange(0, os.sysconf("SC_OPEN_MAX"))
        os.waitpid(child, 0)  # when this process is killed, the worker goes with it (its parent-death signal)
    finally:
        os._exit(0)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    config = json.loads(argv[argv.index("--config") + 1])
    die_with_parent()  # with bubblewrap, or with the grading process that started it (unshare)
    control = socket.socket(fileno=os.dup(0))
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    worker.preimport(config.get("preimport", []))
    _libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)  # its memory and /proc entries stay closed to its workers' uid
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps the intermediate processes
    control.send(b'{"ready": true}')
    while True:
        try:
            msg, fds, _, _ = socket.recv_fds(control, 1 << 16, 2)
        except OSError:
            break
        if not msg:
            break
        try:
            req = json.loads(msg)
            if req.get("op") == "spawn" and len(fds) == 2:
                reply = {"pid": _spawn(fds, dict(config, rlimits=req.get("rlimits", {})))}
            elif req.get("op") == "ping":
                reply = {"ok": True}
            elif req.get("op") == "kill":
                try:
                    os.kill(int(req["pid"]), signal.SIGKILL)
                except ProcessLookupError:
                    pass
                reply = {"ok": True}
            else:
                reply = {"error": "bad request"}
        except Exception as exc:  # noqa: BLE001 - the broker falls back to a cold worker
            reply = {"error": f"{type(exc).__name__}: {exc}"}
        for fd in fds:
            os.close(fd)
        control.send(json.dumps(reply).encode())
    os._exit(0)


if __name__ == "__main__":
    main()
