"""The worker's side of a callback: a name of another task's function that asks the broker for the reference's answer.

Why: one mistake should cost points once. While a check of one task runs, the worker's names for other
tasks' plain-data functions (``plain = true`` in assignment.toml) are these stubs, so the student's
``perdida`` runs on the course's ``propagar_adelante`` without the reference ever entering this process.
A stub writes ``{"callback": name, "args": [...], "kwargs": {...}}`` on the protocol's pipe, in place of
a reply, and reads ``{"ok": true, "value": v}`` or ``{"ok": false, "error": {"type", "message"}}`` back.
The broker answers only the names it bound for the current check (:mod:`dlgrader.grading.callbacks`);
student code writing such frames itself gains nothing a stub call would not give it.
"""

from __future__ import annotations

import os
import sys

from . import codec
from .frames import read_frame, write_frame

# the exceptions a stub may raise by name (anything else is a RuntimeError): student code may catch these
_ERRORS = {"ValueError": ValueError, "TypeError": TypeError, "IndexError": IndexError, "KeyError": KeyError,
           "ZeroDivisionError": ZeroDivisionError, "RuntimeError": RuntimeError, "NameError": NameError,
           "MemoryError": MemoryError}


def _plain(value, depth: int = 0):
    """Arguments as the codec takes them: a torch tensor becomes its numpy array (a torch notebook still calls)."""
    torch = sys.modules.get("torch")
    if torch is not None and isinstance(value, torch.Tensor):
        return value.detach().cpu().numpy()
    if depth > codec.MAX_DEPTH:
        return value
    if type(value) is list:
        return [_plain(v, depth + 1) for v in value]
    if type(value) is tuple:
        return tuple(_plain(v, depth + 1) for v in value)
    if type(value) is dict:
        return {k: _plain(v, depth + 1) for k, v in value.items()}
    return value


def make_stub(name: str, proto_in: int, proto_out: int):
    """A function named ``name`` whose every call is answered by the broker (with the reference's result)."""

    def stub(*args, **kwargs):
        try:
            data = codec.encode({"callback": name, "args": _plain(list(args)), "kwargs": _plain(kwargs)})
        except (codec.CodecError, RecursionError, ValueError, TypeError) as exc:
            raise TypeError(f"{name}() del curso solo recibe números, listas, tuplas, diccionarios y arreglos "
                            f"(the course's {name}() only takes plain data): {exc}") from None
        write_frame(proto_out, data)
        frame = read_frame(proto_in, codec.MAX_BYTES)
        try:
            answer = codec.decode(frame) if frame is not None else None
        except codec.CodecError:
            answer = None
        if type(answer) is not dict or type(answer.get("ok")) is not bool:
            os._exit(0)  # the broker hung up or spoke garbage: nothing sensible is left to do here
        if answer["ok"]:
            return answer.get("value")
        error = answer.get("error") if type(answer.get("error")) is dict else {}
        raise _ERRORS.get(error.get("type"), RuntimeError)(str(error.get("message", "")))

    stub.__name__ = stub.__qualname__ = name
    stub.__module__ = "__main__"
    return stub
