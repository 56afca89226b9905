"""The broker's side of a callback (sandbox/stubs.py is the worker's): a stub's frame, arriving where a reply
was owed, is answered and the reply is owed again.

Why a mixin of :class:`.session.WorkerSession`: it is one idea (bind names, answer their frames within the
call's deadline) that uses the session's own pipe and faults; kept apart, the session stays readable at once.
"""

from __future__ import annotations

import time

from ..text import Text
from .faults import stuck

CALLBACK = b'{"callback":'  # how a stub's frame begins (sandbox/stubs.py); a reply begins {"id":


class StubReplies:
    callbacks = None  # what answers the bound names (grading/callbacks.py), or None: nothing is bound

    def bind(self, names: list[str], callbacks) -> None:
        """Make ``names`` stubs in the worker, answered by ``callbacks`` (``.answer(frame, deadline) -> bytes``).

        While bound, play() sends one request at a time: a stub reads its answer from the same pipe.
        """
        self.request({"op": "bind", "names": list(names)}, self.call_timeout,
                     Text("el inicio de la verificación", "the start of the check"))
        self.callbacks = callbacks

    def _reply_frame(self, deadline: float, during: Text, cpu_limit: float | None = None) -> bytes:
        """The next reply frame, each stub's frame before it answered on the way (within the same deadline)."""
        while True:
            frame = self._receive_frame(deadline, during, cpu_limit)
            if self.callbacks is None or not frame.startswith(CALLBACK):
                return frame
            if time.monotonic() >= deadline:  # stubs called back to back must not outlast the call
                self._die(stuck("wall", during), "time")
            try:
                self._send(self.callbacks.answer(frame, deadline))  # the reply is owed again
            except BaseException:
                self._die_quietly()  # the worker waits on an answer it will never get
                raise
