"""The Moodle grade import CSV, read back the way Moodle's gradeimport_csv reads it."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest

from dlgrader.errors import ConfigError
from dlgrader.lms.columns import Column
from dlgrader.lms.moodle import write_moodle_csv

STUDENTS = [
    {"id": "jmunoz", "first_name": "José", "last_name": "Muñoz", "email": "jose.munoz@duocuc.cl", "lms_user_id": "4411"},
    {"id": "inigo", "first_name": "Íñigo", "last_name": "Ñúñez", "email": "inigo@duocuc.cl", "lms_user_id": "4413"},
    {"id": "raro", "first_name": "", "last_name": '=HYPERLINK("x")', "email": "raro@duocuc.cl", "lms_user_id": "4414"},
]
TAREA = Column('Perceptrón: AND, OR y "XOR"', 20, {"jmunoz": 17.5, "raro": 0.1 + 0.2})  # inigo: no submission
FINAL = Column("Nota final", Decimal("7.0"), {"jmunoz": Decimal("6.06"), "inigo": 1.0, "raro": 2.345})

# Moodle's mapping "Map to" options in order, with their English labels (the form's default matching order)
MAP_TO = (("userid", "User ID"), ("username", "Username"), ("useridnumber", "ID number"),
          ("useremail", "Email address"))
TIME_EXPORTED = "Last downloaded from this course"
# PHP's is_numeric (PHP 8): optional surrounding whitespace, sign, digits with an optional point, exponent
_PHP_NUMERIC = re.compile(r"[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*\Z")


def unformat_float(value: str, decsep: str) -> float | bool:
    """moodlelib's unformat_float($value, true): no spaces, local separator → point, is_numeric or False."""
    value = value.strip().replace(" ", "").replace(decsep, ".")
    return float(value) if _PHP_NUMERIC.match(value) else False


def moodle_import(path: Path, decsep: str = ".", existing: tuple[str, ...] = ()) -> dict[str, dict[str, float | None]]:
    """What Moodle stores per (identity value, grade item): every grade column imported as a new item,
    except the headers in ``existing``, mapped to an item Moodle already has.

    Mirrors csv_import_reader (UTF-8, comma, '"'; equal row lengths), the
    mapping form's identity preselection and load_data.php's per-cell rules:
    ``update_grade_item`` reads '' and '-' as no grade; ``import_new_grade_item``
    skips only '-', and the database layer stores a blank as 0
    (``normalise_value``); raises AssertionError where Moodle would stop the import.
    """
    text = path.read_bytes().decode("utf-8")
    text = text.removeprefix("\ufeff")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=",", quotechar='"'))
    header = [h.strip() for h in rows[0]]
    assert all(len(r) == len(header) for r in rows), "csvweirdcolumns"
    assert TIME_EXPORTED not in header
    mapfrom = next(header.index(label) for _, label in MAP_TO if label in header)
    names = {i for i, h in enumerate(header) if h in ("First name", "Last name")}  # left on "ignore"
    out, student = {}, None
    for row in rows[1:]:
        if len(row) <= 1:
            continue
        if row[mapfrom].strip():  # a blank identity keeps the previous row's student
            student = row[mapfrom].strip()
        assert student is not None, "usermappingerrorusernotfound"
        grades = out.setdefault(student, {})
        for i, value in enumerate(row):
            if i == mapfrom or i in names:
                continue
            value = value.strip()
            if value == "-" or (value == "" and header[i] in existing):
                grades[header[i]] = None
            elif value == "":
                grades[header[i]] = 0.0  # a new item: '' reaches a numeric column, normalise_value makes it 0
            else:
                number = unformat_float(value, decsep)
                assert number is not False, f"badgrade: {value!r}"
                grades[header[i]] = number
    return out


def test_each_student_is_found_by_email_and_each_grade_read_as_moodle_reads_it(tmp_path):
    path = write_moodle_csv(tmp_path / "moodle.csv", STUDENTS, [TAREA, FINAL])
    assert moodle_import(path) == {
        "jose.munoz@duocuc.cl": {'Perceptrón: AND, OR y "XOR"': 17.5, "Nota final": 6.06},
        "inigo@duocuc.cl": {'Perceptrón: AND, OR y "XOR"': None, "Nota final": 1.0},
        "raro@duocuc.cl": {'Perceptrón: AND, OR y "XOR"': 0.3, "Nota final": 2.35},  # rounded half up
    }


def test_the_file_row_by_row(tmp_path):
    path = write_moodle_csv(tmp_path / "moodle.csv", STUDENTS, [TAREA])
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and "Muñoz".encode() in raw and raw.count(b"\r\n") == 4
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert rows == [
        ["First name", "Last name", "Email address", 'Perceptrón: AND, OR y "XOR"'],
        ["José", "Muñoz", "jose.munoz@duocuc.cl", "17.5"],
        ["Íñigo", "Ñúñez", "inigo@duocuc.cl", "-"],  # no grade, as a new item too (a blank would be 0)
        ["", "'=HYPERLINK(\"x\")", "raro@duocuc.cl", "0.3"],  # a spreadsheet shows the name as text
    ]


