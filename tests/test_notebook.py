"""Extraction: only solution cells come from the student; a broken file never raises, it gives a reason."""

from __future__ import annotations

import copy
import json
import re

import pytest

from conftest import REPO
from dlgrader.material import notebook
from dlgrader.material.notebook import program_from_notebook
from dlgrader.material.paths import find_material

RELEASE = REPO / "assignments" / "01_perceptron" / "01_perceptron.ipynb"


def _release() -> dict:
    return json.loads(RELEASE.read_text(encoding="utf-8"))


def _write(tmp_path, nb: dict, name="entrega.ipynb"):
    path = tmp_path / name
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def _cell(nb: dict, gid: str) -> dict:
    return next(c for c in nb["cells"] if (c["metadata"].get("nbgrader") or {}).get("grade_id") == gid)


def _sources(program) -> dict[str, str]:
    return {c.id: c.source for c in program.cells}


def test_solution_cells_come_from_the_student_everything_else_from_the_release(tmp_path):
    nb = _release()
    _cell(nb, "escalon")["source"] = "def escalon(z):\n    return 7\n"
    _cell(nb, "importaciones")["source"] = "import os\nos.system('rm -rf /')\n"  # a locked cell, edited
    nb["cells"].append({"cell_type": "code", "metadata": {}, "source": "print('borrador')", "outputs": [],
                        "execution_count": None})
    program = program_from_notebook(_write(tmp_path, nb), RELEASE)
    src = _sources(program)
    assert src["escalon"].rstrip() == "def escalon(z):\n    return 7"
    assert "os.system" not in "".join(src.values()) and "borrador" not in "".join(src.values())
    assert src["importaciones"].strip() == "import numpy as np"
    assert not program.problems
    assert not any("dlgrader.check" in s for s in src.values())  # the check cell never runs in the worker
    assert not any(cid.startswith("escalon_curso") for cid in src)  # grade cells only name checks


def test_magics_and_shell_escapes_become_blank_lines():
    assert notebook.strip_magics("%matplotlib inline\n!pip install x\nx = 1") == "\n\nx = 1"


@pytest.mark.parametrize("raw, fragment_es, fragment_en", [
    (b'{"cells": [', "JSON dañado", "broken JSON"),
    ("{\"cells\": [], \"x\": \"Mu\u00f1oz\"}".encode("latin-1"), "no está en UTF-8", "is not UTF-8"),
    (b'[1, 2, 3]', "no tiene la estructura", "does not have the structure"),
])
def test_a_broken_file_gives_one_reason_and_the_unsolved_stubs(tmp_path, raw, fragment_es, fragment_en):
    path = tmp_path / "entrega.ipynb"
    path.write_bytes(raw)
    program = program_from_notebook(path, RELEASE)
    assert len(program.problems) == 1
    assert fragment_es in program.problems[0]("es") and fragment_en in program.problems[0]("en")
    assert "NotImplementedError" in _sources(program)["escalon"]


def test_a_huge_file_is_refused_without_reading_it(tmp_path):
    nb = _release()
    nb["cells"][0]["outputs"] = ["x" * notebook.MAX_NOTEBOOK_BYTES]
    program = program_from_notebook(_write(tmp_path, nb), RELEASE)
    assert "Restart & Clear Output" in program.problems[0]("en")


def test_duplicated_and_deleted_cells_are_reported_by_name(tmp_path):
    nb = _release()
    first = _cell(nb, "neurona")
    first["source"] = "def neurona(x, w, b):\n    return 1\n"
    second = copy.deepcopy(first)
    second["source"] = "def neurona(x, w, b):\n    return 2\n"
    nb["cells"].append(second)
    nb["cells"].remove(_cell(nb, "red_xor"))
    program = program_from_notebook(_write(tmp_path, nb), RELEASE)
    texts = [p("es") for p in program.problems]
    assert any("'neurona' está duplicada" in t for t in texts)
    assert any("Falta la celda de solución 'red_xor'" in t for t in texts)
    assert "return 1" in _sources(program)["neurona"]
    assert "NotImplementedError" in _sources(program)["red_xor"]


def test_cell_files_use_percent_headers(tmp_path):
    path = tmp_path / "celdas.py"
    path.write_text("import numpy as np\n# %% [escalon]\ndef escalon(z):\n    return 0\n\n# %% [neurona]\nx = 1\n",
                    encoding="utf-8")
    assert notebook.read_cell_file(path) == {"escalon": "def escalon(z):\n    return 0\n", "neurona": "x = 1\n"}


def test_of_two_notebooks_the_answered_one_is_graded(tmp_path):
    """A student who hands in the untouched Spanish notebook beside the English one they worked on."""
    untouched = _write(tmp_path, _release(), "01_perceptron.ipynb")
    nb = _release()
    _cell(nb, "escalon")["source"] = "def escalon(z):\n    return 7\n"
    worked = _write(tmp_path, nb, "01_perceptron.en.ipynb")
    assert notebook.most_answered([untouched, worked], RELEASE, "01_perceptron.ipynb") == worked
    assert notebook.most_answered([untouched, _write(tmp_path, _release(), "copia.ipynb")], RELEASE,
                                  "01_perceptron.ipynb") == untouched  # a tie goes to the release name
    assert notebook.most_answered([], RELEASE) is None


def test_demo_cells_run_only_in_jupyter():
    """A locked plot or race (metadata dlgrader.role = "demo") is never part of the graded program."""
    release = REPO / "assignments" / "05_optimizadores" / "05_optimizadores.ipynb"
    nb = json.loads(release.read_text(encoding="utf-8"))
    demos = [c for c in nb["cells"] if (c["metadata"].get("dlgrader") or {}).get("role") == "demo"]
    assert demos, "assignment 05 has a demo cell"
    ids = {c.id for c in program_from_notebook(release, release).cells}
    assert not {_cell_id(c) for c in demos} & ids
    assert "plt.show()" not in "".join(c.source for c in program_from_notebook(release, release).cells)


def _cell_id(cell: dict) -> str | None:
    return (cell["metadata"].get("nbgrader") or {}).get("grade_id")


ANNOUNCED = {".ipynb": r"En total hay (\d+) puntos automáticos y (\d+) puntos",
             ".en.ipynb": r"In total there are (\d+) automatic(?:ally graded)? points and (\d+) points"}


@pytest.mark.parametrize("aid", sorted(p.parent.name for p in (REPO / "assignments").glob("*/assignment.toml")))
def test_the_points_a_notebook_announces_are_the_manifest_s(aid):
    """The introduction's total is written by hand: it must follow the checks that assignment.toml adds (06 said
    30 after three checks were added)."""
    a = find_material(REPO).assignment(aid)
    for suffix, pattern in ANNOUNCED.items():
        nb = json.loads((REPO / "assignments" / aid / f"{aid}{suffix}").read_text(encoding="utf-8"))
        text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
        for auto, manual in re.findall(pattern, text.replace("\n", " ")):
            assert (float(auto), float(manual)) == (a.auto_points, sum(m.points for m in a.manual)), (aid, suffix)
