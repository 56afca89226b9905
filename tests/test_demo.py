"""``dlgrader demo`` end to end: the example course graded in the sandbox, into nbgrader and the LMS files.

The demo is one course (examples/roster.csv) whose students take every assignment; its whole run is the
session's ``demo_course`` (conftest.py), shared with the report's tests and nbgrader's autograde comparison.
"""

from __future__ import annotations

import csv
import html
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from dlgrader.cli import main
from dlgrader.course import gradebook
from dlgrader.course.scores import read_scores

# What each 01 example deserves (examples/01_perceptron/students.py says why); a hostile one must not move anyone else.
EXPECTED = {
    "ana_perez": 20, "bruno_gonzalez": 20,  # reference-like, and the loop-based alternative
    "camila_rojas": 18, "karina_vega": 18, "sofia_ramirez": 16,  # partial (sofia: escalon uses >=, which costs escalon's checks, not neurona's)
    "elena_martinez": 10,  # syntax error in entrenar_perceptron: zero on what it breaks only
    "felipe_soto": 10,  # infinite loop in entrenar_perceptron: one timeout, the rest still graded
    "isabel_torres": 10,  # renamed entrenar_perceptron: its checks only
    "hector_silva": 1,  # monkeypatches numpy.allclose / numpy.testing in the worker: the broker never sees it
    "diego_fernandez": 0,  # untouched stub
    "gabriela_munoz": 0,  # returns an object whose __eq__ is always True
    "javier_lopez": 0,  # not JSON
    "mateo_castro": 0,  # hostile: looks for the reference on disk
}
ROSTER = {line.split(",")[0] for line in (REPO / "examples" / "roster.csv").read_text(encoding="utf-8").splitlines()[1:]}
# Unit 1 pools 01 (22 points: 20 automatic + 2 written, ungraded yet) and the 09 quiz (20): 60 % exigencia on 42
# points, half up to one decimal. ana 20 + 20 = 40 -> 6.6; camila 18 + 14 = 32 -> 5.2; sofia 16 + 14 = 30 -> 4.9;
# elena 10 + 17.5 = 27.5 -> 4.4; diego 0 + 0 -> 1.0; javier 0 + nothing -> 1.0; luis, nothing at all -> 1.0.
GRADES = {"ana_perez": "6.6", "camila_rojas": "5.2", "sofia_ramirez": "4.9", "elena_martinez": "4.4",
          "diego_fernandez": "1.0", "javier_lopez": "1.0", "luis_morales": "1.0"}


@pytest.fixture(scope="module")
def demo(demo_course):
    return demo_course.code, demo_course.text, demo_course.course


@pytest.mark.slow
def test_demo_exits_zero_and_says_where_the_files_are(demo):
    code, text, out = demo
    assert code == 0, text
    aids = sorted(p.name for p in (REPO / "examples").iterdir() if (p / "students.py").is_file())
    for name in ("gradebook.db", "grades_duoc.csv", "lms/canvas_grades.csv", "lms/moodle_grades.csv",
                 "lms/blackboard_grades.csv", "lms/blackboard_grades.xls", "report/index.html",
                 *(f"lms/gradescope/{aid}" for aid in aids)):
        assert (out / name).exists() and str(out / name) in text
    assert "Nota final parcial (70 % del curso evaluado)" in text  # unit 1 to 4 graded; the exam is not
    assert "Aislamiento: " in text


