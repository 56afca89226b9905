"""What a grader imports: the check marker, failure messages, value validation and closeness.

A grader is ordinary pytest code. It receives a ``student`` fixture whose
attributes are remote functions (running in the sandboxed worker) and, for hidden
graders, a ``reference`` fixture (the trusted reference module)::

    @check("escalon_curso")
    def test_escalon_curso(student):
        got = as_array(student.escalon(np.array([-1.5, 0.5])), "escalon(z)", shape=(2,))
        assert_equal(got, [0, 1], es="...", en="...")

Every failure a student can cause is a :class:`CheckFailed` carrying a Spanish
and an English sentence; the runner turns it into feedback.
"""

from __future__ import annotations

import functools
from typing import Any, Iterable

import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, settings

from ..text import Text

MAX_SHOWN = 300


class CheckFailed(AssertionError):
    """The student's value is wrong; the message says what was expected, in words."""

    def __init__(self, text: Text, hint: Text | None = None):
        super().__init__(text.es)
        self.text = text
        self.hint = hint


def check(check_id: str):
    """Mark a test as the implementation of manifest check ``check_id``."""
    return pytest.mark.dlgrader_check(check_id)


# Every phase but "explain": after shrinking, it re-runs the failing case with each part varied to mark the
# parts that do not matter. Feedback shows the counterexample without those marks, and on a submission that
# fails everywhere the phase was most of the grading time (README, "Performance").
PHASES = (Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink)


def grader_settings(**overrides) -> settings:
    """Hypothesis settings every grader must use: the same submission always gets the same score."""
    base = dict(derandomize=True, database=None, deadline=None, report_multiple_bugs=False,
                print_blob=True, max_examples=60, suppress_health_check=list(HealthCheck), phases=PHASES)
    base.update(overrides)
    return settings(**base)


def fail(es: str, en: str, hint_es: str | None = None, hint_en: str | None = None):
    """Fail the check with a sentence, and optionally a hint, in both languages (a hint in one is a grader bug)."""
    if bool(hint_es) != bool(hint_en):
        raise ValueError(f"a hint needs both languages: hint_es={hint_es!r}, hint_en={hint_en!r}")
    raise CheckFailed(Text(es, en), Text(hint_es, hint_en) if hint_es else None)


def expect(condition: Any, es: str, en: str, hint_es: str | None = None, hint_en: str | None = None) -> None:
    if condition is not True and not (isinstance(condition, np.bool_) and bool(condition)):
        fail(es, en, hint_es, hint_en)


def show(value: Any) -> str:
    """A short, readable rendering of a value for feedback (nested lists, floats to 4 decimals).

    Graders build their sentences before they know whether a check fails, so this runs for every
    generated example: small arrays take a fast path instead of array2string (README, "Performance").
    """
    if isinstance(value, np.ndarray):
        if value.size <= 40 and value.dtype.kind in "biu":
            text = repr(value.tolist())
        elif value.size <= 40 and value.dtype.kind == "f":
            text = repr(np.round(value.astype(np.float64), 4).tolist())
        else:
            text = np.array2string(value, precision=4, separator=", ", threshold=40)
    else:
        text = repr(value)
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + " …"


def one_line(value: Any, precision: int = 10) -> str:
    """A value for feedback on one line, with enough digits to tell two close results (gradients) apart."""
    if isinstance(value, np.ndarray):
        text = np.array2string(value, precision=precision, separator=", ", threshold=40, max_line_width=10**6)
        text = " ".join(text.split())  # one line: rows of a matrix follow each other
    elif isinstance(value, (np.floating, np.integer)):
        text = repr(value.item())
    else:
        text = repr(value)
    return text if len(text) <= 400 else text[:400] + " …"


def single_threaded(oracle):
    """Run a PyTorch oracle on one thread: on a grader's tiny tensors the thread pool costs ~3 ms a call.

    The broker's thread setting is restored afterwards, so other graders see it unchanged.
    """
    @functools.wraps(oracle)
    def run(*args, **kwargs):
        import torch

        before = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            return oracle(*args, **kwargs)
        finally:
            torch.set_num_threads(before)
    return run


def _kind_name(kind: str) -> Text:
    return {"f": Text("números reales", "real numbers"), "i": Text("enteros", "integers"),
            "b": Text("booleanos", "booleans"), "n": Text("números", "numbers")}[kind]


def as_array(value: Any, what: str, *, shape: tuple[int, ...] | None = None, kind: str = "n",
             finite: bool = True) -> np.ndarray:
    """Validate a returned array-like and give it back as float64.

    ``kind``: "n" any numeric, "f" floating, "i" integer or bool, "b" boolean.
    Lists and scalars of numbers are accepted and converted (students often return them).
    """
    if isinstance(value, (list, tuple, int, float, bool)) and not isinstance(value, np.ndarray):
        try:
            value = np.asarray(value)
        except (ValueError, TypeError):
            value = None
    if not isinstance(value, np.ndarray) or value.dtype.kind not in "biuf":
        fail(f"{what} debe devolver un arreglo de NumPy de números; devolvió {type(value).__name__}.",
             f"{what} must return a NumPy array of numbers; it returned {type(value).__name__}.")
    if shape is not None and tuple(value.shape) != tuple(shape):
        fail(f"{what} devolvió forma {tuple(value.shape)}; se esperaba {tuple(shape)}.",
             f"{what} returned shape {tuple(value.shape)}; expected {tuple(shape)}.")
    allowed = {"n": "biuf", "f": "f", "i": "biu", "b": "b"}[kind]
    if value.dtype.kind not in allowed:
        k = _kind_name(kind)
        fail(f"{what} devolvió dtype {value.dtype}; se esperaban {k.es}.",
             f"{what} returned dtype {value.dtype}; expected {k.en}.")
    out = value.astype(np.float64)
    if finite and not np.all(np.isfinite(out)):
        fail(f"{what} devolvió valores no finitos (nan o inf).", f"{what} returned non-finite values (nan or inf).")
    return out


def as_number(value: Any, what: str, *, integer: bool = False) -> float:
    """Validate a returned scalar (Python or 0-d NumPy) and give it back as float."""
    if isinstance(value, np.ndarray) and value.shape == () and value.dtype.kind in "biuf":
        value = value.item()
    ok = type(value) in (int, float, bool)
    if not ok:
        fail(f"{what} debe devolver un número; devolvió {type(value).__name__}.",
             f"{what} must return a number; it returned {type(value).__name__}.")
    if integer and float(value) != int(value):
        fail(f"{what} debe devolver un entero; devolvió {value!r}.", f"{what} must return an integer; it returned {value!r}.")
    if not np.isfinite(float(value)):
        fail(f"{what} devolvió un valor no finito ({value!r}).", f"{what} returned a non-finite value ({value!r}).")
    return float(value)


def assert_close(got: Any, expected: Any, *, es: str, en: str, rtol: float = 1e-7, atol: float = 1e-9) -> None:
    """Fail with the given sentence unless ``got`` matches ``expected`` within explicit tolerances."""
    g = np.asarray(got, dtype=np.float64)
    e = np.asarray(expected, dtype=np.float64)
    if g.shape != e.shape or not np.allclose(g, e, rtol=rtol, atol=atol, equal_nan=False):
        fail(es, en)


def assert_equal(got: Any, expected: Iterable, *, es: str, en: str) -> None:
    """Exact comparison for discrete outputs (0/1 predictions, counts)."""
    g = np.asarray(got, dtype=np.float64)
    e = np.asarray(expected, dtype=np.float64)
    if g.shape != e.shape or not np.array_equal(g, e):
        fail(es, en)
