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

from ..sandbox.codec import Handle
from ..sandbox.session import WorkerSession


SessionOf = Callable[[str | None], WorkerSession]  # the session to call a function (its label) on


def _wrap(session_of: SessionOf, value):
    return RemoteObject(session_of, value) if isinstance(value, Handle) else value


class RemoteFunction:
    def __init__(self, session_of: SessionOf, name: str, handle: int | None = None, label: str | None = None):
        self._session_of = session_of
        self._name = name
        self._handle = handle
        self._label = label or name  # "Adam.step" for a method: what feedback and time-outs name

    def __call__(self, *args, **kwargs):
        return _wrap(self._session_of, self._session_of(self._label).call(self._name, args, kwargs,
                                                                          handle=self._handle, label=self._label))

    def with_inputs(self, *args, **kwargs):
        """Call, and return ``(value, args_after, kwargs_after)``."""
        out = self._session_of(self._label).call(self._name, args, kwargs, inputs=True, handle=self._handle,
                                                 label=self._label)
        return _wrap(self._session_of, out["value"]), tuple(out["args"]), out["kwargs"]

    def overwriting_arguments(self, *args, **kwargs):
        """Call; right after it, the worker fills every float array among the arguments with nan, in place."""
        return _wrap(self._session_of, self._session_of().call(self._name, args, kwargs, handle=self._handle,
                                                               label=self._label, overwrite=True))

    def __repr__(self) -> str:
        return f"student.{self._label}"


class RemoteObject:
    """An object living in the worker (an optimizer, a monitor), reached by handle."""

    def __init__(self, session_of: SessionOf, handle: Handle):
        self._session_of = session_of
        self._handle = handle

    def method(self, name: str) -> RemoteFunction:
        return RemoteFunction(self._session_of, name, self._handle.id, f"{self._handle.type_name}.{name}")

    def attr(self, name: str):
        return _wrap(self._session_of, self._session_of(None).getattr(self._handle.id, name))

    def __getattr__(self, name: str) -> RemoteFunction:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.method(name)

    def __repr__(self) -> str:
        return f"<student {self._handle.type_name}>"


class Student:
    """The proxy handed to graders; the worker session is fetched for each call (a dead worker is restarted then)."""

    def __init__(self, begin_check: Callable[[], SessionOf]):
        self._current = begin_check()  # readies the worker for this check

    def __getattr__(self, name: str) -> RemoteFunction:
        if name.startswith("_"):
            raise AttributeError(name)
        return RemoteFunction(self._current, name)

    def __repr__(self) -> str:
        return "student"