@pytest.mark.slow
def test_one_roster_takes_every_assignment_and_the_grades_spread_around_the_pass_line(demo):
    """A course a new instructor believes: every roster student in every assignment's gradebook, several pass
    and several fail, one stops submitting after unit 1, one never submits."""
    _, _, out = demo
    db = gradebook.sqlite_url(out / "gradebook.db")
    aids = sorted(p.name for p in (REPO / "examples").iterdir() if (p / "students.py").is_file())
    submitted = {aid: {sid for sid, row in read_scores(db, aid).items() if row["score"] is not None} for aid in aids}
    assert {s["id"] for s in gradebook.read_students(db)} == ROSTER
    assert all(submitted[aid] <= ROSTER for aid in aids)
    assert all("luis_morales" not in submitted[aid] for aid in aids)
    stops = [aid for aid in aids if "diego_fernandez" in submitted[aid]]
    assert stops == ["01_perceptron", "09_prueba_unidad1"]  # unit 1, then nothing
    with (out / "grades_duoc.csv").open(encoding="utf-8") as fh:
        finals = {r["student_id"]: float(r["final_grade"]) for r in csv.DictReader(fh)}
    passing = [sid for sid, g in finals.items() if g >= 4.0]
    assert 5 <= len(passing) <= 9 and len(finals) == len(ROSTER), finals
    assert sum(1 for g in finals.values() if 3.0 <= g < 5.0) >= 4, finals  # several near the pass line


@pytest.mark.slow
def test_every_example_gets_what_it_deserves(demo):
    _, _, out = demo
    scores = read_scores(gradebook.sqlite_url(out / "gradebook.db"), "01_perceptron")
    assert {sid: row["checks"] and sum(v or 0 for v in row["checks"].values()) for sid, row in scores.items()
            if sid in EXPECTED} == EXPECTED
    assert scores["luis_morales"]["score"] is None  # on the roster, submitted nothing
    assert all(v is None for row in scores.values() for v in row["manual"].values())  # left for formgrader


