"""Every process dlgrader starts dies with the process that started it, however that one ends.

A ``dlgrader autograde`` killed with SIGKILL runs no clean-up: without this, its grading processes,
their fork servers and workers would be re-parented to init and live on. Linux delivers a signal
to a process when its parent dies (``PR_SET_PDEATHSIG``); elsewhere a daemon thread watches the
parent's pid. Which processes call it: a grading process (grading/task.py), the fork server and
every worker (cold or forked; bubblewrap's ``--die-with-parent`` covers the layer above them).
"""

from __future__ import annotations

import os
import signal
import sys
import threading

PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 0.5


def die_with_parent(parent: int | None = None) -> None:
    """Be killed when the parent dies; ``parent``: its pid, if known (one already gone ends this process now).

    The kernel forgets the request when the process changes uid: call it after any uid change.
    """
    parent = os.getppid() if parent is None else parent
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG)")
    else:
        threading.Thread(target=_watch, args=(parent,), name="dlgrader-parent-watch", daemon=True).start()
    if os.getppid() != parent:  # it died before the request was in place
        os._exit(1)


def _watch(parent: int) -> None:
    event = threading.Event()
    while os.getppid() == parent:
        event.wait(WATCH_SECONDS)
    os._exit(1)
