"""The untrusted side: runs one student's code inside the sandbox and answers calls.

Started by the broker as ``python -I -m dlgrader.sandbox.worker --config JSON``. It
keeps the protocol on private copies of stdin/stdout, points the standard
streams at /dev/null, drops privileges, pre-imports libraries, applies rlimits
and the seccomp filter, and only then executes student code. It never sees
expected values: it only runs what it is asked and encodes what comes back.

Protocol (length-prefixed frames, :mod:`.frames`; strict codec):
  {"op": "load", "cells": [[id, source], ...]}  -> {"ok": true, "value": {"errors": [...], "names": [...]}}
  {"op": "call", "fn": name, "args": [...], "kwargs": {...}, "inputs": bool, "overwrite": bool}
  {"op": "method", "handle": n, "fn": name, "args": [...], "kwargs": {...}, "inputs": bool, "overwrite": bool}
  ("overwrite": right after the call, every float array among the arguments is filled with nan in place, as a
  caller reusing its arrays would: a returned or kept object that is the caller's own shows it.)
  {"op": "getattr", "handle": n, "fn": name}
  {"op": "forget"}  (drops every handle; the next object is handle 1 again)
  {"op": "bind", "names": [...]}  (each name becomes a stub that calls the broker back, :mod:`.stubs`; while
  it answers, a call's reply may be preceded by frames {"callback": name, "args", "kwargs"}, each answered)
Replies: {"id", "ok": true, "value"} or {"id", "ok": false, "error": {"kind", "type", "message", ...}}.
"""

from __future__ import annotations

import collections
import json
import os
import sys
import traceback

from .frames import read_frame, write_frame
from .parent import die_with_parent

KEEP_ARGUMENTS = 32  # calls whose arguments stay alive (Worker.passed): more than any check's trajectory

def _isolate_streams() -> tuple[int, int]:
    """Keep the protocol on private fds; student prints go nowhere."""
    proto_in, proto_out = os.dup(0), os.dup(1)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
    return proto_in, proto_out


def _drop_privileges(uid: int, gid: int) -> None:
    os.setgroups([])
    os.setgid(gid)
    os.setuid(uid)
    if os.getuid() != uid or os.geteuid() != uid:
        raise RuntimeError("privilege drop failed")


