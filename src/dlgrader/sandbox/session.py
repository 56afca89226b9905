"""The broker's side of one worker: start it, load the program, make calls with time limits.

Every way the worker can misbehave (raise, hang, die, answer garbage) becomes a
fault (:mod:`.faults`) carrying a bilingual sentence; graders never see raw
worker output and never trust it beyond the decoded, validated value.
"""

from __future__ import annotations

import contextlib
import math
import os
import select
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from ..text import Text
from . import codec, cpu, warm
from .budget import Budget
from .stub_replies import StubReplies
from .faults import FatalFault, WorkerGone, ended, from_error, out_of_memory, refused_again, stuck
from .frames import HEADER, write_frame
from .isolation import Sandbox

START_TIMEOUT = 60.0
# How far play() sends ahead of the replies it has compared: a few requests, and few enough bytes that a
# write never waits on the pipe (64 KiB) while the worker waits for us to read.
AHEAD_REQUESTS = 8
AHEAD_BYTES = 32 * 1024
_CORRUPTED = Text("La respuesta del proceso de tu código estaba dañada.", "The reply from your code's process was corrupted.")
WATCH_EVERY = 0.25  # seconds between looks at a worker's CPU while it owes a reply (a quick reply is never looked at)


@dataclass(frozen=True)
class Exchange:
    """One request to a worker and its reply, as the bytes that crossed the pipe."""

    request: bytes
    reply: bytes
    timeout: float
    cpu_limit: float | None
    during: Text
    label: str | None  # the function a time-out, memory exhaustion or crash bars from later calls (session.stopped)


