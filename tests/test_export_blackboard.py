"""Blackboard Grade Center upload files, read back the way Blackboard's Work Offline → Upload reads them."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from dlgrader.errors import ConfigError
from dlgrader.lms.blackboard import HEADER, write_blackboard_csv, write_blackboard_xls
from dlgrader.lms.columns import Column

STUDENTS = [
    {"id": "jmunoz", "first_name": "José", "last_name": "Muñoz", "email": "jose.munoz@duocuc.cl", "lms_user_id": None},
    {"id": "inigo", "first_name": "Íñigo", "last_name": "Ñúñez", "email": "inigo@duocuc.cl", "lms_user_id": None},
    {"id": "raro", "first_name": "", "last_name": '=HYPERLINK("x")', "email": None, "lms_user_id": None},
]
TAREA = Column('Perceptrón: AND, OR y "XOR"', 20, {"jmunoz": 17.5, "raro": 0.1 + 0.2})  # inigo: no submission
FINAL = Column("Nota final", 7, {"jmunoz": 6.06, "inigo": 1.0, "raro": 2.345})
IDS = {'Perceptrón: AND, OR y "XOR"': 123456}
# A downloaded header: "Name [Total Pts: N Display] |column id"; N may read "up to N" and carry thousands commas
BB_HEADER = re.compile(r"^(?P<name>.+?) \[Total Pts: (?:up to )?(?P<points>[\d,]+(?:\.\d+)?) (?P<display>[A-Za-z/ ]+)\]"
                       r" \|(?P<id>\d+)$")
QUOTED_LINE = re.compile(r'^"(?:[^"]|"")*"(?:(?P<sep>[,\t])"(?:[^"]|"")*")*$')


def unquote(field: str) -> str:
    assert field.startswith('"') and field.endswith('"') and len(field) >= 2, field
    return field[1:-1].replace('""', '"')


def read_xls(path: Path) -> list[list[str]]:
    """Blackboard's tab file: UTF-16 LE with BOM, one record per CRLF line, fields split on tabs."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xff\xfe")
    text = raw[2:].decode("utf-16-le")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    return [[unquote(f) for f in line.split("\t")] for line in text[:-2].split("\r\n")]


def read_csv(path: Path) -> list[list[str]]:
    """The comma file: UTF-8 with BOM, every field enclosed in quotes (Blackboard's requirement)."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw[3:].decode("utf-8")
    assert all(QUOTED_LINE.match(line) for line in text.split("\r\n")[:-1])
    return list(csv.reader(io.StringIO(text, newline="")))


def upload(rows: list[list[str]]) -> tuple[dict[str, tuple[str, str | None]], dict[str, dict[str, str]]]:
    """Blackboard's reading: grade columns (header → (name, column id or None: a new column)), cells by username."""
    header = rows[0]
    assert header[:3] == ["Last Name", "First Name", "Username"] and all(len(r) == len(header) for r in rows)
    columns = {}
    for h in header[3:]:
        m = BB_HEADER.match(h)
        columns[h] = (m["name"], m["id"]) if m else (h, None)
    cells = {}
    for row in rows[1:]:
        assert row[2] and row[2] not in cells
        cells[row[2]] = dict(zip(header[3:], row[3:]))
    return columns, cells


@pytest.mark.parametrize("write, read", [(write_blackboard_csv, read_csv), (write_blackboard_xls, read_xls)])
def test_columns_and_grades_as_blackboard_reads_them(tmp_path, write, read):
    rows = read(write(tmp_path / "upload", STUDENTS, [TAREA, FINAL], column_ids=IDS))
    columns, cells = upload(rows)
    tarea = 'Perceptrón: AND, OR y "XOR" [Total Pts: 20 Score] |123456'
    assert columns == {tarea: ('Perceptrón: AND, OR y "XOR"', "123456"), "Nota final": ("Nota final", None)}
    assert cells == {
        "jmunoz": {tarea: "17.5", "Nota final": "6.06"},
        "inigo": {tarea: "", "Nota final": "1"},
        "raro": {tarea: "0.3", "Nota final": "2.35"},  # rounded half up to two places
    }
    assert [r[:2] for r in rows[1:]] == [["Muñoz", "José"], ["Ñúñez", "Íñigo"], ["'=HYPERLINK(\"x\")", ""]]


