"""Recorded replay tables kept between autograde runs, readable by this user only.

Why: recording the reference (see replay.py) is a fixed cost of every run (README, "Performance"); a later
run of the same assignment (late submissions, a regrade) reuses it, and a run of a handful of submissions,
too few to pay for a recording, replays as well.

A table is reused only when everything it depends on is unchanged: the graders, checks, reference and
release (replay.fingerprint), and this environment (dlgrader's own code, Python, numpy, torch,
hypothesis). It holds the reference's outputs, so the folder must belong to this user and be closed to
others, or nothing is read from or written to it. ``DLGRADER_CACHE_DIR`` chooses the folder (empty:
no cache); the default is ``~/.cache/dlgrader/replay``. Deleting it is always safe.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path

from . import replay


def folder() -> Path | None:
    value = os.environ.get("DLGRADER_CACHE_DIR")
    if value == "":
        return None
    if value:
        return Path(value)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dlgrader" / "replay"


@functools.cache
def _environment() -> str:
    """dlgrader's code and the versions a recording's bytes depend on."""
    h = hashlib.sha256(sys.version.encode())
    for name in ("numpy", "torch", "hypothesis"):
        try:
            h.update(f"\0{name}={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            pass
    engine = Path(__file__).resolve().parents[1]  # src/dlgrader, every subpackage
    for path in sorted(engine.rglob("*.py")):
        h.update(b"\0" + path.relative_to(engine).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _path(assignment_id: str, key: str) -> Path | None:
    base = folder()
    if base is None:
        return None
    digest = hashlib.sha256(f"{key}\0{_environment()}".encode()).hexdigest()[:32]
    return base / f"{assignment_id}-{digest}.pickle"


def _private(path: Path) -> bool:
    """Owned by this user and writable by no one else (a table is unpickled: it must be ours)."""
    st = path.stat()
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def load(assignment_id: str, key: str) -> replay.Table | None:
    """The table recorded for this key in an earlier run, or None."""
    try:
        path = _path(assignment_id, key)
        if path is None or not (_private(path.parent) and _private(path)):
            return None
        with open(path, "rb") as f:
            table = pickle.load(f)
    except Exception:  # noqa: BLE001 - none yet, unreadable, or from another version: recorded again, and replaced
        return None
    return table if isinstance(table, replay.Table) and table.key == key else None


def save(assignment_id: str, table: replay.Table) -> None:
    """Keep the table for later runs; older tables of the assignment go (a grader changed, or dlgrader did)."""
    try:
        path = _path(assignment_id, table.key)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not _private(path.parent):
            return
        for old in path.parent.glob(f"{assignment_id}-*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".table-")  # 0600
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(table, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            Path(tmp).unlink(missing_ok=True)
    except (OSError, RuntimeError):  # RuntimeError: no home folder to put it in
        return  # a cache that cannot be written costs a recording next time, nothing else