def _drop_capabilities() -> None:
    """No capability survives into student code (the fork server holds CAP_SYS_ADMIN); not dumpable,
    so no other process of the same uid may read this one's memory through /proc."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(47, 4, 0, 0, 0)  # PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL
    header = (ctypes.c_uint32 * 2)(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this thread
    if libc.capset(header, (ctypes.c_uint32 * 6)()) != 0:
        raise RuntimeError("capset failed")
    libc.prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE 0
    with open("/proc/self/status") as f:
        if any(line.startswith("CapEff:") and int(line.split()[1], 16) for line in f):
            raise RuntimeError("capabilities remain")


def _apply_rlimits(limits: dict) -> None:
    try:
        import resource
    except ImportError:  # Windows: only the broker's wall-clock limit applies
        return
    names = {"as": "RLIMIT_AS", "cpu": "RLIMIT_CPU", "fsize": "RLIMIT_FSIZE", "nofile": "RLIMIT_NOFILE",
             "core": "RLIMIT_CORE", "nproc": "RLIMIT_NPROC"}
    limits = dict(limits)
    if "as_extra_mb" in limits:  # a budget on top of what the interpreter and libraries already map
        limits["as"] = _mapped_bytes() + int(limits.pop("as_extra_mb")) * 2**20
    for key, value in limits.items():
        res = getattr(resource, names[key], None)
        if res is None:
            continue
        soft, hard = resource.getrlimit(res)
        value = int(value)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        try:
            resource.setrlimit(res, (value, value))
        except (ValueError, OSError):
            pass  # macOS refuses some limits; the broker still enforces time


def _mapped_bytes() -> int:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


class Worker:
    def __init__(self, proto: tuple[int, int] | None = None) -> None:
        self.ns: dict = {"__name__": "__main__", "__builtins__": __builtins__}
        self.handles: dict[int, object] = {}
        self.next_handle = 1
        self.proto = proto  # (in, out): the pipe a callback stub talks on
        # The arguments of the check's last calls, kept alive: a new argument never gets an earlier one's id(),
        # so code that keys state by id(p) behaves as the notebook says it does (new objects at every call)
        # whatever the allocator reuses. Dropped with the handles at each check.
        self.passed: collections.deque = collections.deque(maxlen=KEEP_ARGUMENTS)

    def bind(self, names: list) -> list[str]:
        """Each name becomes a stub answered by the broker (another task's function, the reference's)."""
        from .stubs import make_stub

        if self.proto is None or not isinstance(names, list) or not all(isinstance(n, str) and n.isidentifier() for n in names):
            raise _Fault("protocol", "bad bind")
        for name in names:
            self.ns[name] = make_stub(name, *self.proto)
        return list(names)

    # -- operations ----------------------------------------------------------------
    def load(self, cells: list) -> dict:
        errors = []
        for cell_id, source in cells:
            try:
                code = compile(source, f"<celda {cell_id}>", "exec")
            except SyntaxError as exc:  # IndentationError too: the broker shows the line with a caret under offset
                errors.append({"cell": cell_id, "type": "SyntaxError", "message": str(exc.msg),
                               "line": exc.lineno, "offset": exc.offset, "end_offset": getattr(exc, "end_offset", None)})
                continue
            try:
                exec(code, self.ns)
            except BaseException as exc:  # noqa: BLE001 - SystemExit at import is a student error too
                errors.append({"cell": cell_id, "type": type(exc).__name__, "message": _short(exc),
                               "line": _student_line(exc, cell_id)})
        names = sorted(k for k, v in self.ns.items() if not k.startswith("_") and callable(v))
        return {"errors": errors, "names": names}

    def resolve(self, msg: dict):
        name = msg.get("fn")
        if not isinstance(name, str):
            raise _Fault("protocol", "bad function name")
        if msg["op"] == "call":
            if name not in self.ns or not callable(self.ns[name]):
                raise _Fault("missing", name)
            return self.ns[name], True
        obj = self.handles.get(msg.get("handle"))
        if obj is None:
            raise _Fault("protocol", "unknown handle")
        if name.startswith("_"):
            raise _Fault("missing", name)
        try:
            attr = getattr(obj, name)
        except AttributeError:
            raise _Fault("missing", name) from None
        return attr, msg["op"] == "method"

    def dispatch(self, msg: dict):
        op = msg.get("op")
        if op == "load":
            return self.load(msg["cells"])
        if op == "forget":
            self.handles.clear()
            self.passed.clear()
            self.next_handle = 1
            return None
        if op == "bind":
            return self.bind(msg.get("names"))
        if op not in ("call", "method", "getattr"):
            raise _Fault("protocol", f"unknown op {op!r}")
        target, is_call = self.resolve(msg)
        if not is_call:
            return self._export(target)
        args, kwargs = msg.get("args", []), msg.get("kwargs", {})
        self.passed.append((args, kwargs))
        value = target(*args, **kwargs)
        if msg.get("overwrite"):
            _overwrite([args, kwargs])
        out = self._export(value, new=isinstance(target, type))
        if msg.get("inputs"):
            return {"value": out, "args": [self._export(a) for a in args],
                    "kwargs": {k: self._export(v) for k, v in kwargs.items()}}
        return out

    def _export(self, value, new: bool = False):
        """Plain data stays as it is; a new object from a class becomes a handle."""
        from . import codec

        if new and not isinstance(value, (int, float, str, bool, list, tuple, dict)):
            hid = self.next_handle
            self.next_handle += 1
            self.handles[hid] = value
            return codec.Handle(hid, type(value).__name__)
        for hid, obj in self.handles.items():
            if value is obj:
                return codec.Handle(hid, type(value).__name__)
        torch = sys.modules.get("torch")
        if torch is not None and isinstance(value, torch.Tensor):
            value = value.detach().cpu().numpy()
        return value


def _overwrite(value, depth: int = 0) -> None:
    """Fill every writable float array inside lists, tuples and dicts with nan, in place."""
    np = sys.modules.get("numpy")
    if depth > 8:
        return
    if np is not None and isinstance(value, np.ndarray):
        if value.dtype.kind == "f" and value.flags.writeable:
            value.fill(np.nan)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _overwrite(item, depth + 1)
    elif isinstance(value, dict):
        for item in value.values():
            _overwrite(item, depth + 1)


class _Fault(Exception):
    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message


def _short(exc: BaseException) -> str:
    text = str(exc)
    return text if len(text) <= 500 else text[:500] + " …"


def _student_line(exc: BaseException, cell_id: str | None = None) -> int | None:
    """The last traceback line that belongs to student code, so feedback can point at it."""
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.startswith("<celda"):
            line = frame.lineno
    return line


def _error(kind: str, exc: BaseException | None = None, message: str = "") -> dict:
    """The reply's error: the notebook's frames (cell, line, function), outermost first, so feedback can name
    the student's own function when a locked helper cell called it."""
    err = {"kind": kind, "type": type(exc).__name__ if exc else kind, "message": message or (_short(exc) if exc else "")}
    if exc is not None:
        err["line"] = _student_line(exc)
        err["frames"] = [[frame.filename[7:-1], frame.lineno, frame.name]
                         for frame in traceback.extract_tb(exc.__traceback__) if frame.filename.startswith("<celda")][-20:]
        if err["frames"]:
            err["cell"] = err["frames"][-1][0]
    return err


