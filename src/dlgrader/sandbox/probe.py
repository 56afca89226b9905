"""Which isolation this machine actually gives: each layer is tried, not looked up.

Kept apart from :mod:`.isolation` (what a layer is, and the command that starts a worker in it)
because trying a mode means starting a real worker through a session and the fork server,
which themselves start workers with :mod:`.isolation`.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import shutil
import sys
from dataclasses import dataclass

from . import seccomp, warm
from .faults import FatalFault, SubmissionFault
from .isolation import NOBODY, Layer, Sandbox
from .session import WorkerSession

PROBE = "import json, decimal, fractions, numpy\ndef probe():\n    return json.dumps([1])\n"


@dataclass(frozen=True)
class _Cell:
    """What ``WorkerSession.load`` reads of a notebook cell."""

    id: str
    source: str


def _probe(sandbox: Sandbox) -> tuple[bool, str]:
    """Start a real worker in this mode, load a cell that imports the standard library, and call it.

    Only a full round trip proves the mode works: a uid drop, for instance, can
    leave Python unable to read its own library (a Python installed under /root).
    """
    session = WorkerSession(sandbox, hidden=[], preimport=["numpy"], memory_mb=512, call_timeout=20, load_timeout=20)
    try:
        session.start()
        report = session.load([_Cell("probe", PROBE)])
        if report.get("errors"):
            err = report["errors"][0]
            return False, f"{err.get('type')}: {err.get('message')}"[:300]
        return session.call("probe", (), {}) == "[1]", "ok"
    except (SubmissionFault, FatalFault, OSError) as exc:
        return False, str(exc)[:300]
    finally:
        session.close()
        warm.shutdown(sandbox)  # the probe's own fork server is not the one grading will use


@functools.lru_cache(maxsize=1)
def detect() -> Sandbox:
    """Probe this machine once: which layers actually work, not which are installed."""
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    sec = sys.platform.startswith("linux") and seccomp.available()
    layers = []
    bwrap_ok, why = False, "bwrap not installed (Debian/Ubuntu: apt-get install bubblewrap)"
    if shutil.which("bwrap") and sys.platform.startswith("linux"):
        bwrap_ok, why = _probe(Sandbox("bwrap", is_root, sec))
        if bwrap_ok:
            why = "own mount, pid, net, ipc namespaces; read-only Python; tmpfs /tmp"
    layers.append(Layer("bubblewrap", bwrap_ok, why))
    unshare_ok = False
    if not bwrap_ok and is_root and shutil.which("unshare"):
        unshare_ok, why = _probe(Sandbox("unshare", True, sec))
        layers.append(Layer("unshare --net", unshare_ok, "no network" if unshare_ok else f"the worker failed: {why}"))
    drop = is_root and (bwrap_ok or unshare_ok)
    layers.append(Layer("unprivileged uid", drop, f"workers run as uid {NOBODY}" if drop else
                        "no sandbox could start Python as another uid (is Python installed in a private folder "
                        "such as /root?)" if is_root else
                        "broker is not root: workers keep the caller's uid (bubblewrap maps it to an unprivileged one)"))
    layers.append(Layer("seccomp", sec, "no fork, exec, sockets, ptrace, mount" if sec else
                        "libseccomp not available (apt-get install libseccomp2)"))
    has_resource = importlib.util.find_spec("resource") is not None
    layers.append(Layer("rlimits", has_resource, "address space, CPU, file size, open files, core, processes"))
    layers.append(Layer("wall-clock limits", True, "per call and per import, enforced by the broker"))
    mode = "bwrap" if bwrap_ok else "unshare" if unshare_ok else "plain"
    return Sandbox(mode, drop, sec, tuple(layers))
