"""The Canvas import CSV, read back with the csv module as Canvas's importer would read it."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from dlgrader.course.grades import student_grades
from dlgrader.course.rubric import load_rubric
from dlgrader.errors import ConfigError
from dlgrader.lms.canvas import HEADER, write_canvas_csv
from dlgrader.lms.columns import Column, assignment_column, final_grade_column, number
from dlgrader.material.paths import find_material

DUOC = Path(__file__).resolve().parents[1] / "rubric" / "duoc.yaml"
# every assignment the rubric names; 01 out of 20 points, as the percentages below assume
KNOWN = {aid: find_material(DUOC.parents[1]).assignment(aid).max_points
         for aid in find_material(DUOC.parents[1]).assignment_ids()} | {"01_perceptron": 20.0}

STUDENTS = [
    {"id": "jmunoz", "first_name": "José", "last_name": "Muñoz", "email": "jose.munoz@duocuc.cl", "lms_user_id": "4411"},
    {"id": "aperez", "first_name": "Ana María", "last_name": "Pérez Núñez", "email": None, "lms_user_id": None},
    {"id": "nadie", "first_name": "Íñigo", "last_name": "Ñúñez", "email": "inigo@duocuc.cl", "lms_user_id": "4413"},
    {"id": "raro", "first_name": "", "last_name": "=HYPERLINK(\"x\")", "email": "", "lms_user_id": None},
]
SCORES = {  # gradebook.read_scores rows
    "jmunoz": {"score": 17.5, "max_score": 20.0},
    "aperez": {"score": 12.4, "max_score": 20.0},
    "nadie": {"score": None, "max_score": 20.0},
    "raro": {"score": 0.1 + 0.2, "max_score": 20.0},
}


def read(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def test_header_points_row_and_one_row_per_student(tmp_path):
    path = write_canvas_csv(tmp_path / "canvas.csv", STUDENTS,
                            [assignment_column("Perceptrón: AND, OR y XOR", SCORES, 20.0, canvas_id=98765)])
    rows = read(path)
    assert rows[0] == list(HEADER) + ["Perceptrón: AND, OR y XOR (98765)"]
    assert rows[1] == ["Points Possible", "", "", "", "", "20"]
    assert rows[2] == ["Muñoz, José", "4411", "jmunoz", "jose.munoz@duocuc.cl", "", "17.5"]
    assert rows[3] == ["Pérez Núñez, Ana María", "", "aperez", "aperez", "", "12.4"]
    assert rows[4] == ["Ñúñez, Íñigo", "4413", "nadie", "inigo@duocuc.cl", "", ""]  # nothing submitted: blank
    assert rows[5][0] == '="=HYPERLINK("x")"' and rows[5][-1] == "0.30000000000000004"
    assert len(rows) == 2 + len(STUDENTS) and all(len(r) == 6 for r in rows)


def test_utf8_without_bom_and_decimal_points(tmp_path):
    path = write_canvas_csv(tmp_path / "canvas.csv", STUDENTS[:1], [Column("Tarea", 7.25, {"jmunoz": 3.5})])
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and "Muñoz, José".encode("utf-8") in raw
    assert raw.count(b"\r\n") == 3 and b"3.5" in raw and b"3,5" not in raw and b"7.25" in raw


def test_missing_submissions_as_zero_and_without_points_row(tmp_path):
    path = write_canvas_csv(tmp_path / "canvas.csv", STUDENTS, [assignment_column("Perceptrón", SCORES, 20)],
                            zero_for_missing=True, points_row=False)
    rows = read(path)
    assert [r[0] for r in rows[1:]] == ["Muñoz, José", "Pérez Núñez, Ana María", "Ñúñez, Íñigo", '="=HYPERLINK("x")"']
    assert rows[3][-1] == "0" and rows[0][-1] == "Perceptrón"


def test_final_grade_column_from_the_rubric(tmp_path):
    rubric = load_rubric(DUOC, KNOWN)
    grades = student_grades(rubric, {"01_perceptron": SCORES})
    columns = [assignment_column("Perceptrón", SCORES, 20), final_grade_column(rubric, grades)]
    rows = read(write_canvas_csv(tmp_path / "canvas.csv", STUDENTS, columns))
    assert rows[0][-2:] == ["Perceptrón", "Nota final parcial"]
    assert rows[1][-1] == "7.0"
    finals = {r[2]: r[-1] for r in rows[2:]}
    # 87.5 % → 6.0625; 62 % → 4.15; 0.3 of 20 → 1.075
    assert finals == {"jmunoz": "6.1", "aperez": "4.2", "nadie": "1.0", "raro": "1.1"}


def test_a_known_canvas_id_keeps_one_column_whatever_the_title(tmp_path):
    rubric = load_rubric(DUOC, KNOWN)
    grades = student_grades(rubric, {"01_perceptron": SCORES})
    column = final_grade_column(rubric, grades, title="Nota DuocUC", canvas_id="555")
    assert column.header == "Nota DuocUC (555)"


@pytest.mark.parametrize("title, canvas_id, fragment", [
    ("Final Grade", None, "'Final Grade'"),
    ("Perceptrón (Current Score)", 12, "'Current Score'"),
    ("Unposted final score", None, "'Final Score'"),
    ("Total Final Points", None, "'Final Points'"),
    ("Tarea (2)", None, "id de tarea"),
    ("Section", None, "'Section'"),
    ("Tarea", "abc", "debe ser un número"),
])
def test_titles_canvas_would_drop_or_misread_are_refused(tmp_path, title, canvas_id, fragment):
    with pytest.raises(ConfigError) as err:
        write_canvas_csv(tmp_path / "x.csv", STUDENTS, [Column(title, 10, {}, canvas_id)])
    assert fragment in err.value.message("es")
    assert not (tmp_path / "x.csv").exists()


def test_words_canvas_keeps_are_allowed(tmp_path):
    """Only Canvas's total-column phrases are dropped; "Points" or "Grade" alone are ordinary titles."""
    rows = read(write_canvas_csv(tmp_path / "x.csv", STUDENTS, [Column("Points and Grade", 10, {})]))
    assert rows[0][-1] == "Points and Grade"


def test_duplicate_headers_are_refused(tmp_path):
    with pytest.raises(ConfigError):
        write_canvas_csv(tmp_path / "x.csv", STUDENTS, [Column("Tarea", 10), Column("Tarea", 5)])


def test_number_formatting():
    assert [number(v) for v in (None, 0, 10, 10.0, 2.5, 1e-7, Decimal("4.0"), Decimal("17.50"))] == [
        "", "0", "10", "10", "2.5", "0.0000001", "4.0", "17.50"]
    with pytest.raises(ValueError):
        number(float("nan"))
    with pytest.raises(TypeError):
        number(True)


def test_np_final_grade_is_blank_not_zero():
    """UNAM's NP is not a number: the final column stays blank for the LMS, while a 5 is written as 5."""
    unam = load_rubric(DUOC.with_name("unam.yaml"), KNOWN)
    grades = student_grades(unam, {"01_perceptron": {"ana": 20.0, "nadie": None}})
    col = final_grade_column(unam, grades)
    assert col.values["nadie"] is None and str(col.values["ana"]) == "10" and col.points_possible == 10
