"""What a worker's misbehaviour becomes in the broker: a fault carrying a bilingual sentence (and a hint).

A :class:`SubmissionFault` is a wrong answer to one input (hypothesis may look for a smaller one);
a :class:`FatalFault` ends the check at once; a :class:`WorkerGone` also means the worker must be
restarted. Graders may catch them (08 does, to tell a slow model from a broken one).
"""

from __future__ import annotations

import difflib
import re

from ..errors import DlgraderError
from ..text import Text
from .python_messages import python_message


class _Fault:
    missing: str | None = None  # a name the notebook does not define, when that is why the call failed

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
    """The worker timed out or died; the session must be restarted before the next check.

    ``why``: "time" (a call's or check's time ran out), "memory" (a call ran out of memory), "ended" (the
    process ended during a call), "budget" (the submission's time is spent, or grading was stopped), "other".
    The first three bar the function that caused them from later calls (``WorkerSession.stopped``).
    """

    def __init__(self, text: Text, hint: Text | None = None, why: str = "other"):
        super().__init__(text, hint)
        self.why = why

    @property
    def timed_out(self) -> bool:
        return self.why == "time"


class SandboxLost(DlgraderError):
    """The fork server died under a worker (killed from outside, or by the kernel): not the submission's doing.

    Raised by grading after the run, never into a check: the submission is graded again, or reported as not graded.
    """

    exit_code = 5

    def __init__(self, text: Text | None = None):
        super().__init__(text or Text("Los procesos de la zona aislada se detuvieron durante la corrección (¿alguien "
                                      "los terminó?); vuelve a calificar esta entrega.",
                                      "The sandbox's processes stopped while grading (did someone end them?); "
                                      "grade this submission again."))


def out_of_memory(label: str) -> Text:
    return Text(f"{label}() agotó la memoria que puede usar (MemoryError).",
                f"{label}() ran out of the memory it may use (MemoryError).")


def refused_again(why: str, label: str) -> Text | None:
    """What a later call of ``label`` says after a WorkerGone of kind ``why`` in one of its calls (None: it is called)."""
    if why == "time":
        return Text(f"{label}() ya agotó el tiempo en una verificación anterior (¿un bucle infinito?); "
                    "no se vuelve a ejecutar.",
                    f"{label}() already ran out of time in an earlier check (an infinite loop?); it is not run again.")
    if why == "memory":
        return Text(f"{label}() ya agotó la memoria en una verificación anterior; no se vuelve a ejecutar.",
                    f"{label}() already ran out of memory in an earlier check; it is not run again.")
    if why == "ended":
        return Text(f"{label}() ya terminó el proceso de tu código en una verificación anterior; no se vuelve a ejecutar.",
                    f"{label}() already ended your code's process in an earlier check; it is not run again.")
    return None


def ended(during: Text, lost: bool) -> tuple[Text, str]:
    """What a worker whose pipe closed while it owed a reply says, and its WorkerGone.why: its code ended it,
    or (``lost``) its fork server died under it."""
    if lost:
        return Text("El proceso de corrección se detuvo por una causa externa.",
                    "The grading process was stopped from outside."), "other"
    return Text(f"El proceso de tu código terminó durante {during.es} (¿os._exit, memoria agotada o un límite del "
                "sistema?).", f"Your code's process ended during {during.en} (os._exit, out of memory or a system "
                "limit?)."), "ended"


def stuck(verdict: str, during: Text, cpu_limit: float | None = None) -> Text:
    """What a worker found idle, or past its call's CPU time (sandbox/cpu.py), or past its wall-clock time
    ("wall"), while it owed a reply says."""
    if verdict == "wall":
        return Text(f"Se agotó el tiempo durante {during.es} (¿un bucle infinito o un cálculo muy lento?).",
                    f"Time ran out during {during.en} (an infinite loop or a very slow computation?).")
    if verdict == "idle":
        return Text(f"Tu código se detuvo sin calcular nada durante {during.es} (¿time.sleep o una espera que "
                    "nunca termina?).", f"Your code stopped computing during {during.en} (time.sleep, or a wait "
                    "that never ends?).")
    return Text(f"Se agotó el tiempo de CPU ({cpu_limit:g} s) durante {during.es} (¿un bucle infinito o un cálculo "
                "muy lento?).", f"The CPU time ({cpu_limit:g} s) ran out during {during.en} (an infinite loop or "
                "a very slow computation?).")


