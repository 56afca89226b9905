"""The student's and the instructor's commands, run in-process: output, language and exit codes."""

from __future__ import annotations

import json

import pytest

from conftest import REPO
from dlgrader.cli import main
from dlgrader.material.notebook import read_cell_file

EXAMPLES = REPO / "examples" / "01_perceptron"


def run(capsys, *argv):
    code = main(["--root", str(REPO), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.slow
def test_check_complete_notebook_passes_in_spanish(capsys):
    code, out, _ = run(capsys, "check", "01_perceptron", "--notebook", str(EXAMPLES / "ana_perez.ipynb"))
    assert code == 0
    assert "✓ neurona con una entrada: la neurona AND del curso" in out
    assert "Puntaje: 7/7" in out and "verificaciones ocultas revisarán más casos" in out
    assert "✗" not in out


@pytest.mark.slow
def test_check_in_english_shows_the_failing_input_and_a_hint(capsys):
    code, out, _ = run(capsys, "--lang", "en", "check", "01_perceptron", "--notebook", str(EXAMPLES / "hector_silva.ipynb"))
    assert code == 1
    assert "✗" in out and "expected" in out and "hidden checks test more cases" in out
    assert "Puntaje" not in out


@pytest.mark.slow
def test_grade_json_is_one_document_with_every_check(capsys):
    code, out, _ = run(capsys, "grade", "01_perceptron", str(EXAMPLES / "camila_rojas.ipynb"), "--json")
    assert code == 0
    doc = json.loads(out)
    assert (doc["score"], doc["max_score"]) == (18.0, 20.0)
    assert {"id", "points", "max_points", "passed", "feedback"} <= set(doc["checks"][0])
    failed = [c for c in doc["checks"] if not c["passed"]]
    assert failed and all(c["points"] == 0 and c["feedback"] for c in failed)
    assert sum(c["points"] for c in doc["checks"]) == doc["score"]


@pytest.mark.slow
def test_grade_a_cell_file_keeps_the_stub_for_missing_cells(capsys, tmp_path):
    """A .py submission with only escalon must not borrow the reference for the rest."""
    cells = read_cell_file(REPO / "solutions" / "01_perceptron" / "solution.py")
    sub = tmp_path / "solo_escalon.py"
    sub.write_text("import numpy as np\n\n# %% [escalon]\n" + cells["escalon"], encoding="utf-8")
    code, out, _ = run(capsys, "grade", "01_perceptron", str(sub), "--json")
    doc = json.loads(out)
    assert code == 0 and doc["score"] == 4.0, [(c["id"], c["points"]) for c in doc["checks"]]


def test_bad_input_gives_a_clear_error_and_exit_code(capsys, tmp_path):
    code, _, err = run(capsys, "grade", "01_perceptron", str(tmp_path / "nada.ipynb"))
    assert code == 2 and "No existe el archivo" in err
    code, _, err = run(capsys, "--lang", "en", "grade", "99_nope", str(EXAMPLES / "ana_perez.ipynb"))
    assert code == 4 and "There is no assignment '99_nope'" in err and "01_perceptron" in err


def test_doctor_names_every_layer(capsys):
    code, out, _ = run(capsys, "doctor")
    assert code == 0 and "nivel de aislamiento" in out
    assert "bubblewrap" in out and "seccomp" in out


def test_grade_refuses_weak_isolation_unless_allowed(capsys, monkeypatch):
    """As autograde does: with weak isolation a submission could read solutions/ or write the results file."""
    from dlgrader.sandbox import probe
    from dlgrader.sandbox.isolation import Sandbox

    monkeypatch.setattr(probe, "detect", lambda: Sandbox(mode="plain", drop_uid=False, seccomp=False))
    code = main(["--root", str(REPO), "grade", "01_perceptron", str(EXAMPLES / "ana_perez.ipynb"), "--json"])
    out = capsys.readouterr()
    assert code == 3 and "--allow-weak-sandbox" in out.err and out.out == ""


def test_the_policy_lives_in_the_api_a_python_caller_gets_it_too(monkeypatch):
    """Grading for the record refuses weak isolation from Python as from the CLI; a student's own check never does."""
    from dlgrader import api
    from dlgrader.errors import UnsafeSandbox
    from dlgrader.sandbox import probe
    from dlgrader.sandbox.isolation import Sandbox

    weak = Sandbox(mode="plain", drop_uid=False, seccomp=False)
    monkeypatch.setattr(probe, "detect", lambda: weak)
    with pytest.raises(UnsafeSandbox):
        api.grade("01_perceptron", EXAMPLES / "ana_perez.ipynb", root=REPO)
    with pytest.raises(UnsafeSandbox):
        api.autograde("01_perceptron", REPO / "no-course", root=REPO)
    result = api.check("01_perceptron", EXAMPLES / "ana_perez.ipynb", root=REPO)
    assert all(c.passed for c in result.checks)


def test_lang_and_root_go_before_or_after_the_command(capsys):
    """As the README writes it: dlgrader check 01_perceptron --lang en (and --root after the command too)."""
    code, out, _ = run(capsys, "check", "01_perceptron", "--notebook", str(EXAMPLES / "ana_perez.ipynb"),
                       "--lang", "en", "--root", str(REPO))
    assert code == 0 and "Score: 7/7" in out
    code, out, _ = run(capsys, "--lang", "en", "check", "01_perceptron", "--notebook", str(EXAMPLES / "ana_perez.ipynb"))
    assert code == 0 and "Score: 7/7" in out
