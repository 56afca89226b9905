"""The ``student`` object graders see: attribute access becomes a remote call into the worker.

``student.neurona(x, w, b)`` encodes the arguments, runs the student's function
in the sandbox and returns the decoded value. ``student.neurona.with_inputs(...)``
also returns the arguments as they were after the call, to catch mutation;
``student.neurona.overwriting_arguments(...)`` fills the arguments' float arrays with nan right after the
call, to catch a returned or kept object that is the caller's own.
Calling a student class returns a :class:`RemoteObject` whose methods are remote too.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from ..sandbox.codec import Handle
from ..sandbox.session import WorkerSession
from .calls import Call, CallLog


SessionOf = Callable[[str | None], WorkerSession]  # the session to call a function (its label) on


def _wrap(session_of: SessionOf, value, log: CallLog | None = None, call: Call | None = None):
    if isinstance(value, Handle):
        if call is not None:
            call.made = value.id
        return RemoteObject(session_of, value, log)
    return value


def _kept(value):
    """Arguments as they were when passed: a grader may reuse its arrays after the call."""
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, list):
        return [_kept(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_kept(v) for v in value)
    if isinstance(value, dict):
        return {k: _kept(v) for k, v in value.items()}
    return value


class RemoteFunction:
    def __init__(self, session_of: SessionOf, name: str, handle: int | None = None, label: str | None = None,
                 log: CallLog | None = None):
        self._session_of = session_of
        self._name = name
        self._handle = handle
        self._label = label or name  # "Adam.step" for a method: what feedback and time-outs name
        self._log = log  # each call is logged, for feedback to show the failing ones as code (calls.py)

    def _logged(self, args, kwargs) -> Call | None:
        if self._log is None:
            return None
        return self._log.add(Call(self._label, _kept(args), _kept(kwargs), self._handle))

    def __call__(self, *args, **kwargs):
        call = self._logged(args, kwargs)
        return _wrap(self._session_of, self._session_of(self._label).call(self._name, args, kwargs,
                                                                          handle=self._handle, label=self._label),
                     self._log, call)

    def with_inputs(self, *args, **kwargs):
        """Call, and return ``(value, args_after, kwargs_after)``."""
        call = self._logged(args, kwargs)
        out = self._session_of(self._label).call(self._name, args, kwargs, inputs=True, handle=self._handle,
                                                 label=self._label)
        return _wrap(self._session_of, out["value"], self._log, call), tuple(out["args"]), out["kwargs"]

    def overwriting_arguments(self, *args, **kwargs):
        """Call; right after it, the worker fills every float array among the arguments with nan, in place."""
        call = self._logged(args, kwargs)
        return _wrap(self._session_of, self._session_of(self._label).call(
            self._name, args, kwargs, handle=self._handle, label=self._label, overwrite=True), self._log, call)

    def __repr__(self) -> str:
        return f"student.{self._label}"


class RemoteObject:
    """An object living in the worker (an optimizer, a monitor), reached by handle."""

    def __init__(self, session_of: SessionOf, handle: Handle, log: CallLog | None = None):
        self._session_of = session_of
        self._handle = handle
        self._log = log

    def method(self, name: str) -> RemoteFunction:
        return RemoteFunction(self._session_of, name, self._handle.id, f"{self._handle.type_name}.{name}", self._log)

    def attr(self, name: str):
        return _wrap(self._session_of, self._session_of(None).getattr(self._handle.id, name), self._log)

    def __getattr__(self, name: str) -> RemoteFunction:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.method(name)

    def __repr__(self) -> str:
        return f"<student {self._handle.type_name}>"


class Student:
    """The proxy handed to graders; the worker session is fetched for each call (a dead worker is restarted then)."""

    def __init__(self, begin_check: Callable[[], SessionOf], log: CallLog | None = None):
        self._current = begin_check()  # readies the worker for this check
        self._log = log

    def __getattr__(self, name: str) -> RemoteFunction:
        if name.startswith("_"):
            raise AttributeError(name)
        return RemoteFunction(self._current, name, log=self._log)

    def __repr__(self) -> str:
        return "student"