class WorkerSession(StubReplies):
    """One sandboxed worker process for one submission."""

    def __init__(self, sandbox: Sandbox, *, hidden: list[Path], preimport: list[str], memory_mb: int,
                 call_timeout: float, load_timeout: float, call_cpu: float | None = None, cpu_seconds: int = 600):
        self.sandbox = sandbox
        self.hidden = hidden
        self.call_timeout = call_timeout
        self.call_cpu = call_cpu  # CPU seconds a call may use (cpu.py), None: only its wall-clock time-out
        self._pid: int | None = None  # the worker's, for cpu.py (0: not found)
        self.load_timeout = load_timeout
        self.config = {"preimport": preimport,
                       "rlimits": {"as_extra_mb": memory_mb, "cpu": cpu_seconds, "fsize": 16 * 2**20,
                                   "nofile": 64, "core": 0, "nproc": 512}}
        self.proc: subprocess.Popen | None = None
        self.names: list[str] = []
        self.next_id = 0
        self.deadline: float | None = None  # the current check's budget
        self.budget: Budget | None = None  # the submission's, which every wait also ends by
        self.gone: WorkerGone | None = None
        self.startup_seconds = 0.0
        self.stopped: dict[str, Text] = {}  # functions that ran out of time or memory, or ended the process: why
        self.lost = False  # the fork server died under this worker: not the submission's doing
        self.tape: list[Exchange] | None = None  # while a list: every request and reply, as sent (see play)
        self.student_cells: set[str] | None = None  # the cells the submission wrote (from load)
        self.aliases: dict[str, str] = {}  # a locked helper cell's function -> the student's function it calls
        self._inbox = bytearray()  # bytes read from the worker, not yet taken as a reply
        self._awaited = 0  # replies the worker owes: more than one only while play() sends ahead

    # -- life cycle -------------------------------------------------------------
    def start(self) -> None:
        """Fork a warm worker from the fork server; start a cold one when that is not possible."""
        t0 = time.perf_counter()
        self.gone, self._pid = None, None
        forked = self.proc = warm.spawn(self.sandbox, self.config["preimport"], self.hidden, self.config["rlimits"])
        if forked is not None:
            try:
                self._await_ready()
            except WorkerGone:  # not the student's fault (no student code ran): cold from now on, unless its fork
                if forked.server.responds():  # server was ended from outside (then the next worker forks again)
                    warm.disable()
                self.proc = None
        if self.proc is None:
            argv = self.sandbox.command(self.config, self.hidden)
            self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL, start_new_session=True, close_fds=True)
            self.gone = None
            self._await_ready()
        self.startup_seconds = time.perf_counter() - t0

    def _await_ready(self) -> None:
        """A new process owes one reply, its "ready", and nothing read from an earlier one counts."""
        self._inbox.clear()
        self._awaited = 1
        frame = self._receive_frame(time.monotonic() + START_TIMEOUT, during=Text("el arranque", "start-up"))
        ready = self._decode(frame)
        if ready != "ready":
            self._die(Text("El proceso de corrección no arrancó.", "The grading worker did not start."))

    @property
    def warm(self) -> bool:
        return isinstance(self.proc, warm.WarmWorker)

    def close(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if isinstance(proc, warm.WarmWorker):
            proc.kill()
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        warm.close_quietly(proc.stdin, proc.stdout)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass

    def __enter__(self) -> "WorkerSession":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- protocol ---------------------------------------------------------------
    def _die(self, text: Text, why: str = "other") -> None:
        self.close()
        self.gone = WorkerGone(text, why=why)
        raise self.gone

    def _ended(self, during: Text) -> None:
        """The worker's end of the pipe closed while it owed a reply: its code ended it, unless its fork server died."""
        self.lost = self.warm and not self.proc.server.responds()
        self._die(*ended(during, self.lost))

    def _decode(self, payload: bytes):
        try:
            return codec.decode(payload)
        except codec.CodecError:
            self._die(_CORRUPTED)

    def _receive_frame(self, deadline: float, during: Text, cpu_limit: float | None = None) -> bytes:
        """The next reply frame; bytes past it stay in the inbox only while more replies are owed.

        Waits until ``deadline``, or less: the submission's budget, or a worker found idle or past
        ``cpu_limit`` seconds of CPU (:mod:`.cpu`), looked at every WATCH_EVERY seconds of the wait.
        """
        assert self.proc is not None
        buf = self._inbox
        watch = None
        while True:
            size = HEADER.unpack(bytes(buf[:HEADER.size]))[0] if len(buf) >= HEADER.size else None
            if size is not None and size > codec.MAX_BYTES:
                self._die(Text("Tu código devolvió un valor demasiado grande.", "Your code returned a value that is too large."))
            if size is not None and len(buf) >= HEADER.size + size:
                break
            want = 1 << 20 if size is None else min(1 << 20, max(HEADER.size + size - len(buf), 1 << 16))
            left = deadline - time.monotonic()  # past it, a reply already waiting is still taken
            chunk = self._read(time.monotonic() + min(left, WATCH_EVERY), want)
            if chunk is None:
                if self.budget is not None and (self.budget.stopped is not None or self.budget.spent()):
                    self._die(self.budget.refuse(), "budget")
                if left <= WATCH_EVERY:
                    self._die(stuck("wall", during), "time")
                watch = watch or cpu.Watch(self._worker_pid, cpu_limit)
                verdict = watch.verdict()
                if verdict is not None:
                    self._die(stuck(verdict, during, cpu_limit), "time")
                continue
            if not chunk:
                self._ended(during)
            buf += chunk
        frame = bytes(buf[HEADER.size:HEADER.size + size])
        del buf[:HEADER.size + size]
        self._awaited -= 1
        if buf and self._awaited <= 0:  # the worker wrote what it was not asked for
            self._die(_CORRUPTED)
        return frame

    def _read(self, deadline: float, limit: int) -> bytes | None:
        """Up to ``limit`` bytes from the worker once some arrive: b"" when it has ended, None past ``deadline`` or
        the budget's stop (a reply already waiting is still taken). :mod:`.portable` reads with a thread instead."""
        fd = self.proc.stdout.fileno()
        poller = select.poll()  # no file descriptor of its own, unlike epoll: nothing to close
        for f in (fd,) if self.budget is None else (fd, self.budget.wake_fd):  # the budget: stopped from a thread
            poller.register(f, select.POLLIN)
        if fd not in {f for f, _ in poller.poll(max(0, math.ceil((deadline - time.monotonic()) * 1000)))}:
            return None
        return os.read(fd, limit)

    def _worker_pid(self) -> int | None:
        """The worker's pid as this process sees it (found once; None where /proc cannot tell)."""
        if self._pid is None and self.proc is not None:
            self._pid = cpu.worker_pid(self.proc) or 0
        return self._pid or None

    def _exchange(self, payload: bytes, timeout: float, during: Text, label: str | None = None,
                  cpu_limit: float | None = None) -> bytes:
        """Send one request frame and wait for its reply frame, within the call's and the check's time."""
        with self._marking(label):
            self._send(payload)
            return self._reply_frame(self._deadline(timeout), during, cpu_limit)

    @contextlib.contextmanager
    def _marking(self, label: str | None):
        """A function (``label``) whose request ran out of time or memory, or ended the process, is not run again:
        one that hangs or crashes costs its worker once, not once per check (see ``call``)."""
        try:
            yield
        except WorkerGone as exc:
            again = refused_again(exc.why, self.aliases.get(label, label)) if label is not None else None
            if again is not None:
                self.stopped[label] = again
            raise

    def _send(self, payload: bytes) -> None:
        """Write one request frame; refused once the submission's or the check's time is spent, or the worker gone."""
        if self.budget is not None and self.budget.spent():
            raise FatalFault(self.budget.refuse())
        if self.gone is not None:
            raise self.gone
        if self.proc is None:
            raise WorkerGone(Text("El proceso de tu código no está activo.", "Your code's process is not running."))
        if self.deadline is not None and time.monotonic() >= self.deadline:
            raise FatalFault(Text("Se agotó el tiempo total de esta verificación; tu código es demasiado lento.",
                                  "This check's total time ran out; your code is too slow."))
        try:
            write_frame(self.proc.stdin.fileno(), payload)
        except (BrokenPipeError, OSError):
            self._die(Text("El proceso de tu código terminó antes de tiempo.", "Your code's process ended early."))
        self._awaited += 1

    def _deadline(self, timeout: float, start: float | None = None) -> float:
        """A call's own time limit from ``start`` (now by default), within the check's and the submission's."""
        deadline = (time.monotonic() if start is None else start) + timeout
        if self.budget is not None:
            deadline = min(deadline, self.budget.deadline)
        return deadline if self.deadline is None else min(deadline, self.deadline)

    def request(self, msg: dict, timeout: float, during: Text, label: str | None = None,
                cpu_limit: float | None = None):
        self.next_id += 1
        msg = dict(msg, id=self.next_id)
        payload = codec.encode(msg)
        answer = self._exchange(payload, timeout, during, label, cpu_limit)
        if self.tape is not None:
            self.tape.append(Exchange(payload, answer, timeout, cpu_limit, during, label))
        reply = self._decode(answer)
        if not isinstance(reply, dict) or reply.get("id") != self.next_id or type(reply.get("ok")) is not bool:
            self._die(Text("La respuesta del proceso de tu código no tenía el formato esperado.",
                           "The reply from your code's process was malformed."))
        if reply["ok"]:
            return reply.get("value")
        error = reply.get("error")
        if label is not None and isinstance(error, dict) and error.get("type") == "MemoryError":
            with self._marking(label):  # the worker may still hold the memory: it ends too
                self._die(out_of_memory(self.aliases.get(label, label)), "memory")
        raise from_error(error, str(msg.get("fn", "")), label, self.names, student_cells=self.student_cells,
                         aliases=self.aliases)

    def play(self, tape: list["Exchange"]) -> bool:
        """Send a recorded check's requests, in order; True if every reply is byte for byte the recorded one.

        Requests go a few ahead of the replies compared (AHEAD_*), so the worker runs them back to back
        instead of waking for each. A reply that differs ends the play: the requests already sent after it
        (at most AHEAD_REQUESTS - 1, the reference's own next requests) are answered and their replies
        dropped. A timeout or crash on a compared request raises as it would in the body; one on a request
        sent ahead leaves the worker gone, and the body's first call reports it.
        """
        if self.stopped:  # a call the body would refuse without sending: not the recorded sequence
            return False
        sent = got = ahead = 0  # requests sent, replies compared, bytes sent but not answered
        started = time.monotonic()  # when the worker could start on the request whose reply comes next
        try:
            while got < len(tape):
                while sent < len(tape) and (sent == got or (self.callbacks is None and sent - got < AHEAD_REQUESTS
                                                             and ahead + len(tape[sent].request) <= AHEAD_BYTES)):
                    self._send(tape[sent].request)
                    ahead += len(tape[sent].request)
                    sent += 1
                ex = tape[got]
                with self._marking(ex.label):
                    reply = self._reply_frame(self._deadline(ex.timeout, started), ex.during, ex.cpu_limit)
                started = time.monotonic()
                ahead -= len(ex.request)
                got += 1
                if reply != ex.reply:
                    for extra in tape[got:sent]:
                        try:
                            with self._marking(extra.label):
                                self._reply_frame(self._deadline(extra.timeout, started), extra.during,
                                                    extra.cpu_limit)
                        except WorkerGone:
                            break
                        started = time.monotonic()
                    return False
        except BaseException:
            if self._awaited and self.gone is None:  # replies still owed: this worker's conversation is lost
                self._die_quietly()
            raise
        return True

    def _die_quietly(self) -> None:
        try:
            self._die(Text("El proceso de tu código se detuvo.", "Your code's process was stopped."))
        except WorkerGone:
            pass

    # -- operations -------------------------------------------------------------
    def load(self, cells: list) -> dict:
        self.student_cells = {c.id for c in cells if getattr(c, "student", True)}
        report = self.request({"op": "load", "cells": [[c.id, c.source] for c in cells]}, self.load_timeout,
                              Text("la carga de tu notebook", "loading your notebook"))
        if not isinstance(report, dict) or not isinstance(report.get("names"), list):
            self._die(Text("La carga de tu notebook devolvió un resultado inválido.", "Loading your notebook gave an invalid result."))
        self.names = [n for n in report["names"] if isinstance(n, str)]
        return report

    def call(self, fn: str, args: tuple, kwargs: dict, *, inputs: bool = False, handle: int | None = None,
             label: str | None = None, overwrite: bool = False):
        """Call a student function; one stopped before fails at once, so one loop costs one timeout."""
        label = label or fn
        shown = self.aliases.get(label, label)
        if label in self.stopped:
            raise FatalFault(self.stopped[label])
        op = {"op": "call" if handle is None else "method", "fn": fn, "args": list(args), "kwargs": kwargs,
              "inputs": inputs}
        if handle is not None:
            op["handle"] = handle
        if overwrite:
            op["overwrite"] = True
        return self.request(op, self.call_timeout, Text(f"la llamada a {shown}()", f"the call to {shown}()"),
                            label=label, cpu_limit=self.call_cpu)  # a time-out, MemoryError or crash marks it (_marking)

    def forget_objects(self) -> None:
        """Drop the worker's handles: a new check's objects are numbered from 1 again."""
        self.request({"op": "forget"}, self.call_timeout, Text("el inicio de la verificación", "the start of the check"))

    def getattr(self, handle: int, name: str):
        return self.request({"op": "getattr", "handle": handle, "fn": name}, self.call_timeout,
                            Text(f"la lectura de .{name}", f"reading .{name}"))

