"""``dlgrader submissions import``: each LMS's download lands in nbgrader's submitted/ with every mismatch reported.

The downloads (tests/lms_downloads.py) follow each LMS's own naming; the table's lines are checked as an
instructor reads them, and the files as nbgrader reads them (its ``parse_utc`` for timestamp.txt).
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from nbgrader.utils import parse_utc

from conftest import REPO
from dlgrader.cli import main
from dlgrader.course.gradebook import open_gradebook, read_students, sqlite_url
from dlgrader.material.notebook import solution_cells
from lms_downloads import (AID, NB, PARTICIPANT, blackboard_download, blackboard_name, canvas_download, folder_download,
                           moodle_download, new_course, notebook, receipt, run_cli, stub, tree, write_zip)


def imported(course, *argv, lang="es"):
    return ["--lang", lang, "submissions", "import", AID, *map(str, argv), "--course", str(course)]


def submitted(course, sid):
    return course / "submitted" / sid / AID / NB


def answers(data: bytes) -> dict[str, str]:
    return {gid: src.strip() for gid, src in solution_cells(json.loads(data))[0].items()}


def line_of(out: str, start: str) -> str:
    return next(line for line in out.splitlines() if line.strip().startswith(start))


def test_moodle_folders_every_mismatch_in_the_table(tmp_path, capsys, empty_gradebook):
    course = new_course(tmp_path / "curso", empty_gradebook, "moodle")
    out = run_cli(capsys, *imported(course, moodle_download(tmp_path / "moodle.zip"), "--lms", "moodle"))
    for sid, lms_name, chosen in [("ana_perez", "Ana Pérez", NB),
                                  ("bruno_gonzalez", "BRUNO GONZALEZ", "01_perceptron-Copy1.ipynb"),
                                  ("camila_rojas", "Camila Rojas", "entrega.zip → 01_perceptron.ipynb"),
                                  ("hector_silva", "héctor silva", "01_perceptron (1).ipynb"),
                                  ("sofia_ramirez", "Ramírez, Sofía", "tarea.py (.py → .ipynb)")]:
        row = line_of(out, sid)
        assert lms_name in row and chosen in row and "nueva" in row, row
    assert "bruno_gonzalez: 01_perceptron-Copy1.ipynb: más respuestas (4); descartados: 01_perceptron.ipynb: 0" in out
    assert "«Pedro Páramo» (01_perceptron.ipynb): no coincide con nadie de la lista" in out
    assert "Sin entrega en esta descarga: luis_morales" in out
    assert ("Entradas sin el formato de nombres de Moodle (1): "
            "Ana Pérez_4101_assignsubmission_onlinetext/onlinetext.html") in out
    assert ("Nuevas: 5; actualizadas: 0; sin cambios: 0; mantenidas: 0; archivos sin coincidencia: 1; "
            "estudiantes sin entrega: 1.") in out
    # the files, as nbgrader and dlgrader read them
    assert submitted(course, "ana_perez").read_bytes() == notebook("ana_perez")
    assert submitted(course, "bruno_gonzalez").read_bytes() == notebook("bruno_gonzalez")
    assert submitted(course, "camila_rojas").read_bytes() == notebook("camila_rojas")
    assert answers(submitted(course, "sofia_ramirez").read_bytes()) == answers(notebook("sofia_ramirez"))
    assert not (course / "submitted" / "luis_morales").exists()
    assert not list(course.glob("submitted/*/*/timestamp.txt"))  # Moodle's zip has no submission time
    records = json.loads((course / "dlgrader" / "imports" / f"{AID}.json").read_text("utf-8"))["students"]
    assert {sid: r["moodle"]["ids"]["participant"] for sid, r in records.items()} == PARTICIPANT
    assert records["hector_silva"]["moodle"]["ids"]["folder"] == "héctor silva_4104_assignsubmission_file"
    kept = course / "dlgrader" / "imports" / AID / "originals" / "bruno_gonzalez"
    assert sorted(p.name for p in kept.rglob("*.ipynb")) == ["01_perceptron-Copy1.ipynb", NB]


def test_canvas_ids_names_and_its_late_mark(tmp_path, capsys, empty_gradebook):
    course = new_course(tmp_path / "curso", empty_gradebook, "canvas")
    out = run_cli(capsys, *imported(course, canvas_download(tmp_path / "canvas.zip"), "--lms", "canvas", lang="en"))
    assert "silvahéctor" in line_of(out, "hector_silva")  # no Canvas id on the roster: matched by name
    assert "01_perceptron-1.ipynb" in line_of(out, "bruno_gonzalez") and "yes / —" in line_of(out, "bruno_gonzalez")
    assert ("bruno_gonzalez: Canvas marks it late; nbgrader: on time (the download carries no submission time)"
            in out)
    assert "«páramopedro» (01_perceptron.ipynb): matches nobody on the roster" in out
    assert "entrega/01_perceptron.ipynb" in line_of(out, "camila_rojas")
    records = json.loads((course / "dlgrader" / "imports" / f"{AID}.json").read_text("utf-8"))["students"]
    assert records["ana_perez"]["canvas"]["ids"] == {"user": "1001", "attachment": "5001", "prefix": "pérezana"}
    assert records["bruno_gonzalez"]["canvas"]["late"] is True


def _due(course, when: datetime) -> None:
    with open_gradebook(sqlite_url(course / "gradebook.db")) as gb:
        gb.update_or_create_assignment(AID, duedate=when)


def test_blackboard_attempts_times_and_receipts(tmp_path, capsys, empty_gradebook):
    course = new_course(tmp_path / "curso", empty_gradebook, "blackboard")
    _due(course, datetime(2026, 4, 21, 0, 0))  # naive UTC, as nbgrader keeps it
    out = run_cli(capsys, *imported(course, blackboard_download(tmp_path / "bb.zip"), "--lms", "blackboard",
                                      "--timezone", "America/Santiago"))
    assert "zona America/Santiago" in out
    assert "HSILVA" in line_of(out, "hector_silva")  # the username's case differs from the roster's
    assert "01_perceptron.en.ipynb" in line_of(out, "hector_silva")  # his answers, in the English twin
    assert answers(submitted(course, "hector_silva").read_bytes()) == answers(notebook("hector_silva"))
    assert "Ramírez, Sofía" not in out and "sramirez" in line_of(out, "sofia_ramirez")
    bruno = line_of(out, "bruno_gonzalez")
    assert "2026-04-21 12:30" in bruno and "— / sí" in bruno  # 08:30 in Santiago (UTC-4), after the due date
    assert "— / no" in line_of(out, "ana_perez")
    assert "1 archivo(s) de intentos anteriores" in out
    assert submitted(course, "bruno_gonzalez").read_bytes() == notebook("bruno_gonzalez")
    stamp = (submitted(course, "bruno_gonzalez").parent / "timestamp.txt").read_text("utf-8")
    assert stamp == "2026-04-21 12:30:00.000000 UTC"  # nbgrader's exchange format
    assert parse_utc(stamp) == datetime(2026, 4, 21, 12, 30)
    assert "«pparamo»" in out and "no coincide con nadie" in out


def test_a_newer_download_updates_only_newer_submissions_and_deletes_nothing(tmp_path, capsys, empty_gradebook):
    course = new_course(tmp_path / "curso", empty_gradebook, "blackboard")
    first = blackboard_download(tmp_path / "bb1.zip")
    run_cli(capsys, *imported(course, first, "--lms", "blackboard", "--timezone", "UTC"))
    before = tree(course)
    # a day later: Ana sent a second attempt (her notebook with one more line); everyone else's is the same
    again = dict(zipped_files(first))
    newer = notebook("ana_perez").replace(b'"cells": [', b'"cells": [{"cell_type": "markdown", "metadata": {}, '
                                                        b'"source": ["Segundo intento"]},', 1)
    again[blackboard_name("aperez", "2026-04-22-09-00-00", NB)] = newer
    again[blackboard_name("aperez", "2026-04-22-09-00-00")] = receipt("Ana Pérez", "aperez", "x", [NB])
    out = run_cli(capsys, *imported(course, write_zip(tmp_path / "bb2.zip", again), "--lms", "blackboard",
                                      "--timezone", "UTC"))
    assert "actualizada" in line_of(out, "ana_perez")
    assert all("sin cambios" in line_of(out, sid) for sid in ("bruno_gonzalez", "camila_rojas", "hector_silva"))
    assert submitted(course, "ana_perez").read_bytes() == newer
    assert (submitted(course, "ana_perez").parent / "timestamp.txt").read_text() == "2026-04-22 09:00:00.000000 UTC"
    after = tree(course)
    assert set(before) <= set(after)  # nothing deleted
    changed = {k: v for k, v in before.items() if after[k] != v and not k.endswith(".json")}
    assert set(changed) == {f"submitted/ana_perez/{AID}/{NB}", f"submitted/ana_perez/{AID}/timestamp.txt"}
    replaced = [k for k in after if k.startswith(f"dlgrader/imports/{AID}/replaced/ana_perez/")]
    assert sorted(after[k] for k in replaced) == sorted(changed.values())  # the old ones moved aside
    # the first download again, now older than what was imported: Ana's newer attempt is kept
    out = run_cli(capsys, *imported(course, first, "--lms", "blackboard", "--timezone", "UTC"))
    assert "más antigua: se mantiene la anterior" in line_of(out, "ana_perez")
    assert submitted(course, "ana_perez").read_bytes() == newer


def zipped_files(path):
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def test_the_same_download_twice_changes_nothing(tmp_path, capsys, empty_gradebook):
    course = new_course(tmp_path / "curso", empty_gradebook, "moodle")
    download = moodle_download(tmp_path / "moodle.zip")
    run_cli(capsys, *imported(course, download, "--lms", "moodle"))
    before = tree(course)
    out = run_cli(capsys, *imported(course, download, "--lms", "moodle"))
    assert "Nuevas: 0; actualizadas: 0; sin cambios: 5;" in out
    after = tree(course)
    assert {k for k in after if after[k] != before.get(k)} <= {f"dlgrader/imports/{AID}.json", "dlgrader/autograde.lock"}


def test_a_submission_that_did_not_come_from_a_download_is_kept(tmp_path, capsys, empty_gradebook):
    """nbgrader's collect put Ana's notebook there; Moodle's download has no time to say it is newer."""
    course = new_course(tmp_path / "curso", empty_gradebook, "moodle")
    mine = submitted(course, "ana_perez")
    mine.parent.mkdir(parents=True)
    mine.write_bytes(stub())
    out = run_cli(capsys, *imported(course, moodle_download(tmp_path / "moodle.zip"), "--lms", "moodle"))
    assert "ya había otra: se mantiene" in line_of(out, "ana_perez")
    assert mine.read_bytes() == stub()
    # who she is in Moodle is recorded (her feedback goes to her folder), but not as the notebook's source
    record = json.loads((course / "dlgrader" / "imports" / f"{AID}.json").read_text("utf-8"))["students"]["ana_perez"]
    assert record["moodle"]["ids"]["folder"] == "Ana Pérez_4101_assignsubmission_file"
    assert "order" not in record["moodle"]
    again = run_cli(capsys, *imported(course, moodle_download(tmp_path / "moodle2.zip"), "--lms", "moodle"))
    assert "ya había otra: se mantiene" in line_of(again, "ana_perez") and mine.read_bytes() == stub()


