"""``dlgrader export --template``: the LMS's own gradebook download filled in, read back as that LMS's importer reads it.

Each template is what the LMS downloads (its columns, ids, a test student, a grade typed by hand for Luis,
who submitted nothing). The importers are modelled from their source: Canvas's GradebookImporter
(``no_change_to_value?``) and upload page, Moodle's load_data.php for a column mapped to its existing
item, Blackboard's Work Offline upload (ids after ``|``, rows by Username).
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import REPO
from dlgrader.course.gradebook import ensure_students, sqlite_url
from dlgrader.errors import ConfigError
from dlgrader.lms.export import export
from lms_downloads import AID, SCORES, new_course, roster_rows, run_cli, score_course
from test_export_blackboard import read_xls, upload
from test_export_moodle import unformat_float

TITLE = "Perceptrón: AND, OR y XOR"  # the assignment's Spanish title (assignments/01_perceptron/assignment.toml)


@pytest.fixture(scope="module")
def scored(tmp_path_factory, empty_gradebook) -> Path:
    """01_perceptron registered and scored (no grading: the scores are recorded directly), built once."""
    return score_course(new_course(tmp_path_factory.mktemp("scored") / "curso", empty_gradebook, "moodle"), SCORES)


def scored_course(tmp_path: Path, scored: Path, lms: str) -> Path:
    """A copy of the scored course whose roster carries ``lms``'s ids."""
    course = Path(shutil.copytree(scored, tmp_path / "curso"))
    ensure_students(sqlite_url(course / "gradebook.db"), roster_rows(lms))
    return course


def changed_cells(before: list[list[str]], after: list[list[str]]) -> set[tuple[int, int]]:
    assert len(before) == len(after) and all(len(a) == len(b) for a, b in zip(after, before))
    return {(r, c) for r, (a, b) in enumerate(zip(after, before)) for c in range(len(a)) if a[c] != b[c]}


def same_lines_except(before: bytes, after: bytes, rows: set[int], encoding="utf-8") -> None:
    """Every line of a row dlgrader did not write is byte-identical."""
    b, a = before.decode(encoding).splitlines(True), after.decode(encoding).splitlines(True)
    assert len(a) == len(b) and all(a[i] == b[i] for i in range(len(b)) if i not in rows)


# ------------------------------------------------------------------ Canvas

CANVAS = ("Student,ID,SIS User ID,SIS Login ID,Section,\"Perceptrón: AND, OR y XOR (98765)\",Tarea 2 (98766),"
          "Nota final (98767),Current Score,Unposted Current Score,Final Score,Unposted Final Score\n"
          "    Points Possible,,,,,20.00,10.00,7.00,(read only),(read only),(read only),(read only)\n"
          "\"Pérez, Ana\",1001,ana_perez,ana.perez@alumnos.example.org,Sección 1,,8.00,,40.00,40.00,40.00,40.00\n"
          "\"González, Bruno\",1002,bruno_gonzalez,bruno.gonzalez@alumnos.example.org,Sección 1,,,,,,,\n"
          "\"Rojas, Camila\",1003,camila_rojas,camila.rojas@alumnos.example.org,Sección 1,,,,,,,\n"
          "\"Silva, Héctor\",1004,hector_silva,hector.silva@alumnos.example.org,Sección 1,,,,,,,\n"
          "\"Morales, Luis\",1006,luis_morales,luis.morales@alumnos.example.org,Sección 1,15.00,,,,,,\n"
          "\"Ramírez, Sofía\",1005,sofia_ramirez,sofia.ramirez@alumnos.example.org,Sección 1,,,,,,,\n"
          "\"Student, Test\",1099,,,Sección 1,,,,,,,\n")
_NON_ASSIGNMENT = re.compile("|".join(["Current Score", "Current Points", "Current Grade", "Final Score",
                                       "Final Points", "Final Grade", "Override Score", "Override Grade",
                                       "Override Status"]))
_TITLE_AND_ID = re.compile(r"\A(.*)\s\((\d+)\)\Z")


def _no_change(new: str | None, current: str | None) -> bool:
    """gradebook_importer.rb ``no_change_to_value?`` (without excused): blank and "-" are no score."""
    blank = lambda v: v is None or v.strip() in ("", "-")  # noqa: E731
    if new == current or (blank(new) and blank(current)):
        return True
    if blank(new) or blank(current):
        return False  # return false unless current_value.present? && new_value.present?
    return Decimal(new).quantize(Decimal("0.01")) == Decimal(current).quantize(Decimal("0.01"))


