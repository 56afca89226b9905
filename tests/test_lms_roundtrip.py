"""The instructor's round trip with no hand step, once per LMS on one course: roster import, submissions import,
autograde, export --template, feedback. Every student whose file is there is graded (the chosen notebook,
accents and case included), the stray file and the duplicate are reported, and the filled template differs
from the download only in the graded column, as each importer reads it."""

from __future__ import annotations

import csv
import io

import pytest

from conftest import REPO
from lms_downloads import (AID, PARTICIPANT, blackboard_download, canvas_download, moodle_download, new_course,
                           roster_csv, run_cli)
from test_export_blackboard import read_xls, upload
from test_lms_feedback import moodle_reads
from test_lms_template import BB_ROWS, CANVAS, MOODLE, TITLE, _bb_xls, canvas_posts, changed_cells, moodle_existing_item

# what the demo notebooks score (examples/01_perceptron/students.py); Sofía's .py scores as her notebook does
POINTS = {"ana_perez": 20.0, "bruno_gonzalez": 20.0, "camila_rojas": 18.0, "hector_silva": 1.0, "sofia_ramirez": 16.0}
DUOC = str(REPO / "rubric" / "duoc.yaml")


def steps(capsys, tmp_path, course, lms: str, download, template, to: str) -> tuple[str, str]:
    downloaded = download.read_bytes(), template.read_bytes()
    run_cli(capsys, "roster", "import", str(roster_csv(tmp_path / f"lista_{lms}.csv", lms)), "--course", str(course))
    imported = run_cli(capsys, "submissions", "import", AID, str(download), "--lms", lms, "--course", str(course),
                   "--timezone", "UTC")
    run_cli(capsys, "autograde", AID, "--course", str(course), "--jobs", "2", progress=True)
    exported = run_cli(capsys, "export", "--course", str(course), "--to", to, "--template", str(template),
                   "--rubric", DUOC, "--column", f"{AID}={'123456' if lms == 'blackboard' else TITLE}")
    run_cli(capsys, "feedback", AID, "--course", str(course), "--to", lms, "--rubric", DUOC)
    assert (download.read_bytes(), template.read_bytes()) == downloaded  # the LMS's files are read, never changed
    return imported, exported


@pytest.mark.slow
def test_moodle_canvas_and_blackboard_round_trips(tmp_path, capsys, empty_gradebook):
    course = new_course(tmp_path / "curso", empty_gradebook, None)
    expected = {sid: str(int(p)) if p == int(p) else str(p) for sid, p in POINTS.items()}

    # Moodle: folders by full name; "BRUNO GONZALEZ" and "héctor silva" differ from the roster
    template = tmp_path / "calificaciones.csv"
    template.write_bytes(MOODLE.encode("utf-8"))
    imported, exported = steps(capsys, tmp_path, course, "moodle", moodle_download(tmp_path / "moodle.zip"),
                               template, "moodle")
    assert "Nuevas: 5;" in imported and "«Pedro Páramo»" in imported
    assert "01_perceptron-Copy1.ipynb: más respuestas" in imported
    filled = course / "lms" / "calificaciones_dlgrader.csv"
    got = moodle_existing_item(filled, f"Tarea: {TITLE} (Real)")
    emails = {f"{sid.replace('_', '.')}@alumnos.example.org": sid for sid in [*POINTS, "luis_morales"]}
    assert {emails[e]: v for e, v in got.items() if e in emails} == {**POINTS, "luis_morales": 0.0}  # duoc: zero
    rows = lambda text: list(csv.reader(io.StringIO(text, newline="")))  # noqa: E731
    assert {c for _, c in changed_cells(rows(MOODLE), rows(filled.read_bytes().decode("utf-8")))} == {6}
    reached = moodle_reads(course / "lms" / "feedback" / AID / f"moodle_{AID}.zip",
                           {pid: sid for sid, pid in PARTICIPANT.items()})
    assert sorted(user for user, _, _ in reached.values()) == sorted(POINTS)

    # Canvas: lower-case sortable names, a LATE mark, a .zip upload; the same files, so nothing is regraded
    template = tmp_path / "canvas.csv"
    template.write_bytes(CANVAS.encode("utf-8"))
    imported, exported = steps(capsys, tmp_path, course, "canvas", canvas_download(tmp_path / "canvas.zip"),
                               template, "canvas")
    assert "sin cambios: 5;" in imported and "«páramopedro»" in imported and "Canvas la marca tarde" in imported
    assert "bruno_gonzalez: 01_perceptron-1.ipynb: más respuestas (4); descartados: 01_perceptron.ipynb: 0" in imported
    posts = canvas_posts(CANVAS, course / "lms" / "canvas_dlgrader.csv")
    ids = {"1001": "ana_perez", "1002": "bruno_gonzalez", "1003": "camila_rojas", "1004": "hector_silva",
           "1005": "sofia_ramirez", "1006": "luis_morales"}
    assert {ids[u]: v for (u, a), v in posts.items() if a == "98765"} == {**expected, "luis_morales": "0"}
    assert {a for _, a in posts} <= {"98765", "98767"}
    cells = changed_cells(rows(CANVAS), rows((course / "lms" / "canvas_dlgrader.csv").read_bytes().decode("utf-8")))
    assert {c for _, c in cells} == {5, 7} and not {r for r, _ in cells} & {0, 1, 8}  # graded columns, student rows
    assert (course / "lms" / "feedback" / AID / "canvas" / "silvahéctor_1004" / f"retroalimentacion_{AID}.html").is_file()

    # Blackboard: attempts and receipts, a username in capitals; the column by its Grade Center id
    template = tmp_path / "gc.xls"
    template.write_bytes(_bb_xls(BB_ROWS))
    imported, exported = steps(capsys, tmp_path, course, "blackboard", blackboard_download(tmp_path / "bb.zip"),
                               template, "blackboard")
    assert "«pparamo»" in imported and "1 archivo(s) de intentos anteriores" in imported
    columns, cells = upload(read_xls(course / "lms" / "gc_dlgrader.xls"))
    users = {"aperez": "ana_perez", "bgonzalez": "bruno_gonzalez", "crojas": "camila_rojas", "hsilva": "hector_silva",
             "sramirez": "sofia_ramirez", "lmorales": "luis_morales"}
    got = {users[u]: c["Tarea 1 [Total Pts: 20 Score] |123456"] for u, c in cells.items() if u in users}
    assert got == {**expected, "luis_morales": "0"}
    assert changed_cells(BB_ROWS, read_xls(course / "lms" / "gc_dlgrader.xls")) == {(r, 6) for r in range(1, 7)}
    assert (course / "lms" / "feedback" / AID / "blackboard" / "HSILVA" / f"retroalimentacion_{AID}.html").is_file()
