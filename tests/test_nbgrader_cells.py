"""Grade cells fail closed: nbgrader's own autograde and validate never give points dlgrader did not.

nbgrader is driven through its own command-line apps, as an instructor's
formgrader button or a student's Validate button would run them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import REPO
from test_nbgrader_autograde import without_dlgrader
from dlgrader.course.scores import read_scores
from dlgrader.material.build import LIMITS, build, grade_cell_source, stale_notebooks
from dlgrader.material.manifest import NUMPY_BUDGET, TORCH_BUDGET
from dlgrader.course.folders import db_url_for, init_course
from dlgrader.student.grade_cells import NOT_DLGRADER
from dlgrader.material.paths import find_material

MATERIAL = find_material(REPO)
AID = "01_perceptron"
EXAMPLES = REPO / "examples" / AID
NBGRADER = Path(sys.executable).with_name("nbgrader")


def _nbgrader(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NBGRADER_", "DLGRADER_ROOT"))}
    return subprocess.run([str(NBGRADER), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def _course(tmp_path: Path, students: dict[str, str]) -> Path:
    """A course as dlgrader lays it out, with nbgrader's default autograde (no dlgrader preprocessor)."""
    a = MATERIAL.assignment(AID)
    course = tmp_path / "curso"
    init_course(course, a, a.notebook_path)
    without_dlgrader(course)
    for sid, example in students.items():
        folder = course / "submitted" / sid / AID
        folder.mkdir(parents=True)
        shutil.copyfile(EXAMPLES / f"{example}.ipynb", folder / a.notebook)
    return course


@pytest.mark.parametrize("aid", MATERIAL.assignment_ids())
def test_every_notebook_holds_the_grade_cells_its_manifest_builds(aid):
    """Grade cells are written from assignment.toml (dlgrader.build); a notebook edited by hand fails here."""
    assert stale_notebooks(MATERIAL.assignment(aid)) == []


