"""The check cell checks the notebook it runs in, found by what the front end tells the kernel (student/locate.py).

The cell runs in a real kernel (nbclient) as Jupyter would run it, in a folder that also holds the untouched
assignment notebook: checking the wrong file would give 0/7 where the right one gives 7/7. Colab cannot run
here: its kernel API is replaced by a recorded reply (tests/colab_get_ipynb_reply.json).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
import types
from pathlib import Path

import nbformat
import pytest

from conftest import REPO
from dlgrader.student import check as student_check
from test_portable import STANDIN, probing_notebook

AID = "01_perceptron"
STUB = REPO / "assignments" / AID / f"{AID}.ipynb"
SOLVED = REPO / "examples" / AID / "ana_perez.ipynb"
CHECK_CELL = f'import dlgrader\ndlgrader.check("{AID}")'
REPLY = Path(__file__).with_name("colab_get_ipynb_reply.json")


@pytest.fixture
def folder(tmp_path) -> Path:
    """A student's folder: the assignment's untouched notebook and a solved copy beside it."""
    shutil.copyfile(STUB, tmp_path / STUB.name)
    shutil.copyfile(SOLVED, tmp_path / f"{AID}-Copy1.ipynb")
    return tmp_path


def kernel_env(**extra: str) -> dict:
    """This process's environment less what Jupyter, nbgrader or a course folder would set, plus ``extra``."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("NBGRADER_", "DLGRADER_ROOT", "JPY_"))} | extra


def run_in_kernel(cells: list[str], folder: Path, env: dict, kernel: str = "python3") -> str:
    """Run ``cells`` in a fresh kernel started in ``folder`` with environment ``env``; the last cell's output."""
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(nb, timeout=300, kernel_name=kernel, resources={"metadata": {"path": str(folder)}}).execute(env=env)
    outputs = nb.cells[-1].outputs
    assert [o.get("name") for o in outputs] == ["stdout"], outputs
    return outputs[0]["text"]


def code_cells(path: Path) -> list[str]:
    return ["".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
            if c["cell_type"] == "code"]


def _saved(path: Path) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(path.stat().st_mtime))


def test_jupyter_server_s_session_path_names_the_notebook(folder):
    """Jupyter Server 2 starts the kernel with JPY_SESSION_NAME: the copy is checked, not the assignment's file."""
    copy = folder / f"{AID}-Copy1.ipynb"
    out = run_in_kernel([CHECK_CELL], folder, kernel_env(JPY_SESSION_NAME=str(copy)))
    assert out.splitlines()[0] == f"Notebook revisado: {copy} (guardado el {_saved(copy)})."
    assert "Puntaje: 7/7" in out and "sin guardar" not in out


def test_with_no_front_end_the_assignment_s_notebook_is_checked_and_the_report_says_so(folder):
    out = run_in_kernel([CHECK_CELL], folder, kernel_env())  # only the check cell ran, which both files hold
    lines = out.splitlines()
    assert lines[0] == f"Notebook revisado: {folder / STUB.name} (guardado el {_saved(folder / STUB.name)})."
    assert lines[1].startswith("No supe qué notebook ejecuta esta celda, así que revisé el de la tarea")
    assert "Puntaje: 0/7" in out


def test_vs_code_s_notebook_variable_names_the_notebook(folder):
    copy = folder / f"{AID}-Copy1.ipynb"
    out = run_in_kernel([f"__vsc_ipynb_file__ = {str(copy)!r}", CHECK_CELL], folder, kernel_env())
    assert out.splitlines()[0].startswith(f"Notebook revisado: {copy} (")
    assert "Puntaje: 7/7" in out


