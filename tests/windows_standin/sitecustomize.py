"""A stand-in for Windows in the tests: what the student's path must do without is taken out of Python.

Put on PYTHONPATH (or in a venv's site-packages) it runs at every interpreter's start-up, before any
of dlgrader's code: no fork, no process groups, no poll, no fcntl, no resource, as on Windows.
"""

import os
import select
import sys

for _name in ("fork", "forkpty", "register_at_fork", "killpg", "getpgid", "setpgid", "setsid", "wait3", "wait4"):
    if hasattr(os, _name):
        delattr(os, _name)
if hasattr(select, "poll"):
    del select.poll
sys.modules["fcntl"] = None  # import fcntl -> ImportError
sys.modules["resource"] = None
