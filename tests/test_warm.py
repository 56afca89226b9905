"""Warm workers (forked by the fork server) keep every isolation layer of a cold one, and share nothing."""

from __future__ import annotations

import os
import signal

import pytest

from dlgrader.material.notebook import Cell
from dlgrader.sandbox import warm
from dlgrader.sandbox.faults import SubmissionFault
from dlgrader.sandbox.isolation import _ro_paths
from dlgrader.sandbox.session import WorkerSession

PROBE = '''
import os, numpy as np
def info():
    status = open("/proc/self/status").read()
    cap = [ln.split()[1] for ln in status.splitlines() if ln.startswith("CapEff:")][0]
    return {"pid": os.getpid(), "uid": os.getuid(), "cap": cap, "tmp": sorted(os.listdir("/tmp")),
            "pids": sorted(int(p) for p in os.listdir("/proc") if p.isdigit()),
            "fds": sorted(int(f) for f in os.listdir("/proc/self/fd")), "rand": float(np.random.rand())}
def leave(name):
    open("/tmp/" + name, "w").write("secret")
    return True
def spawn():
    os.fork()
def kill(pid):
    os.kill(pid, 9)
'''


def _bound_under_tmp() -> list[str]:
    """/tmp holds only the read-only binds of Python or the engine that live there (a checkout in /tmp, as in CI)."""
    return sorted({p.relative_to("/tmp").parts[0] for p in _ro_paths() if p.is_relative_to("/tmp")})


def _session(sandbox) -> WorkerSession:
    s = WorkerSession(sandbox, hidden=[], preimport=["numpy"], memory_mb=512, call_timeout=20, load_timeout=20)
    s.start()
    assert s.load([Cell("probe", PROBE, True)])["errors"] == []
    return s


@pytest.fixture
def warm_sandbox(sandbox):
    if not sandbox.can_fork_workers:
        assert not os.environ.get("DLGRADER_REQUIRE_STRONG"), "CI's strong sandbox must fork warm workers"
        pytest.skip("no namespaces here: workers start cold (tested by the rest of the suite)")
    return sandbox


def test_a_warm_worker_is_confined_like_a_cold_one(warm_sandbox):
    with _session(warm_sandbox) as s:
        assert s.warm
        info = s.call("info", (), {})
        assert info["pid"] == 1 and info["pids"] == [1]  # its own pid namespace, alone in it
        assert int(info["cap"], 16) == 0  # no capability survives (the fork server keeps CAP_SYS_ADMIN)
        if warm_sandbox.drop_uid:
            assert info["uid"] == 65534
        assert info["tmp"] == _bound_under_tmp()
        assert len(info["fds"]) <= 6  # stdio on /dev/null, the two protocol pipes, the listing itself
        with pytest.raises(SubmissionFault, match="PermissionError"):
            s.call("spawn", (), {})  # seccomp is on


def test_warm_workers_share_no_tmp_no_pids_no_random_state(warm_sandbox):
    with _session(warm_sandbox) as a, _session(warm_sandbox) as b:
        assert a.call("leave", ("from_a",), {}) is True
        info_b = b.call("info", (), {})
        assert info_b["tmp"] == _bound_under_tmp()  # a's file is not in b's /tmp
        assert info_b["pids"] == [1]  # a is not even visible
        assert a.call("info", (), {})["rand"] != info_b["rand"]  # each worker reseeded after the fork
        with pytest.raises(SubmissionFault):
            b.call("kill", (2,), {})  # no other process in its namespace to signal
        with pytest.raises(SubmissionFault):
            b.call("kill", (-1,), {})  # "every process I may signal" (same uid as a): none it can see
        assert a.call("info", (), {})["tmp"] == sorted(_bound_under_tmp() + ["from_a"])


def test_the_fork_server_is_restarted_after_it_dies(warm_sandbox):
    with _session(warm_sandbox) as s:
        assert s.warm
    for server in list(warm._servers.values()):
        os.killpg(server.proc.pid, signal.SIGKILL)
        server.proc.wait()
    with _session(warm_sandbox) as s:
        assert s.warm and s.call("info", (), {})["pid"] == 1


def test_grading_goes_on_cold_when_the_fork_server_cannot_start(warm_sandbox, monkeypatch):
    warm.shutdown()
    monkeypatch.setattr(warm, "_disabled", False)  # restored afterwards: later tests keep warm workers

    def broken(*args, **kwargs):
        raise OSError("no fork server today")

    monkeypatch.setattr(warm, "ForkServer", broken)
    with _session(warm_sandbox) as s:
        assert not s.warm
        assert s.call("info", (), {})["tmp"] == _bound_under_tmp()
    assert warm._disabled  # not tried again for every worker
