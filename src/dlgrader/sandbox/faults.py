"""What a worker's misbehaviour becomes in the broker: a fault carrying a bilingual sentence (and a hint).

A :class:`SubmissionFault` is a wrong answer to one input (hypothesis may look for a smaller one);
a :class:`FatalFault` ends the check at once; a :class:`WorkerGone` also means the worker must be
restarted. Graders may catch them (08 does, to tell a slow model from a broken one).
"""

from __future__ import annotations

import difflib

from ..text import Text


class _Fault:
    def __init__(self, text: Text, hint: Text | None = None):
        super().__init__(text.en)
        self.text = text
        self.hint = hint


class SubmissionFault(_Fault, Exception):
    """The submission failed on this input (it raised); hypothesis may look for a smaller one."""


class FatalFault(_Fault, BaseException):
    """No other input can help (name missing, not implemented, unreadable return, time out, crash).

    A BaseException, so hypothesis ends the check at once instead of spending
    the check's budget shrinking an input that does not matter.
    """


class WorkerGone(FatalFault):
    """The worker timed out or died; the session must be restarted before the next check."""

    timed_out = False


def from_error(error, fn: str, label: str | None, names: list[str]) -> SubmissionFault | FatalFault:
    """The fault for a worker's error reply to a call of ``fn`` (``label``: what feedback names it).

    ``names``: what the notebook defines, to suggest the name a student renamed a function to.
    """
    if not isinstance(error, dict):
        error = {}
    kind = str(error.get("kind", ""))[:40]
    etype = str(error.get("type", "Error"))[:80]
    message = str(error.get("message", ""))[:500]
    name = str(label or fn)[:80]
    if kind == "missing":
        close = difflib.get_close_matches(fn, names, n=1, cutoff=0.5)
        hint = Text(f"¿Quizás la renombraste como {close[0]!r}? Usa exactamente el nombre del enunciado.",
                    f"Did you rename it to {close[0]!r}? Use exactly the name in the statement.") if close else None
        return FatalFault(Text(f"No encontré {name!r} en tu notebook.", f"{name!r} is not defined in your notebook."), hint)
    if kind == "bad_return":
        return FatalFault(Text(f"{name}() devolvió un valor que no se puede revisar ({message}); "
                               "devuelve números, listas, tuplas o arreglos de NumPy.",
                               f"{name}() returned a value that cannot be checked ({message}); "
                               "return numbers, lists, tuples or NumPy arrays."))
    if etype == "NotImplementedError":
        return FatalFault(Text(f"{name}() todavía no está implementada (lanza NotImplementedError).",
                               f"{name}() is not implemented yet (it raises NotImplementedError)."))
    where = Text("", "")
    if isinstance(error.get("line"), int):
        cell, line = str(error.get("cell", "?"))[:40], error["line"]
        where = Text(f" (celda {cell}, línea {line})", f" (cell {cell}, line {line})")
    return SubmissionFault(Text(f"{name}() lanzó {etype}: {message}{where.es}.",
                                f"{name}() raised {etype}: {message}{where.en}."))