def canvas_posts(canvas_now: str, uploaded: Path, delimiter: str = ",") -> dict[tuple[str, str], str | None]:
    """What the upload page posts (``posted_grade`` per user and assignment id) when ``uploaded`` meets a Canvas
    whose gradebook is ``canvas_now``; None clears the grade (Submission.process_bulk_update → grade_student)."""
    def parse(text):
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        head = rows[0]
        assert head[:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
        ids = {i: m.group(2) for i, h in enumerate(head[5:], 5) if not _NON_ASSIGNMENT.search(h)
               for m in [_TITLE_AND_ID.match(h)] if m}
        return {(row[1], ids[i]): (row[i].strip() or None) for row in rows[1:]
                if "Points Possible" not in row[0] for i in ids}
    now, new = parse(canvas_now), parse(uploaded.read_text("utf-8"))
    return {key: value for key, value in new.items() if not _no_change(value, now.get(key))}


def test_canvas_template_posts_only_dlgraders_grades_and_keeps_everything_else(tmp_path, capsys, scored):
    course = scored_course(tmp_path, scored, "canvas")
    template = tmp_path / "descarga_canvas.csv"
    template.write_bytes(CANVAS.encode("utf-8"))
    out = run_cli(capsys, "export", "--course", str(course), "--to", "canvas", "--template", str(template),
                    "--rubric", str(REPO / "rubric" / "unam.yaml"), "--column", "final=98767")
    filled = course / "lms" / "descarga_canvas_dlgrader.csv"
    assert template.read_bytes() == CANVAS.encode("utf-8")  # the download itself is never touched
    assert f"  01_perceptron → {TITLE} (98765)" in out and "  final → Nota final (98767)" in out
    posts = canvas_posts(CANVAS, filled)
    assert {k: v for k, v in posts.items() if k[1] == "98765"} == {
        ("1001", "98765"): "20", ("1002", "98765"): "15", ("1003", "98765"): "12.5", ("1004", "98765"): "7.25",
        ("1005", "98765"): "3"}  # Luis (no submission, UNAM's blank) keeps the 15 typed in Canvas
    assert {k[1] for k in posts} == {"98765", "98767"}  # no other column changes
    assert ("1006", "98767") not in posts and posts[("1001", "98767")].isdigit()  # UNAM: whole numbers; NP blank
    before = list(csv.reader(io.StringIO(CANVAS, newline="")))
    after = list(csv.reader(io.StringIO(filled.read_text("utf-8"), newline="")))
    cells = changed_cells(before, after)
    assert {c for _, c in cells} <= {5, 7} and (6, 5) not in cells and not any(r in (0, 1, 8) for r, _ in cells)
    same_lines_except(CANVAS.encode(), filled.read_bytes(), {r for r, _ in cells})
    assert "luis_morales" not in out.split("replace")[0] and "Student, Test" in out  # the test student is left alone


def test_canvas_zero_policy_writes_zero_over_a_hand_grade_and_says_so(tmp_path, capsys, scored):
    course = scored_course(tmp_path, scored, "canvas")
    template = tmp_path / "descarga.csv"
    template.write_bytes(CANVAS.encode("utf-8"))
    out = run_cli(capsys, "export", "--course", str(course), "--to", "canvas", "--template", str(template),
                    "--rubric", str(REPO / "rubric" / "duoc.yaml"), "--out", str(tmp_path / "subir.csv"))
    assert "ceros por no entregar: 1;" in out
    assert f"luis_morales, {TITLE} (98765): 15.00 → 0" in out
    assert canvas_posts(CANVAS, tmp_path / "subir.csv")[("1006", "98765")] == "0"
    assert "  final → Nota final (98767)" in out  # found by its title, as the assignment was


def test_without_a_template_a_blank_clears_a_grade_canvas_has(tmp_path, scored):
    """Why the template matters: Canvas reads a blank as "clear", not "leave alone"."""
    course = scored_course(tmp_path, scored, "canvas")
    path = export(course, "canvas", rubric=REPO / "rubric" / "unam.yaml", root=REPO, columns={AID: "98765"},
                  out=tmp_path / "nuevo.csv")
    head = list(csv.reader(io.StringIO(path.read_text("utf-8"))))[0]
    assert f"01_perceptron {TITLE} (98765)" in head
    assert canvas_posts(CANVAS, path)[("1006", "98765")] is None  # Luis's 15 would be cleared


# ------------------------------------------------------------------ Moodle

MOODLE = ("\ufeffFirst name,Last name,ID number,Institution,Department,Email address,"
          f"\"Tarea: {TITLE} (Real)\",\"Tarea: {TITLE} (Porcentaje)\",Total del curso (Real),"
          "Last downloaded from this course\r\n"
          "Ana,Pérez,,DuocUC,,ana.perez@alumnos.example.org,-,-,-,1776600000\r\n"
          "Bruno,González,,DuocUC,,bruno.gonzalez@alumnos.example.org,-,-,-,1776600000\r\n"
          "Camila,Rojas,,DuocUC,,camila.rojas@alumnos.example.org,-,-,-,1776600000\r\n"
          "Héctor,Silva,,DuocUC,,hector.silva@alumnos.example.org,-,-,-,1776600000\r\n"
          "Luis,Morales,,DuocUC,,luis.morales@alumnos.example.org,\"15,00\",\"75,00 %\",\"15,00\",1776600000\r\n"
          "Sofía,Ramírez,,DuocUC,,sofia.ramirez@alumnos.example.org,-,-,-,1776600000\r\n"
          "Profe,Ayudante,,DuocUC,,ayudante@duocuc.cl,-,-,-,1776600000\r\n")


def moodle_existing_item(path: Path, column: str, decsep: str = ",") -> dict[str, float | None]:
    """load_data.php with "Email address" mapped to useremail and ``column`` to its existing grade item:
    ``update_grade_item`` turns '' and '-' into no grade, anything else goes through unformat_float."""
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8").removeprefix("\ufeff"), newline="")))
    head = [h.strip() for h in rows[0]]
    assert all(len(r) == len(head) for r in rows), "csvweirdcolumns"
    who, col = head.index("Email address"), head.index(column)
    out = {}
    for row in rows[1:]:
        value = row[col].strip()
        number = None if value in ("", "-") else unformat_float(value, decsep)
        assert number is not False, f"badgrade: {value!r}"
        out[row[who]] = number
    return out


@pytest.mark.parametrize("rubric, luis", [("unam.yaml", 15.0), ("duoc.yaml", 0.0)])
def test_moodle_template_as_moodle_imports_it(tmp_path, capsys, scored, rubric, luis):
    course = scored_course(tmp_path, scored, "moodle")
    template = tmp_path / "calificaciones.csv"
    template.write_bytes(MOODLE.encode("utf-8"))
    out = run_cli(capsys, "export", "--course", str(course), "--to", "moodle", "--template", str(template),
                    "--rubric", str(REPO / "rubric" / rubric))
    assert f"01_perceptron → Tarea: {TITLE} (Real)" in out
    filled = course / "lms" / "calificaciones_dlgrader.csv"
    got = moodle_existing_item(filled, f"Tarea: {TITLE} (Real)")
    assert got == {"ana.perez@alumnos.example.org": 20.0, "bruno.gonzalez@alumnos.example.org": 15.0,
                   "camila.rojas@alumnos.example.org": 12.5, "hector.silva@alumnos.example.org": 7.25,
                   "luis.morales@alumnos.example.org": luis, "sofia.ramirez@alumnos.example.org": 3.0,
                   "ayudante@duocuc.cl": None}
    raw = filled.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b",1776600000\r\n" in raw  # Moodle's export time is kept
    before = list(csv.reader(io.StringIO(MOODLE, newline="")))
    after = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    cells = changed_cells(before, after)
    assert {c for _, c in cells} == {6}
    same_lines_except(MOODLE.encode(), raw, {r for r, _ in cells})


def test_a_moodle_row_is_its_user_columns_never_a_first_name(tmp_path, scored):
    """A roster id equal to a first name ("camila") must not take Camila Rojas's row: rows go by e-mail here."""
    course = scored_course(tmp_path, scored, "moodle")
    ensure_students(sqlite_url(course / "gradebook.db"), [{"id": "camila", "first_name": "Camila", "last_name": "Soto"}])
    template = tmp_path / "calificaciones.csv"
    template.write_bytes(MOODLE.encode("utf-8"))
    result = export(course, "moodle", template=template, root=REPO)
    assert moodle_existing_item(result.path, f"Tarea: {TITLE} (Real)")["camila.rojas@alumnos.example.org"] == 12.5
    assert "camila" in result.not_in_file


def test_moodle_display_columns_are_never_written(tmp_path, scored):
    course = scored_course(tmp_path, scored, "moodle")
    template = tmp_path / "calificaciones.csv"
    template.write_bytes(MOODLE.encode("utf-8"))
    with pytest.raises(ConfigError) as err:
        export(course, "moodle", template=template, root=REPO, columns={AID: f"Tarea: {TITLE} (Porcentaje)"})
    assert "columna de visualización" in err.value.message("es") and "display columns" in err.value.message("en")


# ------------------------------------------------------------------ Blackboard

def _bb_xls(rows: list[list[str]]) -> bytes:
    text = "".join("\t".join('"' + c.replace('"', '""') + '"' for c in row) + "\r\n" for row in rows)
    return b"\xff\xfe" + text.encode("utf-16-le")


BB_ROWS = [["Last Name", "First Name", "Username", "Student ID", "Last Access", "Availability",
            "Tarea 1 [Total Pts: 20 Score] |123456", "Total [Total Pts: up to 20 Score] |123457"],
           ["Pérez", "Ana", "aperez", "", "2026-04-20 10:00:00", "Available", "", ""],
           ["González", "Bruno", "bgonzalez", "", "", "Available", "", ""],
           ["Rojas", "Camila", "crojas", "", "", "Available", "", ""],
           ["Silva", "Héctor", "hsilva", "", "", "Available", "", ""],
           ["Morales", "Luis", "lmorales", "", "", "Available", "15.00", "15.00"],
           ["Ramírez", "Sofía", "sramirez", "", "", "Available", "", ""],
           ["Prueba", "Usuario", "usuario_prueba", "", "", "Available", "", ""]]


def test_blackboard_xls_template_by_column_id(tmp_path, capsys, scored):
    course = scored_course(tmp_path, scored, "blackboard")
    template = tmp_path / "gc_Curso_fullgc.xls"
    template.write_bytes(_bb_xls(BB_ROWS))
    out = run_cli(capsys, "export", "--course", str(course), "--to", "blackboard-xls", "--template", str(template),
                    "--column", f"{AID}=123456", "--rubric", str(REPO / "rubric" / "unam.yaml"))
    filled = course / "lms" / "gc_Curso_fullgc_dlgrader.xls"
    columns, cells = upload(read_xls(filled))  # UTF-16 with BOM, every field quoted, rows by username
    assert columns["Tarea 1 [Total Pts: 20 Score] |123456"] == ("Tarea 1", "123456")
    assert f"  {AID} → Tarea 1 [Total Pts: 20 Score] |123456" in out.splitlines()
    assert {u: c["Tarea 1 [Total Pts: 20 Score] |123456"] for u, c in cells.items()} == {
        "aperez": "20", "bgonzalez": "15", "crojas": "12.5", "hsilva": "7.25", "lmorales": "15.00", "sramirez": "3",
        "usuario_prueba": ""}
    assert changed_cells(BB_ROWS, read_xls(filled)) == {(r, 6) for r in range(1, 7) if r != 5}
    same_lines_except(_bb_xls(BB_ROWS)[2:], filled.read_bytes()[2:], set(range(1, 7)), "utf-16-le")


@pytest.mark.parametrize("spec, words", [
    ("123457", "columna calculada"),
    ("Tarea 9", "ninguna columna"),
])
def test_a_column_blackboard_computes_or_that_is_not_there_is_refused(tmp_path, scored, spec, words):
    course = scored_course(tmp_path, scored, "blackboard")
    template = tmp_path / "gc.xls"
    template.write_bytes(_bb_xls(BB_ROWS))
    with pytest.raises(ConfigError) as err:
        export(course, "blackboard-xls", template=template, root=REPO, columns={AID: spec})
    assert words in err.value.message("es")
    assert not (course / "lms").exists()


def test_without_a_template_the_column_ids_reach_the_header(tmp_path, scored):
    """The gap the issue names: ``--column AID=ID`` makes Blackboard update its column instead of adding one."""
    course = scored_course(tmp_path, scored, "blackboard")
    path = export(course, "blackboard-xls", root=REPO, columns={AID: "123456"}, out=tmp_path / "bb.xls")
    columns, _ = upload(read_xls(path))
    assert (f"01_perceptron {TITLE}", "123456") in columns.values()
    with pytest.raises(ConfigError, match="Moodle"):
        export(course, "moodle", root=REPO, columns={AID: "123456"}, out=tmp_path / "m.csv")
    with pytest.raises(ConfigError, match="99_nada"):
        export(course, "canvas", root=REPO, columns={"99_nada": "1"}, out=tmp_path / "c.csv")


def test_an_assignment_given_two_columns_is_refused_by_the_api_and_the_cli(tmp_path, capsys, scored):
    """Which of two columns would get the grade is a guess: refused before anything is written, for any caller."""
    from dlgrader import api
    from dlgrader.cli import main

    course = scored_course(tmp_path, scored, "canvas")
    template = tmp_path / "descarga.csv"
    template.write_bytes(CANVAS.encode("utf-8"))
    with pytest.raises(ConfigError, match="twice"):
        api.export(course, "canvas", template=template, root=REPO, columns=[(AID, "98765"), (AID, TITLE)])
    code = main(["--root", str(REPO), "export", "--course", str(course), "--to", "canvas", "--template", str(template),
                 "--column", f"{AID}=98765", "--column", f"{AID}={TITLE}"])
    assert code == 4 and f"--column {AID} aparece dos veces." in capsys.readouterr().err
    assert not (course / "lms").exists()


def test_the_template_cannot_be_overwritten(tmp_path, scored):
    course = scored_course(tmp_path, scored, "canvas")
    template = tmp_path / "descarga.csv"
    template.write_bytes(CANVAS.encode("utf-8"))
    with pytest.raises(ConfigError, match="--out"):
        export(course, "canvas", template=template, root=REPO, out=template)
    assert template.read_bytes() == CANVAS.encode("utf-8")


def test_a_semicolon_canvas_file_stays_a_semicolon_file(tmp_path, scored):
    """Canvas's importer takes ';' too (``identify_delimiter``): the filled file keeps the separator it came with."""
    course = scored_course(tmp_path, scored, "canvas")
    semicolons = CANVAS.replace(",", ";")
    template = tmp_path / "descarga.csv"
    template.write_bytes(semicolons.encode("utf-8"))
    result = export(course, "canvas", template=template, root=REPO)
    assert result.path.read_text("utf-8").count(";") == semicolons.count(";")
    assert canvas_posts(semicolons, result.path, ";")[("1003", "98765")] == "12.5"


@pytest.mark.parametrize("lms, text, expected", [
    ("canvas", CANVAS, {"id": "hector_silva", "first_name": "Héctor", "last_name": "Silva", "lms_user_id": "1004",
                        "email": "hector.silva@alumnos.example.org"}),
    ("moodle", MOODLE, {"id": "hector.silva", "first_name": "Héctor", "last_name": "Silva", "lms_user_id": "",
                        "email": "hector.silva@alumnos.example.org"}),
])
def test_the_download_is_also_the_roster(tmp_path, lms, text, expected):
    """``dlgrader roster import DESCARGA --lms L``: one download gives the class list and the template."""
    from dlgrader.lms.roster import roster_from_download

    path = tmp_path / "descarga.csv"
    path.write_bytes(text.encode("utf-8"))
    rows = roster_from_download(path, lms)
    assert next(r for r in rows if r["last_name"] == "Silva") == expected
    assert len(rows) == 7 if lms == "moodle" else 6  # Canvas's Test Student and points row are left out


def test_a_blackboard_download_as_the_roster_through_the_cli(tmp_path, capsys, empty_gradebook):
    from dlgrader.course.gradebook import read_students

    course = new_course(tmp_path / "curso", empty_gradebook, None)
    template = tmp_path / "gc.xls"
    template.write_bytes(_bb_xls(BB_ROWS))
    assert "7 estudiantes" in run_cli(capsys, "roster", "import", str(template), "--lms", "blackboard",
                                      "--course", str(course))
    students = {s["id"]: s for s in read_students(sqlite_url(course / "gradebook.db"))}
    assert students["hsilva"]["first_name"] == "Héctor" and students["hsilva"]["lms_user_id"] == "hsilva"