def test_code_run_but_not_saved_is_said_before_the_verdict(folder):
    """The kernel ran a wrong escalon the file does not hold: the saved one is checked, and the report says so
    first. With no front end, the notebook holding what the kernel ran is the one checked (not the stub)."""
    copy = folder / f"{AID}-Copy1.ipynb"
    cells = code_cells(copy)
    at = next(i for i, c in enumerate(cells) if c.lstrip().startswith("def escalon"))
    cells[at] = "def escalon(z):\n    return 0\n"
    out = run_in_kernel(cells, folder, kernel_env())
    lines = out.splitlines()
    assert lines[0].startswith(f"Notebook revisado: {copy} (")
    assert lines[1].startswith(f"⚠ Tienes cambios sin guardar en {copy.name}: lo que ejecutaste en «escalon» no es "
                               "lo guardado")
    assert lines.index(lines[1]) < min(i for i, line in enumerate(lines) if line.startswith(("✓", "✗")))
    assert "Puntaje: 7/7" in out  # the saved file's verdict


def test_the_check_cell_without_fork_poll_killpg_fcntl_resource(tmp_path):
    """The kernel and the worker it starts both lack what Windows lacks; the notebook's own first solution cell
    asserts so, in the kernel and in the worker, and the copy still gets 7/7 under its own name."""
    copy = probing_notebook(tmp_path)
    shutil.copyfile(STUB, tmp_path / STUB.name)
    env = kernel_env(JPY_SESSION_NAME=str(copy), PYTHONPATH=str(STANDIN))
    out = run_in_kernel(code_cells(copy), tmp_path, env)
    assert out.splitlines()[0].startswith(f"Notebook revisado: {copy} (")
    assert "Puntaje: 7/7" in out


# ---------------------------------------------------------------- Colab, against a recorded reply


def _fake_colab(monkeypatch, reply) -> list:
    """google.colab._message as Colab's kernel has it, answering ``get_ipynb`` with ``reply``."""
    asked = []

    def blocking_request(request_type, request="", timeout_sec=5, parent=None):
        asked.append((request_type, request))
        return reply

    message = types.ModuleType("google.colab._message")
    message.blocking_request = blocking_request
    colab = types.ModuleType("google.colab")
    colab._message = message
    google = types.ModuleType("google")
    google.colab = colab
    for name, module in (("google", google), ("google.colab", colab), ("google.colab._message", message)):
        monkeypatch.setitem(sys.modules, name, module)
    return asked


def test_recorded_reply_has_colab_s_shape():
    """What the recording holds, as Colab sends it: sources as lists of lines, no cell ids, Colab's metadata."""
    ipynb = json.loads(REPLY.read_text(encoding="utf-8"))["ipynb"]
    assert ipynb["metadata"]["colab"]["name"] == f"{AID}.ipynb"
    assert all(isinstance(c["source"], list) and "id" not in c for c in ipynb["cells"])


def test_colab_checks_the_notebook_open_in_the_browser(tmp_path, monkeypatch, capsys):
    """A notebook opened alone in Colab: no file beside it, the course material from the installed package."""
    asked = _fake_colab(monkeypatch, json.loads(REPLY.read_text(encoding="utf-8")))
    monkeypatch.chdir(tmp_path)  # Colab's /content: no course folder, no notebook file
    for var in [k for k in os.environ if k.startswith(("NBGRADER_", "JPY_", "DLGRADER_ROOT"))]:
        monkeypatch.delenv(var)
    student_check.check_from_notebook(AID, None, "es")
    out = capsys.readouterr().out
    assert asked == [("get_ipynb", "")]
    assert out.splitlines()[0] == (f"Notebook revisado: «{AID}.ipynb», tal como está abierto en Colab "
                                   "(también lo no guardado).")
    assert "Puntaje: 7/7" in out


def test_colab_not_answering_is_a_front_end_that_did_not_say(tmp_path, monkeypatch, capsys):
    _fake_colab(monkeypatch, None)  # blocking_request's time-out
    shutil.copyfile(STUB, tmp_path / STUB.name)
    monkeypatch.chdir(tmp_path)
    for var in [k for k in os.environ if k.startswith(("NBGRADER_", "JPY_", "DLGRADER_ROOT"))]:
        monkeypatch.delenv(var)
    student_check.check_from_notebook(AID, None, "en")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"Notebook checked: {tmp_path / STUB.name} (saved ")
    assert lines[1].startswith("I could not tell which notebook runs this cell")
