"""What a grading process (or a Dask node) runs for one submission of an autograde run.

Kept apart from :mod:`.batch`, which writes the gradebook: a grading process imports
only what grading needs (not nbgrader, nbformat and jsonschema, whose objects every
garbage collection in the process would walk again; README, "Performance").
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import pickle
import signal
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..material.notebook import MAX_NOTEBOOK_BYTES
from ..material.paths import find_material
from ..sandbox import warm
from ..sandbox.budget import Budget
from ..sandbox.isolation import Sandbox, require
from ..sandbox import probe
from ..sandbox.parent import die_with_parent
from ..text import Text
from . import recordings, replay
from .runner import GRADING_LOCK
from .submission import grade_submission

# A Dask node: how often a grading task looks whether it was cancelled, and how long its fork servers stay idle.
CANCEL_POLL_SECONDS = 0.5
NODE_IDLE_SECONDS = 5.0
CANCELLED = Text("La corrección se detuvo: la ejecución de autograde fue cancelada.",
                 "Grading stopped: the autograde run was cancelled.")


@dataclass(frozen=True)
class Shipped:
    """A file sent with the task to a node that may not see the course folder (one over the size limit: its size)."""

    name: str
    data: bytes
    size: int

    @classmethod
    def read(cls, path: Path) -> "Shipped":
        size = path.stat().st_size
        if size > MAX_NOTEBOOK_BYTES:  # refused for its size alone: only the size travels
            return cls(path.name, b"", size)
        with open(path, "rb") as f:
            data = f.read(MAX_NOTEBOOK_BYTES + 1)
        return cls(path.name, data, max(len(data), size))

    def write(self, folder: Path) -> Path:
        folder.mkdir()
        path = folder / self.name
        with open(path, "wb") as f:
            f.write(self.data)
            f.truncate(self.size)  # an oversized file keeps its size (sparse), so its feedback is the same
        return path


@contextlib.contextmanager
def table_file(table: replay.Table | None) -> Iterator[str | None]:
    """The merged replay table in a private file, which each grading process reads once (``_install``).

    Sent with every task it would be pickled 40 times for a class of 40; as an initializer argument it
    would hold up each process's start.
    """
    if table is None:
        yield None
        return
    fd, path = tempfile.mkstemp(prefix="dlgrader-table-", suffix=".pickle")  # readable by this user only
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(table, f, protocol=pickle.HIGHEST_PROTOCOL)
        yield path
    finally:
        os.unlink(path)


def start_process(parent: int | None = None) -> None:
    """A local grading process's initializer: tied to autograde's life, then what every grading imports.

    ``parent``: autograde's pid. This process dies with it, even killed with SIGKILL (its fork server and
    worker follow: sandbox/parent.py); Ctrl+C in a terminal reaches the whole process group, and only
    autograde acts on it (it stops this process). Everything imported here lives as long as the process;
    frozen, the collector stops walking it on every full collection while submissions are graded.
    """
    if parent is not None:
        die_with_parent(parent)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("hypothesis", "dlgrader.grading.submission"):
        importlib.import_module(name)
    gc.collect()
    gc.freeze()


def record_share(root: str, assignment_id: str, sandbox: Sandbox, part: int, parts: int) -> replay.Table:
    """This process's share of the reference's recording (autograde merges the shares)."""
    material = find_material(root)
    return recordings.record_table(material.assignment(assignment_id), material, sandbox, part, parts)


_INSTALLED: set[str] = set()


def _install(table_path: str) -> None:
    """Read the merged table once per process (written by the autograde that started it)."""
    if table_path not in _INSTALLED:
        with open(table_path, "rb") as f:
            recordings.install_table(pickle.load(f))
        _INSTALLED.add(table_path)
        gc.freeze()  # it lives as long as the process, too


def grade_one(root: str, assignment_id: str, student: str, notebook: str | Shipped, release: str | Shipped,
              sandbox: Sandbox | None, allow_weak: bool = False, replays: bool = False,
              table_path: str | None = None) -> dict:
    """Grade one submission in a local grading process or on a Dask worker node.

    A remote node gets the files themselves and needs only the course material at ``root``; it probes its
    own sandbox and holds it to the caller's standard. ``table_path``: the replay table autograde recorded
    (without it, a process that replays records its own).
    """
    if table_path is not None:
        _install(table_path)
    if sandbox is None:
        sandbox = probe.detect()
        require(sandbox, allow_weak)
    material = find_material(root)
    assignment = material.assignment(assignment_id)
    with Budget(assignment.submission_budget) as budget, _stopped_if_cancelled(budget), GRADING_LOCK, \
            tempfile.TemporaryDirectory(prefix="dlgrader-") as tmp:
        if isinstance(notebook, Shipped):
            notebook, release = notebook.write(Path(tmp, "submitted")), release.write(Path(tmp, "release"))
        return grade_submission(material, assignment, notebook, sandbox=sandbox, student=student,
                                release=Path(release), replays=replays, budget=budget).to_record()


@contextlib.contextmanager
def _stopped_if_cancelled(budget: Budget) -> Iterator[None]:
    """On a Dask node, a cancelled task (autograde interrupted, or killed: its client is gone) stops grading at
    once, and the node's fork servers close once idle: a cancelled run leaves no sandbox behind on the nodes."""
    try:
        from distributed import get_worker

        node = get_worker()
        task = node.state.tasks[node.get_current_task()]
    except (ImportError, ValueError, KeyError):  # a local grading process: it dies with autograde instead
        yield
        return
    warm.close_when_idle(NODE_IDLE_SECONDS)
    done = threading.Event()

    def watch() -> None:
        while not done.wait(CANCEL_POLL_SECONDS):
            if task.state == "cancelled":
                budget.stop(CANCELLED)  # the wait in progress returns; the checks left fail at once
                return

    watcher = threading.Thread(target=watch, name="dlgrader-cancel-watch", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()