def serve(proto_in: int, proto_out: int) -> None:
    from . import codec

    worker = Worker((proto_in, proto_out))
    while True:
        try:
            frame = read_frame(proto_in, codec.MAX_BYTES)
        except ValueError:
            return
        if frame is None:
            return
        try:
            msg = codec.decode(frame)
            req_id = msg.get("id") if isinstance(msg, dict) else None
        except codec.CodecError:
            return
        try:
            reply = {"id": req_id, "ok": True, "value": worker.dispatch(msg)}
        except _Fault as exc:
            reply = {"id": req_id, "ok": False, "error": {"kind": exc.kind, "type": exc.kind, "message": exc.message}}
        except BaseException as exc:  # noqa: BLE001 - student exceptions, SystemExit included, are answers
            reply = {"id": req_id, "ok": False, "error": _error("raised", exc)}
        try:
            data = codec.encode(reply)
        except (codec.CodecError, RecursionError, ValueError, TypeError) as exc:
            data = codec.encode({"id": req_id, "ok": False,
                                 "error": {"kind": "bad_return", "type": "bad_return", "message": _short(exc)}})
        write_frame(proto_out, data)


def confine(config: dict) -> None:
    """Everything between trusted start-up and student code: uid, parent death, capabilities, rlimits, seccomp."""
    if config.get("uid") is not None:
        _drop_privileges(config["uid"], config["gid"])
    die_with_parent()  # after the uid change, which clears it
    if sys.platform.startswith("linux"):
        _drop_capabilities()
    _apply_rlimits(config.get("rlimits", {}))
    if config.get("seccomp"):
        from .seccomp import install

        install()


def preimport(modules: list[str]) -> None:
    for module in modules:
        __import__(module)
    if "torch" in modules:
        sys.modules["torch"].set_num_threads(1)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    config = json.loads(argv[argv.index("--config") + 1]) if "--config" in argv else {}
    proto_in, proto_out = _isolate_streams()
    preimport(config.get("preimport", []))
    confine(config)
    write_frame(proto_out, b'"ready"')
    serve(proto_in, proto_out)
    os._exit(0)


if __name__ == "__main__":
    main()
