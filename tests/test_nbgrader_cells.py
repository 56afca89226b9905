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
from dlgrader.material.build import build, grade_cell_source, stale_notebooks
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
