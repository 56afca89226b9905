"""Install like students do: the release's wheel in a fresh venv of Python 3.12 and 3.13, no course folder around.

The issue's "done when": with fork, poll, killpg, fcntl and resource taken out of the kernel's interpreter
(tests/windows_standin/sitecustomize.py, installed in the venv) and no bubblewrap on PATH, the 01 notebook's
cells, run by nbclient in a copy named ``01_perceptron-Copy1.ipynb`` alone in a folder, with the kernel's
environment carrying ``JPY_SESSION_NAME`` as Jupyter Server sets it, end in a check cell that prints 7/7 and
names that file; ``dlgrader check 01_perceptron --lang en`` works there too.

Each venv is made once per test session (both at once: pip mostly waits on the network), from one wheel,
without torch. A Python that is not installed here is skipped, and the skip says which and where it looked.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO
from dlgrader import api
from test_portable import STANDIN, probing_notebook
from test_student_check import code_cells, run_in_kernel

VERSIONS = ("3.12", "3.13")
AID = "01_perceptron"
INSTALL_SECONDS = 600


def interpreter(version: str) -> str | None:
    """A Python ``version`` that runs: in pyenv's versions (this machine keeps them there), or on PATH."""
    root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    found = sorted(glob.glob(f"{root}/versions/{version}.*/bin/python{version}")) + [shutil.which(f"python{version}")]
    for path in filter(None, found):
        said = subprocess.run([path, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"], capture_output=True,
                              text=True, timeout=60)  # a pyenv shim for a version not selected fails here
        if said.returncode == 0 and said.stdout.strip() == version:
            return path
    return None


@pytest.fixture(scope="session")
def student_wheel(tmp_path_factory) -> Path:
    bundle = api.release(tmp_path_factory.mktemp("release") / "bundle", root=REPO)
    (wheel,) = bundle.glob("*.whl")
    return wheel


@pytest.fixture(scope="session")
def student_venvs(student_wheel, tmp_path_factory) -> dict[str, Path | str]:
    """Version -> a venv with the wheel (and ipykernel, for Jupyter) installed as a student would, and the
    Windows stand-in in its site-packages; or the reason there is none."""
    made: dict[str, Path | str] = {}
    installs = []
    for version in VERSIONS:
        python = interpreter(version)
        if python is None:
            made[version] = (f"Python {version} is not installed here (no python{version} on PATH or in "
                             "~/.pyenv/versions): the wheel is not tried under it")
            continue
        venv = tmp_path_factory.mktemp(f"py{version}") / "venv"
        subprocess.run([python, "-m", "venv", str(venv)], check=True, timeout=120)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-compile", str(student_wheel),
               "ipykernel"]
        installs.append((version, venv, subprocess.Popen(pip, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                                          text=True)))
    for version, venv, proc in installs:
        out, _ = proc.communicate(timeout=INSTALL_SECONDS)
        assert proc.returncode == 0, f"pip install under Python {version}:\n{out[-3000:]}"
        (site,) = (venv / "lib").glob("python3.*/site-packages")
        shutil.copyfile(STANDIN / "sitecustomize.py", site / "sitecustomize.py")
        made[version] = venv
    return made


@pytest.fixture(params=VERSIONS)
def student_venv(request, student_venvs) -> Path:
    venv = student_venvs[request.param]
    if isinstance(venv, str):
        pytest.skip(venv)
    return venv


def _kernel(venv: Path, tmp_path: Path, monkeypatch) -> None:
    """A kernel spec for the venv's Python, found through JUPYTER_PATH (nbclient asks for it by name)."""
    spec = tmp_path / "jupyter" / "kernels" / "student"
    spec.mkdir(parents=True)
    argv = [str(venv / "bin" / "python"), "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "student", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))


def _environment(venv: Path) -> dict:
    """The student's: their venv's commands on PATH and nothing else (no bwrap), no course, no nbgrader."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NBGRADER_", "DLGRADER_", "JPY_", "PYTHON"))}
    return env | {"PATH": str(venv / "bin")}


def test_the_check_cell_of_a_copy_alone_in_a_folder_gives_7_of_7_and_names_it(student_venv, tmp_path, monkeypatch):
    folder = tmp_path / "descargas"
    folder.mkdir()
    copy = probing_notebook(folder)  # its escalon cell asserts, in the kernel and in the worker, the stand-in holds
    shutil.copyfile(copy, folder / f"{AID}-Copy2.ipynb")  # the same cells: only the front end can tell them apart
    _kernel(student_venv, tmp_path, monkeypatch)
    env = _environment(student_venv) | {"JPY_SESSION_NAME": str(copy)}  # as Jupyter Server starts a kernel
    out = run_in_kernel(code_cells(copy), folder, env, kernel="student")
    assert out.splitlines()[0].startswith(f"Notebook revisado: {copy} (guardado el ")
    assert "Puntaje: 7/7" in out, out


def test_dlgrader_check_in_english_in_the_notebook_s_folder(student_venv, tmp_path):
    """The README's command, after the subcommand's arguments: the folder's notebook; with none, the wheel's."""
    solved = tmp_path / "tarea"
    solved.mkdir()
    probing_notebook(solved).rename(solved / f"{AID}.ipynb")
    empty = tmp_path / "vacia"
    empty.mkdir()
    dlgrader = str(student_venv / "bin" / "dlgrader")
    env = _environment(student_venv)
    done = subprocess.run([dlgrader, "check", AID, "--lang", "en"], cwd=solved, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith(f"Notebook checked: {solved / f'{AID}.ipynb'} (saved ")
    assert "Score: 7/7" in done.stdout
    stub = subprocess.run([dlgrader, "check", AID, "--lang", "en"], cwd=empty, env=env, capture_output=True,
                          text=True, timeout=300)
    assert stub.returncode == 1 and "Score: 0/7" in stub.stdout, stub.stdout + stub.stderr
    assert stub.stdout.splitlines()[0].startswith(f"Notebook checked: {student_venv}")
    assert f"dlgrader/course_material/assignments/{AID}/{AID}.ipynb" in stub.stdout.splitlines()[0]


def test_the_student_s_install_has_no_instructor_package(student_venv):
    """nbgrader (and its SQLAlchemy, Jupyter Server pins) never reach a student's or Colab's environment."""
    code = ("import importlib.util as u; print([m for m in ('nbgrader', 'sqlalchemy', 'nbformat', 'yaml', 'torch') "
            "if u.find_spec(m)])")
    out = subprocess.run([str(student_venv / "bin" / "python"), "-c", code], capture_output=True, text=True,
                         check=True, timeout=120).stdout
    assert out.strip() == "[]"
