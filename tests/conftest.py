"""Shared fixtures: the tiny fixture course, the machine's sandbox, and grading helpers."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from dlgrader.grading.runner import grade_program
from dlgrader.material.notebook import program_from_cells, read_cell_file
from dlgrader.material.paths import Material, find_material
from dlgrader.sandbox.probe import detect

HERE = Path(__file__).parent
REPO = HERE.parent
FIXTURE_ROOT = HERE / "fixture_course"
# Graders, mutants and alternatives are material the tests grade, not tests of their own.
collect_ignore = ["fixture_course", "alternatives"]
# Every run records the reference itself (test_table_cache.py turns the kept tables on in a folder of its own).
os.environ.setdefault("DLGRADER_CACHE_DIR", "")


@pytest.fixture(scope="session")
def sandbox():
    sb = detect()
    if os.environ.get("DLGRADER_REQUIRE_STRONG"):
        # .ci/run installs bubblewrap and runs as root: the strong mode must be what the tests exercise
        assert sb.level == "strong", [(layer.name, layer.active, layer.detail) for layer in sb.layers]
    return sb


@pytest.fixture(scope="session")
def fixture_material() -> Material:
    return find_material(FIXTURE_ROOT)


@pytest.fixture(scope="session")
def material() -> Material:
    return find_material(REPO)


def grade_cells(material: Material, assignment_id: str, cells: dict[str, str], sandbox, *, reference: bool = True):
    """Grade cell sources laid over the reference (or over the release stub when reference=False)."""
    assignment = material.assignment(assignment_id)
    base = read_cell_file(material.solution_path(assignment_id)) if reference else {}
    program = program_from_cells(base | cells, assignment.notebook_path)
    return grade_program(assignment, program, material=material, sandbox=sandbox)


@dataclass
class Demo:
    """What ``dlgrader demo`` of the whole course left: its exit code, what it printed, the course, and the
    reference recordings it made (another grading of the same classes reuses them)."""

    code: int
    text: str
    course: Path
    cache: Path


@pytest.fixture(scope="session")
def demo_course(tmp_path_factory) -> Demo:
    """The whole demo, run once per session through the CLI: the demo's tests, the report's and nbgrader's
    autograde comparison all read this one course (grading every class takes minutes)."""
    import io
    from contextlib import redirect_stdout

    from dlgrader.cli import main

    base = tmp_path_factory.mktemp("demo")
    saved = os.environ.get("DLGRADER_CACHE_DIR")
    os.environ["DLGRADER_CACHE_DIR"] = str(base / "replay")
    buf = io.StringIO()
    try:
        with redirect_stdout(buf):
            code = main(["--root", str(REPO), "demo", "--out", str(base / "curso")])
    finally:
        os.environ["DLGRADER_CACHE_DIR"] = "" if saved is None else saved
    return Demo(code, buf.getvalue(), base / "curso", base / "replay")


@pytest.fixture(scope="session")
def browser() -> str:
    """Debian's chromium, to load report pages as a reader would; .ci/run installs it and requires it."""
    import shutil

    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("DLGRADER_REQUIRE_BROWSER"):
            raise AssertionError("chromium is not installed (apt-get install chromium)")
        pytest.skip("chromium is not installed: the report pages are not loaded in a browser here")
    return path


class PostgresServer:
    """A throw-away PostgreSQL cluster on loopback (Debian's package), one fresh database per test."""

    def __init__(self, folder: Path):
        import glob
        import socket
        import subprocess

        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
        if not bins:
            raise FileNotFoundError("PostgreSQL is not installed (apt-get install postgresql)")
        self.bin = Path(bins[-1])
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.data = folder / "data"
        folder.chmod(0o777)
        self._as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []  # postgres refuses root
        run = lambda *cmd: subprocess.run([*self._as_owner, *map(str, cmd)], check=True, capture_output=True,  # noqa: E731
                                          timeout=120)
        run(self.bin / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        run(self.bin / "pg_ctl", "-D", self.data, "-l", folder / "server.log", "-w", "-o",
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {folder} -c fsync=off", "start")
        self._run = run
        self._n = 0

    def url(self, name: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def new_database(self, template: str | None = None) -> str:
        import psycopg

        self._n += 1
        name = f"gradebook_{self._n}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
        return self.url(name)

    def stop(self) -> None:
        self._run(self.bin / "pg_ctl", "-D", self.data, "-m", "immediate", "stop")


@pytest.fixture(scope="session")
def empty_gradebook(tmp_path_factory) -> Path:
    """An empty SQLite gradebook: nbgrader takes seconds to create one, so each course copies this one."""
    from dlgrader.course.gradebook import open_gradebook, sqlite_url

    path = tmp_path_factory.mktemp("empty_gradebook") / "gradebook.db"
    open_gradebook(sqlite_url(path)).close()
    return path


@pytest.fixture(scope="session")
def postgres():
    """The server, or a skip saying why; .ci/run installs PostgreSQL and requires it."""
    import shutil
    import subprocess
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="dlgrader-pg-"))  # pytest's tmp folders are closed to the postgres user
    try:
        server = PostgresServer(folder)
    except (FileNotFoundError, OSError, subprocess.CalledProcessError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        if os.environ.get("DLGRADER_REQUIRE_POSTGRES"):
            raise
        pytest.skip(f"no PostgreSQL here ({exc}): the gradebook is tested on SQLite only")
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def empty_postgres(postgres):
    """An empty nbgrader database on the test server, copied per test as a template (nbgrader's set-up takes seconds)."""
    from nbgrader.api import Gradebook

    url = postgres.new_database()
    Gradebook(url, "dlgrader").close()
    return postgres, url.rsplit("/", 1)[1]
