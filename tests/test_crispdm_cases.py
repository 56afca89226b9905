"""08 runs the course's own cases: A (Fashion-MNIST), B (MNIST cheques), C (CIFAR-10) and D (digits, embedded).

The data sets cannot be downloaded here, so A, B and C are small files in their real formats (tests/case_files.py:
IDX gzip for A, IDX plain for B, CIFAR python batches for C), each case in a folder of its own. The notebook's
CASO cells are demonstration cells (the grader never runs them); ``DLGRADER_CASO``, ``DLGRADER_DATA`` and
``DLGRADER_RAPIDO=1`` (few images, one epoch) run them for each case without editing the notebook.
"""

from __future__ import annotations

import contextlib
import copy
import importlib.util
import io
import json
import re

import nbformat
import pytest

from case_files import write_case
from conftest import REPO
from dlgrader.cli import main
from dlgrader.content import datasets
from dlgrader.material.notebook import read_cell_file

AID = "08_crispdm"
CASES = {"A": "fashion_mnist", "B": "mnist", "C": "cifar10", "D": "digits"}


def _bench():
    spec = importlib.util.spec_from_file_location("bench_crispdm", REPO / "benchmarks" / "bench_crispdm.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run_bench(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = _bench().main(list(args))
    return code, out.getvalue()


@pytest.mark.parametrize("caso", ["A", "B", "C"])
def test_the_benchmark_runs_each_case_on_files_in_the_real_formats(caso, tmp_path):
    folder = write_case(caso, tmp_path / caso)
    code, out = _run_bench("--caso", caso, "--data", str(folder), "--epochs", "1")
    assert code == 0, out
    found = re.fullmatch(rf"{caso} {CASES[caso]}: test accuracy (\d\.\d{{4}}), training (\d+\.\d) s \((.*)\)\n", out)
    assert found, out
    assert 0.0 <= float(found.group(1)) <= 1.0
    side = "3x32x32" if caso == "C" else "1x28x28"
    assert f"red_cnn (8, 16) on {side}" in found.group(3) and "60 / " in found.group(3)


def test_the_benchmark_says_which_files_are_missing(tmp_path):
    """A's files where C's should be: nothing runs, the message names the files and where to get them."""
    folder = write_case("A", tmp_path / "A")
    code, out = _run_bench("--caso", "C", "--data", str(folder))
    assert code == 2
    assert "data_batch_1" in out and "test_batch" in out and "cs.toronto.edu" in out


# ------------------------------------------------------------------ the notebook, case by case

def _cells() -> dict[str, str]:
    nb = json.loads((REPO / "assignments" / AID / f"{AID}.ipynb").read_text(encoding="utf-8"))
    return {c["id"]: "".join(c["source"]) for c in nb["cells"]}


def test_a_case_without_its_files_says_where_to_put_them_and_goes_on_with_d(tmp_path, monkeypatch, capsys):
    """The CASO and data-understanding cells, run as Jupyter would with an empty data folder."""
    import matplotlib

    matplotlib.use("Agg")
    import numpy as np

    monkeypatch.setenv("DLGRADER_CASO", "B")
    monkeypatch.setenv("DLGRADER_DATA", str(tmp_path))
    cells = _cells()
    namespace = {"np": np}
    for cid in ("demo-caso", "demo-datos"):
        exec(compile(cells[cid], cid, "exec"), namespace)
    out = capsys.readouterr().out
    assert "Caso B: MNIST" in out
    for name in ("train-images-idx3-ubyte", "t10k-labels-idx1-ubyte", "yann.lecun.com", str(tmp_path)):
        assert name in out
    assert "Faltan archivos" in out and "sigue con el caso D" in out
    assert namespace["CASO"] == "D" and namespace["X_caso"].shape == (1797, 8, 8)
    assert "Caso D: 1797 imágenes de forma (8, 8)" in out


@pytest.fixture(scope="module")
def filled_notebook(tmp_path_factory) -> tuple[dict, str]:
    """The student bundle's notebook with the reference typed in, as tests/test_assignments.py runs it."""
    bundle = tmp_path_factory.mktemp("curso")
    assert main(["--root", str(REPO), "release", "--out", str(bundle)]) == 0
    folder = bundle / "assignments" / AID
    nb = json.loads((folder / f"{AID}.ipynb").read_text(encoding="utf-8"))
    reference = read_cell_file(REPO / "solutions" / AID / "solution.py")
    for cell in nb["cells"]:
        gid = (cell["metadata"].get("nbgrader") or {}).get("grade_id")
        if gid in reference and cell["cell_type"] == "code":
            cell["source"] = reference[gid]
    # The check cell does not depend on CASO (the public checks use the course's own examples); the notebook run
    # of tests/test_assignments.py executes it.
    nb["cells"] = [c for c in nb["cells"] if (c["metadata"].get("dlgrader") or {}).get("role") != "check"]
    return nb, str(folder)


def _text(cell) -> str:
    return "".join(o.get("text", "") for o in cell.outputs)


@pytest.mark.slow
@pytest.mark.parametrize("caso", ["A", "B", "C", "D"])
def test_the_notebook_runs_every_phase_for_each_case(caso, filled_notebook, tmp_path, monkeypatch):
    from nbclient import NotebookClient

    nb_dict, folder = filled_notebook
    data = write_case(caso, tmp_path / caso) if caso != "D" else tmp_path / "vacia"  # D needs no file
    data.mkdir(exist_ok=True)
    monkeypatch.setenv("DLGRADER_CASO", caso)
    monkeypatch.setenv("DLGRADER_DATA", str(data))
    monkeypatch.setenv("DLGRADER_RAPIDO", "1")
    nb = nbformat.reads(json.dumps(copy.deepcopy(nb_dict)), as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": folder}}).execute()
    out = {c.get("id"): c for c in nb.cells if c.cell_type == "code"}
    classes = datasets.CLASS_NAMES[CASES[caso]]
    assert f"Caso {caso}:" in _text(out["demo-caso"])
    understanding = _text(out["demo-datos"])
    assert "Faltan archivos" not in understanding and f"Caso {caso}: " in understanding
    assert all(name in understanding for name in classes), understanding
    shape = {"A": "(28, 28)", "B": "(28, 28)", "C": "(32, 32, 3)", "D": "(8, 8)"}[caso]
    assert f"imágenes de forma {shape}" in understanding
    channels, side = (3, 32) if caso == "C" else (1, {"D": 8}.get(caso, 28))
    preparation = _text(out["demo-preparar"])
    assert re.search(rf"para la CNN: \(\d+, {channels}, {side}, {side}\)", preparation), preparation
    assert re.search(rf"para la red densa: \(\d+, {channels * side * side}\)", preparation), preparation
    assert f"densa {channels * side * side}-64-10" in _text(out["demo-modelar"])
    evaluation = out["demo-evaluar"]
    assert f"caso {caso}, modelo " in _text(evaluation) and "exactitud en prueba" in _text(evaluation)
    assert any("image/png" in o.get("data", {}) for o in evaluation.outputs)  # the confusion matrix, with names
    assert any("image/png" in o.get("data", {}) for o in out["demo-datos"].outputs)  # one image of each class
    deployed = re.search(r"predicción: «(.+)» con probabilidad (\d\.\d\d); la clase real es «(.+)»",
                         _text(out["demo-desplegar"]))
    assert deployed and deployed.group(1) in classes and deployed.group(3) in classes
