"""The whole nbgrader round trip in a course dlgrader set up, with nbgrader's own apps and Gradebook API.

Release, list, fetch and submit through the course's exchange (as two students), collect, autograde
(nbgrader's and dlgrader's), a written answer graded as formgrader does, feedback generated and
released, export; then the course folder copied, and nbgrader's tools in the copy use the copy.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from conftest import REPO
from dlgrader.grading.batch import autograde
from dlgrader.course.folders import db_url_for, init_course
from dlgrader.material.notebook import read_cell_file
from test_nbgrader_autograde import MATERIAL, auto_scores, nbgrader

AIDS = ("01_perceptron", "02_activaciones")
STUDENTS = {"ana": "ana_perez", "mateo": "mateo_castro"}  # mateo's notebook hunts the disk for the reference
EXAMPLE = {("mateo", "02_activaciones"): "javier_lopez"}  # in 02, the untouched release notebook


def _as_student(sid: str, home: Path, *args: str):
    """A student's nbgrader, in their own folder, with the course's exchange (a single-user setup).

    nbgrader names a student by their system account; ``--student`` stands for a second account here.
    """
    return nbgrader(*args, "--course", "dlgrader", f"--Exchange.root={home.parent / 'curso' / 'exchange'}",
                    f"--student={sid}", cwd=home, JUPYTER_DATA_DIR=str(home / ".jupyter"))


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory):
    base = tmp_path_factory.mktemp("roundtrip")
    course = base / "curso"
    marker = base / "ran-outside-the-sandbox"
    for aid in AIDS:
        a = MATERIAL.assignment(aid)
        init_course(course, a, a.notebook_path)
        run = nbgrader("release_assignment", aid, cwd=course)
        assert run.returncode == 0, run.stderr[-2000:]
    listed = nbgrader("list", cwd=course)  # out of the box: the course's own exchange, no flags
    assert listed.returncode == 0 and all(f"dlgrader {aid}" in listed.stderr for aid in AIDS), listed.stderr
    for sid in STUDENTS:
        home = base / sid
        home.mkdir()
        listed = _as_student(sid, home, "list")
        assert all(aid in listed.stdout + listed.stderr for aid in AIDS), listed.stderr
        for aid in AIDS:
            assert _as_student(sid, home, "fetch_assignment", aid).returncode == 0
            fetched = home / aid / MATERIAL.assignment(aid).notebook
            example = EXAMPLE.get((sid, aid), STUDENTS[sid])
            nb = json.loads((REPO / "examples" / aid / f"{example}.ipynb").read_text(encoding="utf-8"))
            if sid == "mateo":  # a solution cell that leaves a file behind if run outside the sandbox
                cell = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("solution")
                            and c["cell_type"] == "code")
                cell["source"] = (f"try:\n    open({str(marker)!r}, 'w').write('x')\nexcept OSError:\n    pass\n"
                                  + "".join(cell["source"]))
            fetched.write_text(json.dumps(nb), encoding="utf-8")
            submitted = _as_student(sid, home, "submit", aid)
            assert submitted.returncode == 0, submitted.stderr[-2000:]
    for aid in AIDS:
        collected = nbgrader("collect", aid, cwd=course)
        assert collected.returncode == 0, collected.stderr[-2000:]
        graded = nbgrader("autograde", aid, cwd=course)
        assert graded.returncode == 0, graded.stderr[-2000:]
    with Gradebook(db_url_for(course), "dlgrader") as gb:  # what formgrader's grading page does
        grade = gb.find_grade("explicacion_xor", "01_perceptron", "01_perceptron", "ana")
        grade.manual_score = 1.5
        comment = gb.find_comment("explicacion_xor", "01_perceptron", "01_perceptron", "ana")
        comment.manual_comment = "Falta relacionarlo con la recta de cada neurona."
        gb.db.commit()
    for aid in AIDS:
        assert nbgrader("generate_feedback", aid, cwd=course).returncode == 0
        assert nbgrader("release_feedback", aid, cwd=course).returncode == 0
    for sid in STUDENTS:
        assert _as_student(sid, base / sid, "fetch_feedback", "01_perceptron").returncode == 0
    assert nbgrader("export", cwd=course).returncode == 0
    return base, course, marker


@pytest.mark.slow
def test_students_get_dlgrader_s_scores_and_the_instructor_s_written_grade(round_trip):
    base, course, marker = round_trip
    with (course / "grades.csv").open(encoding="utf-8") as fh:
        rows = {(r["student_id"], r["assignment"]): float(r["score"]) for r in csv.DictReader(fh)}
    assert rows[("ana", "01_perceptron")] == 20 + 1.5
    assert rows[("mateo", "01_perceptron")] == 0  # found no reference to copy
    assert rows[("ana", "02_activaciones")] > 0 and rows[("mateo", "02_activaciones")] == 0
    assert not marker.exists()  # no solution cell ran in a kernel nbgrader started


@pytest.mark.slow
def test_dlgrader_autograde_on_the_same_course_agrees_and_keeps_the_written_grade(round_trip):
    _, course, _ = round_trip
    before = {aid: auto_scores(course, aid) for aid in AIDS}
    for aid in AIDS:
        autograde(aid, course, root=REPO, jobs=1, progress=False, force=True)
        assert auto_scores(course, aid) == before[aid]
    with Gradebook(db_url_for(course), "dlgrader") as gb:
        assert gb.find_grade("explicacion_xor", "01_perceptron", "01_perceptron", "ana").manual_score == 1.5


@pytest.mark.slow
def test_feedback_shows_dlgrader_s_verdicts_and_no_hidden_code(round_trip):
    base, course, _ = round_trip
    page = (base / "ana" / "01_perceptron" / "feedback").rglob("01_perceptron.html")
    html = next(page).read_text(encoding="utf-8")
    assert "Superada: 1 de 1 puntos." in html and "Falta relacionarlo con la recta" in html
    mateo = next((course / "feedback" / "mateo" / "01_perceptron").glob("*.html")).read_text(encoding="utf-8")
    assert "No superada: 0 de 2 puntos." in mateo
    hidden = [line.strip() for cells in (read_cell_file(MATERIAL.solution_path(aid)) for aid in AIDS)
              for src in cells.values() for line in src.splitlines()
              if len(line.strip()) > 30 and not line.strip().startswith(("#", "def ", '"""'))]
    grader_lines = [line.strip() for p in (REPO / "graders").glob("*/test_hidden.py")
                    for line in p.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 40]
    for path in (course / "feedback").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not [line for line in hidden + grader_lines if line in text], path


@pytest.mark.slow
def test_a_copied_course_uses_its_own_gradebook(round_trip, tmp_path):
    """``cp -r CURSO OTRO``: nbgrader's tools in the copy read and write the copy's gradebook, never the original's."""
    _, course, _ = round_trip
    copy = tmp_path / "otro"
    shutil.copytree(course, copy)
    (copy / "gradebook.db").unlink()
    original = (course / "gradebook.db").read_bytes()
    listed = nbgrader("db", "student", "list", cwd=copy)
    assert "ana" not in listed.stdout and "mateo" not in listed.stdout, listed.stdout
    assert nbgrader("db", "student", "add", "nuevo", cwd=copy).returncode == 0
    assert "nuevo" in nbgrader("db", "student", "list", cwd=copy).stdout
    assert (course / "gradebook.db").read_bytes() == original
    assert "nuevo" not in nbgrader("db", "student", "list", cwd=course).stdout