def test_values_pass_under_a_point_or_a_comma_language_pack_and_a_comma_would_not(tmp_path):
    path = write_moodle_csv(tmp_path / "moodle.csv", STUDENTS, [TAREA, FINAL])
    assert moodle_import(path, decsep=",") == moodle_import(path, decsep=".")
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8"), newline="")))
    assert [r[3:] for r in rows[1:]] == [["17.5", "6.06"], ["-", "1"], ["0.3", "2.35"]]
    assert unformat_float("17,5", ".") is False and unformat_float("17,5", ",") == 17.5
    assert unformat_float("1,017.5", ",") is False  # a thousands separator never survives


@pytest.mark.parametrize("identity, header, key", [("username", "Username", "jmunoz"),
                                                   ("idnumber", "ID number", "4411"),
                                                   ("email", "Email address", "jose.munoz@duocuc.cl")])
def test_each_identity_writes_the_header_moodle_maps_and_its_value(tmp_path, identity, header, key):
    path = write_moodle_csv(tmp_path / "moodle.csv", STUDENTS, [TAREA], identity=identity)
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8"), newline="")))
    assert rows[0][2] == header and [r[0] for r in rows].count("First name") == 1
    assert moodle_import(path)[key] == {'Perceptrón: AND, OR y "XOR"': 17.5}


def test_no_grade_is_a_dash_because_moodle_stores_a_blank_new_item_as_zero(tmp_path):
    """load_data.php's import_new_grade_item skips only '-'; a blank reaches the database as 0."""
    path = write_moodle_csv(tmp_path / "moodle.csv", STUDENTS, [TAREA])
    title = 'Perceptrón: AND, OR y "XOR"'
    assert moodle_import(path)["inigo@duocuc.cl"] == {title: None}  # a new item
    assert moodle_import(path, existing=(title,))["inigo@duocuc.cl"] == {title: None}  # an existing item
    blank = tmp_path / "blank.csv"
    blank.write_text(path.read_text("utf-8").replace("inigo@duocuc.cl,-", "inigo@duocuc.cl,"), encoding="utf-8")
    assert moodle_import(blank)["inigo@duocuc.cl"] == {title: 0.0}  # what a blank would have done
    assert moodle_import(blank, existing=(title,))["inigo@duocuc.cl"] == {title: None}


def test_zero_for_missing_writes_zero_and_no_column_is_the_timestamp_moodle_checks(tmp_path):
    path = write_moodle_csv(tmp_path / "moodle.csv", STUDENTS, [TAREA], zero_for_missing=True)
    assert moodle_import(path)["inigo@duocuc.cl"] == {'Perceptrón: AND, OR y "XOR"': 0.0}
    assert TIME_EXPORTED not in path.read_text("utf-8")


def test_a_blank_identity_would_give_the_grades_to_the_previous_student(tmp_path):
    """Why missing identities are refused: Moodle does not skip such a row, it reuses the last student."""
    path = tmp_path / "hand.csv"
    path.write_text("Email address,Tarea\r\na@x.cl,10\r\n,3\r\n", encoding="utf-8")
    assert moodle_import(path) == {"a@x.cl": {"Tarea": 3.0}}


def test_students_without_the_identity_are_refused_by_name(tmp_path):
    students = STUDENTS + [{"id": "aperez", "first_name": "Ana", "last_name": "Pérez", "email": None,
                            "lms_user_id": None}, {"id": "bsoto", "first_name": "B", "last_name": "Soto",
                                                   "email": "  ", "lms_user_id": "9"}]
    with pytest.raises(ConfigError) as err:
        write_moodle_csv(tmp_path / "x.csv", students, [TAREA])
    assert "aperez, bsoto" in err.value.message("es") and "«Email address»" in err.value.message("es")
    assert "aperez, bsoto" in err.value.message("en")
    assert not (tmp_path / "x.csv").exists()
    write_moodle_csv(tmp_path / "x.csv", students[:-1], [TAREA], identity="username")  # every id is present


def test_students_sharing_an_identity_are_refused(tmp_path):
    twin = dict(STUDENTS[0], id="jmunoz2")
    with pytest.raises(ConfigError, match="jose.munoz@duocuc.cl"):
        write_moodle_csv(tmp_path / "x.csv", STUDENTS + [twin], [TAREA])


@pytest.mark.parametrize("columns", [
    [Column("Tarea", 10), Column("Tarea ", 5)],  # Moodle trims headers: the same column twice
    [Column(TIME_EXPORTED, 10)],
    [Column("Email address", 10)],
    [Column("  ", 10)],
])
def test_titles_moodle_would_merge_or_misread_are_refused(tmp_path, columns):
    with pytest.raises(ConfigError):
        write_moodle_csv(tmp_path / "x.csv", STUDENTS, columns)
    assert not (tmp_path / "x.csv").exists()


def test_unknown_identity_and_impossible_values_are_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown identity"):
        write_moodle_csv(tmp_path / "x.csv", STUDENTS, [TAREA], identity="nombre")
    with pytest.raises(ValueError):
        write_moodle_csv(tmp_path / "x.csv", STUDENTS, [Column("T", 10, {"jmunoz": float("nan")})])
    with pytest.raises(TypeError):
        write_moodle_csv(tmp_path / "x.csv", STUDENTS, [Column("T", 10, {"jmunoz": True})])
