"""What a student reads about a failed check: the sentence, the hint and the smallest failing input.

Whatever a check raised (a grader's :class:`CheckFailed`, a worker's fault, anything else) becomes a
bilingual sentence here, and hypothesis' falsifying example is cut down to the arguments the student's
function saw. Never grader source, never the reference's values beyond that one counterexample.
"""

from __future__ import annotations

import re

from ..sandbox.faults import FatalFault, SubmissionFault
from ..sandbox.python_messages import python_message
from ..text import Text
from .checks import CheckFailed

_NOTE = re.compile(r"^\s*(student|reference)=.*,\s*$")
_COMMENT = re.compile(r",?\s+# or any other generated value\s*$")  # hypothesis's aside, in English
_DRAWS = re.compile(r",?\s*data=data\(\.\.\.\)")  # interactive draws: hypothesis shows nothing of them here


def counterexample(exc: BaseException) -> str | None:
    """The falsifying example hypothesis found, without the fixtures."""
    for note in getattr(exc, "__notes__", []) or []:
        if note.startswith(("Falsifying example", "Failing test case")):
            lines = [_COMMENT.sub(",", ln) for ln in note.splitlines()[1:]]
            lines = [ln for ln in lines if not _NOTE.match(ln) and ln.strip() not in (")", "", ",")]
            text = _DRAWS.sub("", " ".join(ln.strip() for ln in lines)).strip(" ,")
            return text[:400] + (" …" if len(text) > 400 else "") if text else None
    return None


def _find(exc: BaseException | None, kinds: tuple) -> BaseException | None:
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, kinds):
            return exc
        if isinstance(exc, BaseExceptionGroup):
            for sub in exc.exceptions:
                found = _find(sub, kinds)
                if found:
                    return found
        exc = exc.__cause__ or exc.__context__
    return None


def explain(exc: BaseException) -> tuple[Text, Text | None]:
    """Turn whatever a check raised into a bilingual sentence and an optional hint."""
    found = _find(exc, (CheckFailed, SubmissionFault, FatalFault))
    if found is not None:
        return found.text, found.hint
    name = type(exc).__name__
    return (Text(f"El valor devuelto no tiene la forma o el tipo esperado ({name}).",
                 f"The returned value does not have the expected shape or type ({name})."), None)


def missing_of(exc: BaseException) -> str | None:
    """The name whose absence made a call fail (a renamed function, a cell that did not run), if that is why."""
    found = _find(exc, (SubmissionFault, FatalFault))
    return getattr(found, "missing", None)


def _excerpt(source: str | None, line, offset=None, end=None) -> str:
    """The cell's line ``line``, and a caret under columns ``offset``..``end`` (1-based), indented under a sentence."""
    lines = (source or "").splitlines()
    if not isinstance(line, int) or not 1 <= line <= len(lines):
        return ""
    text = lines[line - 1].rstrip()
    if len(text) > 150:
        return ""
    out = "\n    " + text
    if isinstance(offset, int) and 1 <= offset <= len(text) + 1:
        stop = end if isinstance(end, int) and offset < end <= len(text) + 1 else offset + 1
        out += "\n    " + "".join("\t" if c == "\t" else " " for c in text[:offset - 1]) + "^" * (stop - offset)
    return out


def load_problem(err: dict, source: str | None = None) -> Text:
    """A cell that failed while the notebook loaded (``err``: the worker's report), as one sentence with the
    line below it (``source``: the cell as the worker ran it), a caret where Python stopped reading."""
    cell = str(err.get("cell", "?"))[:60]
    etype = str(err.get("type", "Error"))[:60]
    said = python_message(str(err.get("message", ""))[:300], etype)
    line = err.get("line")
    at_es = f", línea {line}" if isinstance(line, int) else ""
    at_en = f", line {line}" if isinstance(line, int) else ""
    if etype == "SyntaxError":
        excerpt = _excerpt(source, line, err.get("offset"), err.get("end_offset"))
        return Text(f"Error de sintaxis en la celda {cell}{at_es}: {said.es}.{excerpt}",
                    f"Syntax error in cell {cell}{at_en}: {said.en}.{excerpt}")
    excerpt = _excerpt(source, line)
    return Text(f"La celda {cell} lanzó {etype} al ejecutarse{at_es}: {said.es}.{excerpt}",
                f"Cell {cell} raised {etype} when run{at_en}: {said.en}.{excerpt}")
