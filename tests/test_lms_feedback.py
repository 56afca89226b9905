"""``dlgrader feedback``: each page goes where the LMS takes it back, checked against the download it answers.

Moodle's zip is read by a port of assignfeedback_file_zip_importer::is_valid_filename_for_import
(mod/assign/feedback/file/importziplib.php): every page must reach the participant whose files had
that folder in the download.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import REPO
from dlgrader.cli import main
from lms_downloads import (AID, PARTICIPANT, ROSTER, SCORES, blackboard_name, canvas_download, moodle_download,
                           new_course, notebook, receipt, run_cli, score_course, write_zip, zipped_entries)


@pytest.fixture(scope="module")
def graded(tmp_path_factory, empty_gradebook) -> Path:
    """The class scored and saved as autograde leaves it, plus Luis, graded although no download brings him."""
    course = new_course(tmp_path_factory.mktemp("graded") / "curso", empty_gradebook, "moodle")
    return score_course(course, {**SCORES, "luis_morales": 0})


NAMES = {sid: f"{first} {last}" for sid, first, last, _ in ROSTER}


def moodle_reads(zip_path: Path, participants: dict[str, str]) -> dict[str, tuple[str, str, str]]:
    """is_valid_filename_for_import on each file of the zip, extracted under /import/ as extract_to_storage does:
    participant id -> (user, plugin type/name, file name)."""
    found = {}
    with zipfile.ZipFile(zip_path) as zf:
        for info in zf.infolist():
            if info.is_dir() or info.filename.rsplit("/", 1)[-1].startswith((".", "~")):
                continue
            parts = ("/import/" + info.filename).split("/")
            while parts:
                info_ = parts.pop(0).split("_", 4)  # explode('_', $pathpart, 5)
                if len(info_) < 4 or not info_[1].isdigit() or info_[1] not in participants:
                    continue
                plugin = (info_[2], info_[3])
                if plugin != ("assignsubmission", "file"):
                    continue
                rest = info_[4] if len(info_) == 5 else ""
                found[info_[1]] = (participants[info_[1]], "/".join(plugin), "/".join([rest, *parts]))
                break
    return found


def test_moodle_zip_reaches_each_participant_of_the_download(tmp_path, capsys, graded):
    course = Path(shutil.copytree(graded, tmp_path / "curso"))
    run_cli(capsys, "submissions", "import", AID, str(moodle_download(tmp_path / "moodle.zip")), "--lms", "moodle",
        "--course", str(course))
    out = run_cli(capsys, "feedback", AID, "--course", str(course), "--to", "moodle")
    zip_path = course / "lms" / "feedback" / AID / f"moodle_{AID}.zip"
    assert f"Páginas de retroalimentación: 5, en {zip_path}" in out
    assert "«Subir varios archivos de retroalimentación en un ZIP»" in out
    assert "luis_morales: no venía en la descarga de Moodle" in out
    participants = {pid: sid for sid, pid in PARTICIPANT.items()}
    reached = moodle_reads(zip_path, participants)
    assert {pid: user for pid, (user, _, _) in reached.items()} == participants
    assert {name for _, _, name in reached.values()} == {f"/retroalimentacion_{AID}.html"}  # not a submitted file's
    with zipfile.ZipFile(zip_path) as zf:
        for name in zf.namelist():
            sid = participants[name.split("_")[1]]
            page = zf.read(name).decode("utf-8")
            assert f"Retroalimentación: {NAMES[sid]}</h1><p class='sub'>{sid}" in page  # this student's own page
            assert "<script" not in page
            assert " src=" not in page and "stylesheet" not in page  # self-contained
    downloaded = {n.split("/")[0] for n in zipped_entries(tmp_path / "moodle.zip")}
    assert {n.split("/")[0] for n in zf.namelist()} <= downloaded  # the download's own folder names


def test_canvas_and_blackboard_get_a_folder_per_student_and_say_why(tmp_path, capsys, graded):
    course = Path(shutil.copytree(graded, tmp_path / "curso"))
    from dlgrader.course.gradebook import ensure_students, sqlite_url
    from lms_downloads import roster_rows

    ensure_students(sqlite_url(course / "gradebook.db"), roster_rows("canvas"))
    run_cli(capsys, "submissions", "import", AID, str(canvas_download(tmp_path / "c.zip")), "--lms", "canvas",
        "--course", str(course))
    out = run_cli(capsys, "--lang", "en", "feedback", AID, "--course", str(course), "--to", "canvas")
    folder = course / "lms" / "feedback" / AID / "canvas"
    assert "Canvas takes no feedback pages in bulk" in out
    assert (folder / "pérezana_1001" / f"feedback_{AID}.html").is_file()
    assert (folder / "luis_morales" / f"feedback_{AID}.html").is_file()  # not in the download: by id
    assert "pérezana_1001/feedback_01_perceptron.html" in (folder / "README.txt").read_text("utf-8")
    out = run_cli(capsys, "feedback", AID, "--course", str(course), "--to", "blackboard")
    assert "Blackboard no recibe archivos de retroalimentación en bloque" in out
    assert (course / "lms" / "feedback" / AID / "blackboard" / "ana_perez" / f"retroalimentacion_{AID}.html").is_file()


def test_a_hostile_receipt_cannot_choose_where_a_page_goes(tmp_path, capsys, graded):
    course = Path(shutil.copytree(graded, tmp_path / "curso"))
    from dlgrader.course.gradebook import ensure_students, sqlite_url
    from lms_downloads import roster_rows

    ensure_students(sqlite_url(course / "gradebook.db"), roster_rows("blackboard"))
    stamp = "2026-04-20-09-00-00"
    download = write_zip(tmp_path / "bb.zip", {
        blackboard_name("aperez", stamp): receipt("Ana Pérez", "../../../fuera", stamp, ["01_perceptron.ipynb"]),
        blackboard_name("aperez", stamp, "01_perceptron.ipynb"): notebook("ana_perez"),
    })
    run_cli(capsys, "submissions", "import", AID, str(download), "--lms", "blackboard", "--course", str(course))
    run_cli(capsys, "feedback", AID, "--course", str(course), "--to", "blackboard")
    records = (course / "dlgrader" / "imports" / f"{AID}.json").read_text("utf-8")
    assert '"username": "../../../fuera"' in records  # what the receipt claimed
    pages = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob(f"retroalimentacion_{AID}.html"))
    assert f"curso/lms/feedback/{AID}/blackboard/ana_perez/retroalimentacion_{AID}.html" in pages
    assert all(p.startswith(f"curso/lms/feedback/{AID}/blackboard/") for p in pages)
    assert not list(tmp_path.rglob("fuera"))


def test_feedback_before_autograde_says_what_to_do(tmp_path, capsys, empty_gradebook):
    course = new_course(tmp_path / "curso", empty_gradebook, "moodle")
    code = main(["--root", str(REPO), "feedback", AID, "--course", str(course), "--to", "folder"])
    assert code == 4 and "autograde" in capsys.readouterr().err
