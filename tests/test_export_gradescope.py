"""Gradescope results.json, loaded back and checked against the autograder specification's schema."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from dlgrader.errors import ConfigError
from dlgrader.lms.gradescope import gradescope_results, write_gradescope_dir, write_gradescope_results
from dlgrader.results import CheckResult, SubmissionResult
from dlgrader.text import Text

VISIBILITY = {"visible", "hidden", "after_due_date", "after_published"}
TEST_KEYS = {"score", "max_score", "name", "number", "output", "tags", "visibility", "extra_data"}
TOP_KEYS = {"score", "execution_time", "output", "visibility", "stdout_visibility", "extra_data", "tests",
            "leaderboard"}


def check(cid, points, max_points, passed, public, **extra) -> CheckResult:
    return CheckResult(cid, Text(f"Compuerta {cid}: «Muñoz», ¿sí?", f"Gate {cid}: 'Muñoz', yes?"), points,
                       max_points, passed, public, **extra)


SUBMISSION = SubmissionResult("01_perceptron", "jmunoz", [
    check("and", 5.0, 5.0, True, True),
    check("or", 0.1 + 0.2, 5.0, False, True, message=Text("Salida errónea para (1, 0).", "Wrong output for (1, 0)."),
          counterexample="x=[1, 0]", hint=Text("Revisa el sesgo.", "Check the bias.")),
    check("xor", 2.345, 10.0, False, False, message=Text("No separa XOR.", "Does not separate XOR.")),
    check('=cmd|"/c calc"!A1, "x"', 0.0, 0.5, False, False),
])


def load(path: Path) -> dict:
    """json.load, then the specification's types: every key known, numbers numeric, visibilities valid."""
    raw = path.read_bytes()
    raw.decode("ascii")  # accents are escaped: no encoding to guess
    doc = json.loads(raw)
    assert set(doc) <= TOP_KEYS and isinstance(doc["score"], float) and isinstance(doc["tests"], list)
    assert isinstance(doc.get("output", ""), str)
    for t in doc["tests"]:
        assert set(t) <= TEST_KEYS and isinstance(t["name"], str) and isinstance(t["output"], str)
        assert isinstance(t["score"], float) and isinstance(t["max_score"], float) and t["visibility"] in VISIBILITY
    return doc


def test_each_check_is_a_test_with_its_points_feedback_and_visibility(tmp_path):
    doc = load(write_gradescope_results(tmp_path / "results.json", SUBMISSION))
    assert [(t["score"], t["max_score"], t["visibility"], t["extra_data"]["check_id"]) for t in doc["tests"]] == [
        (5.0, 5.0, "visible", "and"),
        (0.3, 5.0, "visible", "or"),
        (2.35, 10.0, "after_published", "xor"),  # a hidden check shows once grades are published
        (0.0, 0.5, "after_published", '=cmd|"/c calc"!A1, "x"'),
    ]
    assert doc["tests"][1]["name"] == "Compuerta or: «Muñoz», ¿sí?"
    assert doc["tests"][1]["output"] == "Salida errónea para (1, 0).\nContraejemplo mínimo: x=[1, 0]\nPista: Revisa el sesgo."
    assert doc["tests"][0]["output"] == "" and doc["tests"][3]["name"].startswith('Compuerta =cmd|"/c calc"')
    assert "output" not in doc


def test_the_total_is_the_sum_of_the_test_scores(tmp_path):
    doc = load(write_gradescope_results(tmp_path / "results.json", SUBMISSION))
    assert doc["score"] == 7.65
    assert sum(Decimal(repr(t["score"])) for t in doc["tests"]) == Decimal(repr(doc["score"]))


def test_english_feedback(tmp_path):
    doc = load(write_gradescope_results(tmp_path / "results.json", SUBMISSION, "en"))
    assert doc["tests"][2]["name"] == "Gate xor: 'Muñoz', yes?" and doc["tests"][2]["output"] == "Does not separate XOR."
    with pytest.raises(ValueError):
        gradescope_results(SUBMISSION, "fr")


def test_a_broken_notebook_reports_its_problems_at_the_top_with_a_zero_score(tmp_path):
    broken = SubmissionResult("01_perceptron", "inigo", [], [
        Text("El cuaderno no es JSON válido.", "The notebook is not valid JSON."),
        Text("Falta la celda «pesos».", "The cell 'pesos' is missing.")])
    doc = load(write_gradescope_results(tmp_path / "results.json", broken))
    assert doc == {"score": 0.0, "tests": [], "output": "El cuaderno no es JSON válido.\nFalta la celda «pesos»."}


def test_one_results_file_per_student(tmp_path):
    other = SubmissionResult("01_perceptron", "Íñigo.Ñúñez", [check("and", 1.0, 5.0, False, True)])
    paths = write_gradescope_dir(tmp_path / "out", [SUBMISSION, other])
    assert paths == [tmp_path / "out" / "jmunoz" / "results.json", tmp_path / "out" / "Íñigo.Ñúñez" / "results.json"]
    assert load(paths[0]) == gradescope_results(SUBMISSION)
    assert load(paths[1])["score"] == 1.0


@pytest.mark.parametrize("student", [None, "", "..", "a/b", "a\\b"])
def test_a_result_without_a_usable_student_writes_nothing(tmp_path, student):
    bad = SubmissionResult("01_perceptron", student, [])
    with pytest.raises(ConfigError):
        write_gradescope_dir(tmp_path / "out", [SUBMISSION, bad])
    assert not (tmp_path / "out").exists()


def test_a_student_twice_writes_nothing(tmp_path):
    with pytest.raises(ConfigError, match="two results"):
        write_gradescope_dir(tmp_path / "out", [SUBMISSION, SUBMISSION])
    assert not (tmp_path / "out").exists()


def test_points_that_are_not_numbers_are_refused():
    for points in (float("nan"), float("inf"), True):
        with pytest.raises(ValueError):
            gradescope_results(SubmissionResult("a", "s", [check("x", points, 1.0, False, True)]))