def test_both_files_carry_the_same_rows(tmp_path):
    options = {"column_ids": IDS, "zero_for_missing": True}
    as_csv = read_csv(write_blackboard_csv(tmp_path / "a.csv", STUDENTS, [TAREA, FINAL], **options))
    as_xls = read_xls(write_blackboard_xls(tmp_path / "a.xls", STUDENTS, [TAREA, FINAL], **options))
    assert as_csv == as_xls and as_csv[0][:3] == list(HEADER)
    assert upload(as_csv)[1]["inigo"]['Perceptrón: AND, OR y "XOR" [Total Pts: 20 Score] |123456'] == "0"


def test_the_tab_file_is_utf16_and_the_comma_file_utf8(tmp_path):
    xls = write_blackboard_xls(tmp_path / "a.xls", STUDENTS, [TAREA]).read_bytes()
    assert xls.startswith(b"\xff\xfe" + '"Last Name"\t'.encode("utf-16-le")) and "Ñúñez".encode("utf-16-le") in xls
    assert "Muñoz".encode("utf-8") not in xls
    raw = write_blackboard_csv(tmp_path / "a.csv", STUDENTS, [TAREA]).read_bytes()
    assert raw.startswith(b'\xef\xbb\xbf"Last Name","First Name","Username",') and "Ñúñez".encode() in raw


def test_the_username_can_come_from_another_roster_field(tmp_path):
    rows = read_csv(write_blackboard_csv(tmp_path / "a.csv", STUDENTS[:2], [TAREA], username="email"))
    assert set(upload(rows)[1]) == {"jose.munoz@duocuc.cl", "inigo@duocuc.cl"}


def test_students_without_username_are_refused_by_name(tmp_path):
    with pytest.raises(ConfigError) as err:
        write_blackboard_csv(tmp_path / "a.csv", STUDENTS, [TAREA], username="email")
    assert err.value.message("es").endswith("raro.") and "usuario" in err.value.message("es")
    assert not (tmp_path / "a.csv").exists()
    with pytest.raises(ConfigError, match="jmunoz, inigo, raro"):
        write_blackboard_xls(tmp_path / "a.xls", STUDENTS, [TAREA], username="lms_user_id")
    with pytest.raises(ValueError, match="unknown username key"):
        write_blackboard_xls(tmp_path / "a.xls", STUDENTS, [TAREA], username="nombre")


@pytest.mark.parametrize("columns, ids, fragment", [
    ([Column("Tarea", 10), Column("Tarea", 5)], {}, "repetida"),
    ([Column("A", 10), Column("B", 5)], {"A": 1, "B": "1"}, "dos columnas"),
    ([Column("Tarea |77", 10)], {}, "no leería"),
    ([Column("Username", 10)], {}, "no leería"),
    ([Column("Tarea", 10)], {"Tarea": "12a"}, "debe ser un número"),
    ([Column("Tarea", None)], {"Tarea": 12}, "puntaje total"),
    ([Column("Tarea", 10)], {"Otra": 12}, "Otra"),
    ([Column("Tarea\tdos", 10)], {}, "tabuladores"),
])
def test_headers_blackboard_would_misread_are_refused(tmp_path, columns, ids, fragment):
    with pytest.raises(ConfigError) as err:
        write_blackboard_xls(tmp_path / "a.xls", STUDENTS, columns, column_ids=ids)
    assert fragment in err.value.message("es")
    assert not (tmp_path / "a.xls").exists()


def test_a_line_break_in_a_name_is_refused(tmp_path):
    student = dict(STUDENTS[0], last_name="Muñoz\nSoto")
    with pytest.raises(ConfigError, match="line breaks"):
        write_blackboard_csv(tmp_path / "a.csv", [student], [TAREA])