def test_a_plain_folder_names_students_by_id_and_creates_them_without_a_roster(tmp_path, capsys, empty_gradebook):
    course = new_course(tmp_path / "curso", empty_gradebook, None)
    out = run_cli(capsys, *imported(course, folder_download(tmp_path / "entregas"), "--lms", "folder"))
    assert "Nuevas: 2;" in out and "(carpeta)" in out
    again = run_cli(capsys, *imported(course, tmp_path / "entregas", "--lms", "folder", lang="en"))
    assert "(folder)" in again and "carpeta" not in again and "unchanged: 2;" in again
    assert {s["id"] for s in read_students(sqlite_url(course / "gradebook.db"))} == {"ana_perez", "hector_silva"}
    assert submitted(course, "hector_silva").read_bytes() == notebook("hector_silva")


def test_an_lms_download_needs_the_roster(tmp_path, capsys, empty_gradebook):
    course = new_course(tmp_path / "curso", empty_gradebook, None)
    code = main(["--root", str(REPO), *imported(course, moodle_download(tmp_path / "m.zip"), "--lms", "moodle")])
    assert code == 4 and "dlgrader roster import" in capsys.readouterr().err
    assert not (course / "submitted").exists()


def test_a_name_two_students_share_matches_neither(tmp_path, capsys, empty_gradebook):
    from dlgrader.course.gradebook import ensure_students

    course = new_course(tmp_path / "curso", empty_gradebook, "moodle")
    twin = {"id": "ana_perez2", "first_name": "Ana", "last_name": "Perez"}
    ensure_students(sqlite_url(course / "gradebook.db"), [twin])
    out = run_cli(capsys, *imported(course, moodle_download(tmp_path / "moodle.zip"), "--lms", "moodle"))
    assert ("«Ana Pérez» (01_perceptron.ipynb): «Ana Pérez» corresponde a varios estudiantes "
            "(ana_perez, ana_perez2)") in out
    assert not submitted(course, "ana_perez").exists()


