"""``dlgrader demo`` end to end: the example class graded in the sandbox, into nbgrader and Canvas files."""

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

# What each example deserves (examples/make_examples.py says why); a hostile one must not move anyone else.
EXPECTED = {
    "ana_perez": 20, "bruno_gonzalez": 20,  # reference-like, and the loop-based alternative
    "camila_rojas": 18, "karina_vega": 18, "sofia_ramirez": 15,  # partial
    "elena_martinez": 10,  # syntax error in entrenar_perceptron: zero on what it breaks only
    "felipe_soto": 10,  # infinite loop in entrenar_perceptron: one timeout, the rest still graded
    "isabel_torres": 10,  # renamed entrenar_perceptron: its checks only
    "hector_silva": 1,  # monkeypatches numpy.allclose / numpy.testing in the worker: the broker never sees it
    "diego_fernandez": 0,  # untouched stub
    "gabriela_munoz": 0,  # returns an object whose __eq__ is always True
    "javier_lopez": 0,  # not JSON
    "mateo_castro": 0,  # hostile: looks for the reference on disk
}
# 60 % exigencia on 22 points (20 automatic + 2 written, ungraded yet); half up to one decimal
GRADES = {"ana_perez": "6.3", "camila_rojas": "5.6", "sofia_ramirez": "4.6", "elena_martinez": "3.3",
          "hector_silva": "1.2", "diego_fernandez": "1.0", "luis_morales": "1.0"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo") / "curso"
    import io
    from contextlib import redirect_stdout

    buf = io.StringIO()
    with redirect_stdout(buf):
        code = main(["--root", str(REPO), "demo", "01_perceptron", "--out", str(out)])  # the others: test_assignments
    return code, buf.getvalue(), out


@pytest.mark.slow
def test_demo_exits_zero_and_says_where_the_files_are(demo):
    code, text, out = demo
    assert code == 0, text
    for name in ("gradebook.db", "grades_duoc.csv", "lms/canvas_grades.csv", "lms/moodle_grades.csv",
                 "lms/blackboard_grades.csv", "lms/blackboard_grades.xls", "lms/gradescope/01_perceptron",
                 "report/index.html"):
        assert (out / name).exists() and str(out / name) in text
    assert "Nota final parcial (7 % del curso evaluado)" in text
    assert "Aislamiento: " in text


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
    assert "ana_perez" in text and "6.3" in text and "Nota final parcial" in text
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


def _rendered(browser: str, page: Path) -> str:
    """The page's DOM after chromium loaded it, with each image's decoded width in ``data-widths``."""
    probe = page.with_name(page.stem + "_probe.html")
    probe.write_text(page.read_text(encoding="utf-8").replace(
        "</body>", "<script>window.addEventListener('load', () => { document.body.dataset.widths = "
                   "[...document.images].map(i => i.naturalWidth).join(','); });</script></body>"), encoding="utf-8")
    run = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                          "--virtual-time-budget=5000", "--dump-dom", probe.as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


@pytest.mark.slow
def test_report_pages_load_in_a_browser_with_their_figures(demo, browser, tmp_path):
    import re

    _, _, out = demo
    rubric = str(REPO / "rubric" / "duoc.yaml")
    assert main(["--root", str(REPO), "report", "--course", str(out), "--rubric", rubric,
                 "--out", str(tmp_path / "informe")]) == 0
    dom = _rendered(browser, tmp_path / "informe" / "index.html")
    widths = re.search(r'data-widths="([\d,]*)"', dom).group(1).split(",")
    assert len(widths) >= 2 and all(int(w) > 0 for w in widths), widths  # grade histogram, pass rates: all decoded
    assert 'id="01_perceptron"' in dom and 'class="mistake"' in dom
    assert all(f'href="estudiantes/{sid}.html"' in dom for sid in EXPECTED)
    page = tmp_path / "informe" / "estudiantes" / "camila_rojas.html"
    student = _rendered(browser, page)
    checks = re.findall(r'<tr class="check" data-check="([^"]+)">', student)
    assert len(checks) == 18 and student.count("✗") == student.count("<pre>") >= 1
    assert "Nota final parcial" in student and "Retroalimentación: camila_rojas" in student


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