def _frames(error: dict) -> list[tuple[str, int, str]]:
    """The notebook frames of a worker's error report, outermost first; anything malformed is dropped."""
    frames = error.get("frames")
    return [(str(f[0])[:40], f[1], str(f[2])[:80]) for f in frames if isinstance(f, list) and len(f) == 3
            and isinstance(f[1], int)] if isinstance(frames, list) else []


def missing_name(error: dict) -> str | None:
    """The name a NameError says is not defined (what a broken or renamed cell leaves out), or None."""
    if str(error.get("type")) != "NameError":
        return None
    m = re.match(r"name '(\w+)' is not defined", str(error.get("message", "")))
    return m.group(1) if m else None


def from_error(error, fn: str, label: str | None, names: list[str], *, student_cells=None,
               aliases=None) -> SubmissionFault | FatalFault:
    """The fault for a worker's error reply to a call of ``fn`` (``label``: what feedback names it).

    ``names``: what the notebook defines, to suggest the name a student renamed a function to.
    ``student_cells``: the cells the student wrote (None: all); a line in any other cell means nothing to them.
    ``aliases``: a locked helper cell's functions (``corrector_entrenar``) by the student function each calls
    (``entrenar``): the student reads their own function's name, never the helper's.
    """
    if not isinstance(error, dict):
        error = {}
    kind = str(error.get("kind", ""))[:40]
    etype = str(error.get("type", "Error"))[:80]
    message = str(error.get("message", ""))[:500]
    name = str(label or fn)[:80]
    frames = _frames(error)
    mine = [f for f in frames if student_cells is None or f[0] in student_cells]
    helper = aliases is not None and name in aliases
    shown = (mine[0][2] if mine and not mine[0][2].startswith("<") else aliases[name]) if helper else name
    if kind == "missing":
        close = difflib.get_close_matches(fn, names, n=1, cutoff=0.5)
        hint = Text(f"¿Quizás la renombraste como {close[0]!r}? Usa exactamente el nombre del enunciado.",
                    f"Did you rename it to {close[0]!r}? Use exactly the name in the statement.") if close else None
        fault = FatalFault(Text(f"No encontré {shown!r} en tu notebook.", f"{shown!r} is not defined in your notebook."),
                           hint)
        fault.missing = fn
        return fault
    if kind == "bad_return":
        why = python_message(message)
        return FatalFault(Text(f"{shown}() devolvió un valor que no se puede revisar ({why.es}); "
                               "devuelve números, listas, tuplas o arreglos de NumPy.",
                               f"{shown}() returned a value that cannot be checked ({why.en}); "
                               "return numbers, lists, tuples or NumPy arrays."))
    if etype == "NotImplementedError":
        stub = mine[-1][2] if mine and not name.endswith("." + mine[-1][2]) else shown
        return FatalFault(Text(f"{stub}() todavía no está implementada (lanza NotImplementedError).",
                               f"{stub}() is not implemented yet (it raises NotImplementedError)."))
    where = Text("", "")
    if mine:
        cell, line = mine[-1][0], mine[-1][1]
        where = Text(f" (celda {cell}, línea {line})", f" (cell {cell}, line {line})")
    elif not frames and isinstance(error.get("line"), int):  # an older worker's report: no frames, one line
        cell, line = str(error.get("cell", "?"))[:40], error["line"]
        where = Text(f" (celda {cell}, línea {line})", f" (cell {cell}, line {line})")
    said = python_message(message, etype)
    fault = SubmissionFault(Text(f"{shown}() lanzó {etype}: {said.es}{where.es}.",
                                 f"{shown}() raised {etype}: {said.en}{where.en}."))
    fault.missing = missing_name(error)
    return fault