def test_an_upload_that_is_no_notebook_is_said_so(tmp_path, capsys, empty_gradebook):
    course = new_course(tmp_path / "curso", empty_gradebook, "moodle")
    download = write_zip(tmp_path / "m.zip", {
        "Ana Pérez_4101_assignsubmission_file/informe.pdf": b"%PDF-1.4",
        "Camila Rojas_4103_assignsubmission_file/notas.py": b"print('hola')\n",
    })
    out = run_cli(capsys, *imported(course, download, "--lms", "moodle"))
    assert "ana_perez: No subió ningún notebook (.ipynb)." in out and "sin notebook" in line_of(out, "ana_perez")
    assert "camila_rojas: notas.py es un .py sin celdas «# %% [id]»: no se puede calificar; pide el .ipynb." in out
    assert not (course / "submitted").exists()


@pytest.mark.parametrize("flat", [False, True])
def test_moodle_flat_files_and_older_folder_names(tmp_path, flat, empty_gradebook):
    """"Download submissions in folders" off, and Moodle before 4.1 (a trailing underscore on the folder)."""
    from dlgrader.lms.archive import open_download
    from dlgrader.lms.downloads import parse_download

    name = "Ana Pérez_4101_assignsubmission_file_" + ("01_perceptron.ipynb" if flat else "/01_perceptron.ipynb")
    uploads, other = parse_download(open_download(write_zip(tmp_path / "m.zip", {name: b"{}"})), "moodle", None)
    assert other == [] and [(u.uploader.names, u.file, u.lms["participant"]) for u in uploads] == [
        (("Ana Pérez",), NB, "4101")]