def test_build_rewrites_a_grade_cell_edited_by_hand(tmp_path):
    folder = tmp_path / "assignments" / AID
    shutil.copytree(MATERIAL.assignments / AID, folder)
    a = find_material(tmp_path).assignment(AID)
    path = a.notebook_path
    nb = json.loads(path.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "escalon_curso")
    cell["source"] = "# escalon_curso: only a comment, as before\n"
    cell["metadata"]["nbgrader"]["points"] = 5
    path.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert stale_notebooks(a) == [path]
    assert build(a) == [path]
    rebuilt = json.loads(path.read_text(encoding="utf-8"))
    cell = next(c for c in rebuilt["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "escalon_curso")
    assert "".join(cell["source"]) == grade_cell_source(a, a.check("escalon_curso"), "es")
    assert cell["metadata"]["nbgrader"]["points"] == 1
    assert stale_notebooks(a) == []


def _limits_text(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = [c for c in nb["cells"] if c["metadata"].get("dlgrader", {}).get("derived") == LIMITS]
    assert len(cells) == 1 and nb["cells"].index(cells[0]) == 1  # right after the introduction, once
    return "".join(cells[0]["source"])


def test_the_notebook_states_the_time_limits_of_its_manifest(tmp_path):
    """Each notebook says its limits and which default (NumPy or PyTorch) they are; a limit changed in
    assignment.toml is rewritten by build, in both languages."""
    numpy_a, torch_a = MATERIAL.assignment(AID), MATERIAL.assignment("08_crispdm")
    es = _limits_text(numpy_a.notebook_path)
    assert f"{NUMPY_BUDGET:g} s en total (el límite de las tareas con NumPy" in es
    assert f"el de las tareas con PyTorch es {TORCH_BUDGET:g} s" in es
    assert f"a lo más {numpy_a.call_timeout:g} s" in es
    en = _limits_text(numpy_a.notebook_path.with_name(f"{AID}.en.ipynb"))
    assert f"{NUMPY_BUDGET:g} s in total (the limit of NumPy assignments" in en
    assert f"{TORCH_BUDGET:g} s en total (el límite de las tareas con PyTorch" in _limits_text(torch_a.notebook_path)
    assert "cada llamada a una de tus funciones" in es  # a quiz's answers are variables: no function is called
    quiz = _limits_text(MATERIAL.assignment("09_prueba_unidad1").notebook_path)
    assert "leer cada respuesta puede tardar" in quiz and "funciones" not in quiz
    folder = tmp_path / "assignments" / AID
    shutil.copytree(MATERIAL.assignments / AID, folder)
    toml = folder / "assignment.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("call_timeout = 5.0",
                                                             "call_timeout = 2.5\nsubmission_budget = 45.5"),
                    encoding="utf-8")
    a = find_material(tmp_path).assignment(AID)
    assert sorted(build(a)) == sorted([a.notebook_path, a.notebook_path.with_name(f"{AID}.en.ipynb")])
    es = _limits_text(a.notebook_path)
    assert "a lo más 2,5 s" in es and "45,5 s en total." in es and "NumPy" not in es  # its own, not a default
    assert "at most 2.5 s" in _limits_text(a.notebook_path.with_name(f"{AID}.en.ipynb"))
    assert stale_notebooks(a) == []


@pytest.mark.slow
def test_nbgrader_autograde_without_dlgrader_awards_nothing(tmp_path):
    """The default Execute preprocessor runs the grade cells: each writes to stderr, so nbgrader scores 0.

    Before, the cells held only comments and nbgrader gave an untouched stub 20 of 22 points.
    """
    course = _course(tmp_path, {"diego": "diego_fernandez", "ana": "ana_perez"})
    run = _nbgrader("autograde", AID, "--force", cwd=course)
    assert run.returncode == 0, run.stderr[-2000:]
    scores = read_scores(db_url_for(course), AID)
    assert {sid: row["score"] for sid, row in scores.items()} == {"ana": 0.0, "diego": 0.0}
    graded = nbformat.read(course / "autograded" / "ana" / AID / f"{AID}.ipynb", as_version=4)
    cells = [c for c in graded.cells if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"]
    assert len(cells) == len(MATERIAL.assignment(AID).checks)
    for cell in cells:
        assert [o.get("name") for o in cell.outputs] == ["stderr"], cell.metadata.nbgrader.grade_id
        assert NOT_DLGRADER in cell.outputs[0]["text"]


@pytest.mark.slow
def test_nbgrader_validate_fails_a_stub_and_passes_a_correct_notebook(tmp_path):
    course = _course(tmp_path, {"diego": "diego_fernandez"})
    folder = course / "submitted" / "diego" / AID
    stub = _nbgrader("validate", str(folder / f"{AID}.ipynb"), cwd=course)
    public = [c for c in MATERIAL.assignment(AID).checks if c.public]
    assert f"VALIDATION FAILED ON {len(public)} CELL(S)" in stub.stdout, stub.stdout[-3000:]
    assert "escalon() todavía no está implementada" in stub.stdout
    # a solved copy beside the stub: validate checks the file it runs, not the stub nor the assignment's notebook
    shutil.copyfile(EXAMPLES / "ana_perez.ipynb", folder / f"{AID}-Copy1.ipynb")
    solved = _nbgrader("validate", str(folder / f"{AID}-Copy1.ipynb"), cwd=course)
    assert "Success! Your notebook passes all the tests." in solved.stdout, solved.stdout[-3000:]


@pytest.mark.slow
def test_plain_jupyter_runs_every_grade_cell_without_an_error(tmp_path, monkeypatch):
    """With no nbgrader around, a grade cell says what it stands for and never stops "Run all"."""
    from nbclient import NotebookClient

    folder = tmp_path / "assignments" / AID
    shutil.copytree(MATERIAL.assignments / AID, folder)
    nb = nbformat.read(folder / f"{AID}.ipynb", as_version=4)
    for var in [k for k in os.environ if k.startswith("NBGRADER_")]:
        monkeypatch.delenv(var)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"]
    for cell in cells:
        gid = cell.metadata.nbgrader.grade_id
        assert [o.get("name") for o in cell.outputs] == ["stdout"], gid
        assert f"«{gid}»" in cell.outputs[0]["text"]
    assert "Verificación oculta «escalon_elementos»: se evalúa al entregar." in cells[2].outputs[0]["text"]