@pytest.mark.slow
def test_nbgrader_export_reads_the_same_totals(demo):
    _, _, out = demo
    env = dict(os.environ, PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    subprocess.run([str(Path(sys.executable).parent / "nbgrader"), "export"], cwd=out, env=env, check=True,
                   capture_output=True)
    with (out / "grades.csv").open(encoding="utf-8") as fh:
        rows = {r["student_id"]: r for r in csv.DictReader(fh) if r["assignment"] == "01_perceptron"}
    for sid, points in EXPECTED.items():
        assert float(rows[sid]["score"]) == points and float(rows[sid]["max_score"]) == 22.0, sid


@pytest.mark.slow
def test_grades_and_canvas_files_parse_back(demo):
    _, _, out = demo
    with (out / "grades_duoc.csv").open(encoding="utf-8") as fh:
        grades = {r["student_id"]: r for r in csv.DictReader(fh)}
    assert {sid: grades[sid]["unidad1_prueba_grade"] for sid in GRADES} == GRADES
    raw = (out / "lms" / "canvas_grades.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8").splitlines()))
    assert rows[0][:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    col = next(i for i, h in enumerate(rows[0]) if h.startswith("01_perceptron"))
    assert rows[0][-1].startswith("Nota final") and rows[1][0] == "Points Possible" and rows[1][col] == "22"
    by_sis = {r[2]: r for r in rows[2:]}
    assert set(EXPECTED) | {"luis_morales"} <= set(by_sis) and by_sis["ana_perez"][0] == "Pérez, Ana"
    assert by_sis["ana_perez"][col] == "20"
    assert by_sis["luis_morales"][col] == "0"  # submitted nothing: duoc.yaml says no_submission: zero


@pytest.mark.slow
def test_every_lms_file_of_the_demo_parses_back(demo):
    """Moodle, Blackboard (both files) and Gradescope carry the same points as the gradebook."""
    import json

    _, _, out = demo
    with (out / "lms" / "moodle_grades.csv").open(encoding="utf-8", newline="") as fh:
        moodle = list(csv.reader(fh))
    col = next(i for i, h in enumerate(moodle[0]) if h.startswith("01_perceptron"))
    assert moodle[0][:3] == ["First name", "Last name", "Username"]
    by_user = {r[2]: r for r in moodle[1:]}
    assert {sid: float(by_user[sid][col]) for sid in EXPECTED} == EXPECTED
    csv_text = (out / "lms" / "blackboard_grades.csv").read_bytes().decode("utf-8-sig")
    xls_text = (out / "lms" / "blackboard_grades.xls").read_bytes().decode("utf-16")
    board = list(csv.reader(csv_text.splitlines()))
    assert board == list(csv.reader(xls_text.splitlines(), delimiter="\t"))
    assert board[0][:3] == ["Last Name", "First Name", "Username"]
    assert {r[2]: r[3] for r in board[1:]}["ana_perez"] == "20"
    for sid, points in EXPECTED.items():
        doc = json.loads((out / "lms" / "gradescope" / "01_perceptron" / sid / "results.json").read_text())
        assert doc["score"] == points == sum(t["score"] for t in doc["tests"]), sid
        assert {t["visibility"] for t in doc["tests"]} == {"visible", "after_published"}


@pytest.mark.slow
def test_demo_refuses_a_folder_that_is_not_a_demo(tmp_path, capsys):
    (tmp_path / "tesis.docx").write_text("no tocar")
    assert main(["--root", str(REPO), "demo", "--out", str(tmp_path)]) == 4
    assert (tmp_path / "tesis.docx").read_text() == "no tocar"
    assert "no es una demo anterior" in capsys.readouterr().err


@pytest.mark.slow
def test_grades_and_export_commands_on_the_demo_course(demo, tmp_path, capsys):
    _, _, out = demo
    rubric = str(REPO / "rubric" / "duoc.yaml")
    assert main(["--root", str(REPO), "grades", "--course", str(out), "--rubric", rubric,
                 "--out", str(tmp_path / "notas.csv")]) == 0
    text = capsys.readouterr().out
    row = next(line for line in text.splitlines() if line.startswith("ana_perez"))
    assert row.split()[-2:] == ["6.4", "Aprobado"] and "Nota final parcial" in text  # 6.6, 6.5, 6.5, 5.9 -> 6.4
    assert (tmp_path / "notas.csv").read_text(encoding="utf-8").startswith("student_id,")
    assert main(["--root", str(REPO), "--lang", "en", "export", "--course", str(out), "--to", "canvas",
                 "--out", str(tmp_path / "canvas.csv")]) == 0
    assert "Written: " in capsys.readouterr().out
    header = (tmp_path / "canvas.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("Student,ID,SIS User ID,SIS Login ID,Section,") and "Nota final" not in header


def test_grades_on_a_course_without_gradebook_says_what_to_do(tmp_path, capsys):
    rubric = str(REPO / "rubric" / "duoc.yaml")
    assert main(["--root", str(REPO), "grades", "--course", str(tmp_path), "--rubric", rubric]) == 4
    assert "ejecuta dlgrader autograde primero" in capsys.readouterr().err


@pytest.mark.slow
def test_feedback_pages_and_exports_never_show_the_reference(demo, tmp_path):
    """No line of the reference's code appears in a page or LMS file (counterexamples are inputs, not code)."""
    from dlgrader.reports.html import write_report

    _, _, out = demo
    write_report(out, out=tmp_path / "r", root=REPO)
    solution = (REPO / "solutions" / "01_perceptron" / "solution.py").read_text(encoding="utf-8")
    release = (REPO / "assignments" / "01_perceptron" / "01_perceptron.ipynb").read_text(encoding="utf-8")
    secret = [line.strip() for line in solution.splitlines()
              if len(line.strip()) >= 20 and not line.strip().startswith("#") and line.strip() not in release]
    assert len(secret) >= 5
    # the hidden graders' code too (their feedback sentences are meant to be read, so string lines are not secret)
    graders = (REPO / "graders" / "01_perceptron" / "test_hidden.py").read_text(encoding="utf-8")
    public = (REPO / "assignments" / "01_perceptron" / "public_checks.py").read_text(encoding="utf-8") + release
    hidden = [line.strip() for line in graders.splitlines()
              if len(line.strip()) >= 20 and not line.strip().startswith(("#", '"', "'", 'f"', "f'", "es=", "en="))
              and line.strip() not in public]
    assert len(hidden) >= 20
    secret += hidden
    pages = [*(tmp_path / "r").rglob("*.html"), *(out / "lms").rglob("*.csv"), *(out / "lms").rglob("*.json")]
    assert len(pages) > 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        leaked = [line for line in secret if line in text or html.escape(line) in text]
        assert not leaked, (page.name, leaked)