def test_a_download_unpacked_into_its_own_folder(tmp_path, capsys, empty_gradebook):
    """unzip makes a folder; the LMS's names are one level down and are still read."""
    import zipfile

    course = new_course(tmp_path / "curso", empty_gradebook, "canvas")
    folder = tmp_path / "descargas"
    with zipfile.ZipFile(canvas_download(tmp_path / "canvas.zip")) as zf:
        for info in zf.infolist():
            target = folder / "curso-tarea1 submissions" / info.filename.encode("cp437").decode("utf-8")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(zf.read(info))
    out = run_cli(capsys, *imported(course, folder, "--lms", "canvas"))
    assert "Nuevas: 5;" in out and "Entradas sin el formato" not in out


def test_an_import_is_refused_while_an_autograde_runs(tmp_path, empty_gradebook):
    """An import under a running autograde could move a notebook it is reading: it is refused, nothing written."""
    from dlgrader import api
    from dlgrader.course.lock import autograde_lock
    from dlgrader.errors import Busy

    course = new_course(tmp_path / "curso", empty_gradebook, "moodle")
    download = moodle_download(tmp_path / "m.zip")
    with autograde_lock(course), pytest.raises(Busy):
        api.import_submissions(AID, download, "moodle", course, root=REPO)
    assert not (course / "submitted").exists()
