"""The calls a check made to the student's code, written as the student would type them.

Hypothesis reports its smallest failing input as the check's own arguments (``case=(array([0.125, -1.]),)``),
which are not what the student calls. The ``student`` proxy logs each call of the example being run (the
plugin clears the log when an example starts), so after hypothesis' last run of its smallest failing
example the log holds the calls that failed, and feedback shows them as code:
``escalon(np.array([0.125, -1.0]))``, or for an object ``adam = Adam(...)`` then ``adam.paso(...)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

MAX_CALLS = 8  # shown in full; past it, the first ones, a count and the last one
MAX_CHARS = 1500
MAX_ELEMENTS = 60  # an array this size or smaller is written out whole


@dataclass
class Call:
    name: str  # the function, the class, or (with ``target``) the method
    args: tuple
    kwargs: dict
    target: int | None = None  # the handle of the object a method is called on
    made: int | None = None  # the handle of the object a class call returned


@dataclass
class CallLog:
    calls: list[Call] = field(default_factory=list)

    def clear(self) -> None:
        self.calls.clear()

    def add(self, call: Call) -> Call:
        if len(self.calls) < 1000:  # a check that calls in a long loop: the first ones are enough to show
            self.calls.append(call)
        return call


def _number(x: float) -> str:
    text = repr(float(x))
    return {"inf": "np.inf", "-inf": "-np.inf", "nan": "np.nan"}.get(text, text)


def _array(a: np.ndarray) -> str:
    dtype = "" if a.dtype.kind == "b" or a.dtype in (np.float64, np.int64) else f", dtype=np.{a.dtype.name}"
    if a.size <= MAX_ELEMENTS and a.dtype.kind in "biuf":
        body = _plain(a.tolist())
    else:
        body = np.array2string(a, separator=", ", threshold=MAX_ELEMENTS, edgeitems=2, max_line_width=10**6)
        body = " ".join(body.split())
    return f"np.array({body}{dtype})"


def _plain(value: Any, names: dict | None = None) -> str:
    """A value as Python source: arrays through NumPy, floats by their shortest exact digits, objects by name."""
    names = names or {}
    handle = getattr(getattr(value, "_handle", None), "id", None)
    if handle is not None:
        return names.get(handle, "obj")
    if isinstance(value, np.ndarray):
        return _array(value)
    if isinstance(value, (bool, np.bool_)):
        return repr(bool(value))
    if isinstance(value, (float, np.floating)):
        return _number(value)
    if isinstance(value, (int, np.integer)):
        return repr(int(value))
    if isinstance(value, list):
        return "[" + ", ".join(_plain(v, names) for v in value) + "]"
    if isinstance(value, tuple):
        inner = ", ".join(_plain(v, names) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_plain(k, names)}: {_plain(v, names)}" for k, v in value.items()) + "}"
    return repr(value)


def _variable(type_name: str, taken: set[str]) -> str:
    """``Adam`` -> ``adam``, ``ParadaTemprana`` -> ``parada_temprana``, ``RMSProp`` -> ``rmsprop``; a second one
    gets a number."""
    base = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", type_name).lower() or "obj"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}{n}", n + 1
    taken.add(name)
    return name


def _line(call: Call, names: dict[int, str], taken: set[str]) -> str:
    parts = [_plain(a, names) for a in call.args] + [f"{k}={_plain(v, names)}" for k, v in call.kwargs.items()]
    if call.target is not None:
        code = f"{names.get(call.target, 'obj')}.{call.name.rsplit('.', 1)[-1]}({', '.join(parts)})"
    else:
        code = f"{call.name}({', '.join(parts)})"
    if call.made is not None:
        names[call.made] = _variable(call.name, taken)
        code = f"{names[call.made]} = {code}"
    return code if len(code) <= MAX_CHARS else code[:MAX_CHARS] + " …"


def as_code(calls: list[Call]) -> str | None:
    """The calls as lines of code (None when there are none); a long sequence keeps its first and last calls."""
    if not calls:
        return None
    names: dict[int, str] = {}
    taken: set[str] = set()
    lines = [_line(c, names, taken) for c in calls]
    if len(lines) > MAX_CALLS:
        lines = lines[:MAX_CALLS - 2] + [f"# … (+{len(lines) - MAX_CALLS + 1})", lines[-1]]
    text = "\n".join(lines)
    return text if len(text) <= 2 * MAX_CHARS else text[:2 * MAX_CHARS] + " …"
