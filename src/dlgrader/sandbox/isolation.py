"""The isolation layers a worker runs in, and the command that starts it inside them.

Layers, strongest first (DESIGN.md, "The trust boundary"): bubblewrap (own
mount, pid, net, ipc namespaces; only the Python install and the public engine
visible, read-only; tmpfs /tmp), a dedicated unprivileged uid (when the broker
runs as root), a seccomp filter, rlimits, and the broker's wall-clock limits.
Without bubblewrap, root can still use ``unshare --net`` plus the uid drop;
anything less is "weak": fine for a student's own laptop, refused for
instructor grading unless ``--allow-weak-sandbox``. Which layers this machine
actually gives is probed by :mod:`dlgrader.sandbox.probe`.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UnsafeSandbox
from ..text import Text

NOBODY = 65534
STRONG, MEDIUM, WEAK = "strong", "medium", "weak"
WORKER, FORK_SERVER = "dlgrader.sandbox.worker", "dlgrader.sandbox.zygote"  # run with python -m inside the sandbox
ENGINE = Path(__file__).resolve().parents[1]  # src/dlgrader: the worker sees the whole (public) engine


@dataclass(frozen=True)
class Layer:
    name: str
    active: bool
    detail: str


@dataclass(frozen=True)
class Sandbox:
    """How workers are started on this machine; built once by :func:`detect`."""

    mode: str  # "bwrap", "unshare" or "plain"
    drop_uid: bool
    seccomp: bool
    layers: tuple[Layer, ...] = field(default=())

    @property
    def level(self) -> str:
        if self.mode == "bwrap" and self.seccomp:
            return STRONG
        if self.mode in ("bwrap", "unshare"):
            return MEDIUM
        return WEAK

    def command(self, config: dict, hidden: list[Path], module: str = WORKER) -> list[str]:
        """The argv that starts ``python -m dlgrader.sandbox.worker`` (or the fork server, ``FORK_SERVER``) inside it."""
        config = dict(config, seccomp=self.seccomp)
        if self.drop_uid:
            config.update(uid=NOBODY, gid=NOBODY)
        forks = module == FORK_SERVER
        if forks:  # each forked worker re-binds these over its own fresh /tmp
            config.update(keep=[str(p) for p in _ro_paths() if p.is_relative_to("/tmp")])
        worker = [sys.executable, "-I", "-m", module, "--config", json.dumps(config)]
        if self.mode == "bwrap":
            return _bwrap_args(hidden, self.drop_uid, forks) + ["--"] + worker
        if self.mode == "unshare":
            return ["unshare", "--net", "--ipc", "--"] + worker
        return worker

    @property
    def can_fork_workers(self) -> bool:
        """A fork server needs namespaces to put each worker in (bubblewrap, or unshare as root)."""
        return self.mode in ("bwrap", "unshare") and os.environ.get("DLGRADER_WARM", "1") != "0"


def _ro_paths() -> list[Path]:
    """What the worker needs to see: the interpreter, its libraries and the public engine."""
    paths = {Path(sys.base_prefix), Path(sys.prefix), Path(sys.exec_prefix), ENGINE}
    for entry in sys.path:
        p = Path(entry)
        if entry and p.is_dir() and p.name in ("site-packages", "dist-packages"):
            paths.add(p)
    out: list[Path] = []
    for p in sorted({q.resolve() for q in paths}, key=lambda q: len(q.parts)):
        if not any(p.is_relative_to(o) for o in out):
            out.append(p)
    return out


def _bwrap_args(hidden: list[Path], as_root: bool, fork_server: bool = False) -> list[str]:
    args = ["bwrap", "--die-with-parent", "--new-session", "--unshare-ipc", "--unshare-pid", "--unshare-net",
            "--unshare-uts", "--unshare-cgroup-try", "--ro-bind", "/usr", "/usr"]
    for name in ("lib", "lib64", "lib32", "bin", "sbin"):
        p = Path("/") / name
        if p.is_symlink():
            args += ["--symlink", os.readlink(p), str(p)]
        elif p.is_dir():
            args += ["--ro-bind", str(p), str(p)]
    args += ["--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache"]
    # the private /tmp comes first: binds below it (a venv or checkout in /tmp) then land on top of it
    args += ["--perms", "1777", "--tmpfs", "/tmp"]
    made: set[Path] = {Path("/"), Path("/usr"), Path("/tmp")}
    for p in _ro_paths():
        if p.is_relative_to("/usr"):
            continue
        for h in hidden:
            if Path(h).resolve().is_relative_to(p):
                raise UnsafeSandbox(Text(
                    f"La carpeta oculta {h} está dentro de {p}, que el trabajador necesita ver; "
                    "instala Python o el entorno virtual fuera de la carpeta del curso.",
                    f"The hidden folder {h} is inside {p}, which the worker must see; "
                    "install Python or the virtual environment outside the course folder."))
        for parent in reversed(p.parents):
            if parent not in made:
                args += ["--perms", "0755", "--dir", str(parent)]
                made.add(parent)
        args += ["--ro-bind", str(p), str(p)]
        made.add(p)
    args += ["--dev", "/dev", "--proc", "/proc", "--chdir", "/tmp", "--clearenv",
             "--setenv", "HOME", "/tmp", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "MPLCONFIGDIR", "/tmp",
             "--setenv", "MPLBACKEND", "Agg", "--setenv", "LANG", "C.UTF-8"]
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        args += ["--setenv", var, "1"]
    for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        if var in os.environ:  # needed for correct results on some CPUs
            args += ["--setenv", var, os.environ[var]]
    if as_root:
        args += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    else:
        args += ["--unshare-user"]
    if fork_server:  # to give each forked worker its own namespaces; every worker drops it (worker.confine)
        args += ["--cap-add", "CAP_SYS_ADMIN"]
    return args


def require(sandbox: Sandbox, allow_weak: bool) -> None:
    """Instructor grading refuses weak isolation unless explicitly allowed."""
    if sandbox.level == WEAK and not allow_weak:
        raise UnsafeSandbox(Text(
            "Este equipo solo ofrece aislamiento débil (sin bubblewrap ni root); instala bubblewrap "
            "(apt-get install bubblewrap) o usa --allow-weak-sandbox si confías en las entregas.",
            "This machine only offers weak isolation (no bubblewrap, not root); install bubblewrap "
            "(apt-get install bubblewrap) or pass --allow-weak-sandbox if you trust the submissions."))
