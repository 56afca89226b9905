"""``dlgrader roster import``: a spreadsheet's class list into nbgrader's student table, or a reason why not."""

from __future__ import annotations

import pytest

from dlgrader.cli import main
from dlgrader.course import gradebook
from dlgrader.course.roster import read_roster
from dlgrader.errors import ConfigError

EXCEL_ES = ("\ufeffEstudiante;Nombre;Apellidos;Correo;lms_id\r\n"
            "jmunoz;José;Muñoz Núñez;jose@duocuc.cl;4411\r\n"
            ";;;;\r\n"
            "aperez;Ana María;Pérez;;\r\n")


def write(tmp_path, text: str, name: str = "lista.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_a_spanish_excel_file_with_semicolons_and_bom(tmp_path):
    rows = read_roster(write(tmp_path, EXCEL_ES))
    assert rows == [
        {"id": "jmunoz", "first_name": "José", "last_name": "Muñoz Núñez", "email": "jose@duocuc.cl", "lms_user_id": "4411"},
        {"id": "aperez", "first_name": "Ana María", "last_name": "Pérez", "email": "", "lms_user_id": ""},
    ]


def test_import_creates_and_then_updates_students(tmp_path, capsys):
    course = tmp_path / "curso"
    course.mkdir()
    assert main(["roster", "import", str(write(tmp_path, EXCEL_ES)), "--course", str(course)]) == 0
    assert "2 estudiantes" in capsys.readouterr().out
    update = write(tmp_path, "id,email\njmunoz,j.munoz@duocuc.cl\n", "cambio.csv")
    assert main(["roster", "import", str(update), "--course", str(course)]) == 0
    students = {s["id"]: s for s in gradebook.read_students(gradebook.sqlite_url(course / "gradebook.db"))}
    assert students["jmunoz"]["email"] == "j.munoz@duocuc.cl"
    assert students["jmunoz"]["lms_user_id"] == "4411" and students["jmunoz"]["last_name"] == "Muñoz Núñez"
    assert students["aperez"]["email"] is None


@pytest.mark.parametrize("text, words", [
    ("id,telefono\na,1\n", "telefono"),
    ("nombre,correo\nAna,a@x\n", "id"),
    ("id,email\na,a@x\na,b@x\n", "línea 3"),
    ("id,email\na,a@x,extra\n", "línea 2"),
    ("id,email\n,a@x\n", "falta el id"),
    ("", "vacío"),
])
def test_a_bad_roster_is_refused_naming_the_problem(tmp_path, text, words):
    with pytest.raises(ConfigError) as err:
        read_roster(write(tmp_path, text))
    assert words in err.value.message("es")


def test_not_utf8_and_missing_course_say_what_to_do(tmp_path, capsys):
    latin = tmp_path / "latin1.csv"
    latin.write_bytes("id,nombre\nñu,Ñandú\n".encode("latin-1"))
    with pytest.raises(ConfigError) as err:
        read_roster(latin)
    assert "CSV UTF-8" in err.value.message("es")
    assert main(["roster", "import", str(write(tmp_path, EXCEL_ES)), "--course", str(tmp_path / "no")]) == 4
    assert "No existe la carpeta del curso" in capsys.readouterr().err
