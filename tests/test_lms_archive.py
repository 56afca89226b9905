"""A hostile download harms nothing: every bad-archive kind is refused with one sentence, exit code 2, and
not one byte changes in the course or anywhere else."""

from __future__ import annotations

import os
import zipfile

import pytest

from conftest import REPO
from dlgrader.cli import main
from dlgrader.errors import BadArchive
from dlgrader.lms import archive
from dlgrader.lms.archive import open_download
from lms_downloads import AID, BAD_ARCHIVES, moodle_download, new_course, notebook, tree, write_zip, zipped


def run(capsys, *argv):
    code = main(["--root", str(REPO), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("kind", sorted(BAD_ARCHIVES))
def test_each_bad_archive_is_refused_and_nothing_is_written(kind, tmp_path, capsys, empty_gradebook):
    build, words = BAD_ARCHIVES[kind]
    course = new_course(tmp_path / "curso", empty_gradebook, "moodle")
    bad = build(tmp_path / f"{kind}.zip")
    before, around = tree(course), tree(tmp_path)
    code, out, err = run(capsys, "submissions", "import", AID, str(bad), "--lms", "moodle", "--course", str(course))
    assert code == 2 and out == ""
    assert err.startswith(f"error: {bad.name}: ") and words in err and err.rstrip().endswith("no se escribió nada.")
    assert err.count("\n") == 1  # one sentence
    assert tree(course) == before and tree(tmp_path) == around
    assert not list(tmp_path.rglob("evil*")) and not (course / "submitted").exists()
    code, _, err = run(capsys, "--lang", "en", "submissions", "import", AID, str(bad), "--lms", "moodle",
                       "--course", str(course))
    assert code == 2 and "nothing was written." in err and "no se escribió" not in err


def test_an_absolute_path_anywhere_is_not_written(tmp_path, capsys, empty_gradebook):
    course = new_course(tmp_path / "curso", empty_gradebook, "moodle")
    target = tmp_path / "fuera" / "evil.ipynb"
    bad = write_zip(tmp_path / "abs.zip", {"Ana Pérez_4101_assignsubmission_file/ok.ipynb": notebook("ana_perez"),
                                           str(target): b"{}"})
    code, _, err = run(capsys, "submissions", "import", AID, str(bad), "--lms", "moodle", "--course", str(course))
    assert code == 2 and "ruta absoluta" in err
    assert not target.exists() and not (course / "submitted").exists()


def test_a_member_larger_than_it_declares_stops_the_import_before_any_write(tmp_path, capsys, empty_gradebook):
    """zipfile returns no more than the declared size and checks the CRC: a lying header is unreadable."""
    course = new_course(tmp_path / "curso", empty_gradebook, "moodle")
    path = tmp_path / "mentira.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("Ana Pérez_4101_assignsubmission_file/01_perceptron.ipynb", notebook("ana_perez"))
        zf.writestr("Bruno González_4102_assignsubmission_file/01_perceptron.ipynb", b"A" * 1000)
    data = bytearray(path.read_bytes())
    size = (1000).to_bytes(4, "little")
    for at in [i for i in range(len(data)) if data[i:i + 4] == size]:
        data[at:at + 4] = (10).to_bytes(4, "little")  # both headers now say 10 bytes
    path.write_bytes(bytes(data))
    code, _, err = run(capsys, "submissions", "import", AID, str(path), "--lms", "moodle", "--course", str(course))
    assert code == 2 and "no se pudo leer" in err
    assert not (course / "submitted").exists()


def test_the_total_size_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_TOTAL", 1000)
    bad = write_zip(tmp_path / "grande.zip", {"a.ipynb": b"x" * 600, "b.ipynb": b"y" * 600})
    with pytest.raises(BadArchive) as err:
        open_download(bad)
    assert "bomba zip" in err.value.message("es") and "zip bomb" in err.value.message("en")
    monkeypatch.setattr(archive, "MAX_TOTAL", 1200)
    assert [e.path for e in open_download(bad)] == ["a.ipynb", "b.ipynb"]


def test_a_folder_with_a_symlink_or_a_non_utf8_name_is_refused(tmp_path):
    folder = tmp_path / "descarga"
    folder.mkdir()
    (folder / "ana_perez.ipynb").write_bytes(notebook("ana_perez"))
    assert [e.name for e in open_download(folder)] == ["ana_perez.ipynb"]
    os.symlink("/etc/passwd", folder / "bruno.ipynb")
    with pytest.raises(BadArchive, match="symbolic link"):
        open_download(folder)
    (folder / "bruno.ipynb").unlink()
    os.mkdir(os.fsencode(folder) + b"/P\xe9rez")
    with pytest.raises(BadArchive) as err:
        open_download(folder)
    assert "no está en UTF-8" in err.value.message("es")


def test_rubyzip_names_without_the_utf8_flag_are_read_as_utf8(tmp_path):
    path = write_zip(tmp_path / "canvas.zip", {"pérezana_1001_5001_01_perceptron.ipynb": b"{}"}, utf8_flag=False)
    with zipfile.ZipFile(path) as zf:
        assert zf.infolist()[0].flag_bits & 0x800 == 0
    assert [e.name for e in open_download(path)] == ["pérezana_1001_5001_01_perceptron.ipynb"]


def test_system_files_are_left_out(tmp_path):
    path = write_zip(tmp_path / "mac.zip", {"__MACOSX/._a.ipynb": b"x", ".DS_Store": b"x", "carpeta/Thumbs.db": b"x",
                                            "carpeta/a.ipynb": b"{}"})
    assert [e.path for e in open_download(path)] == ["carpeta/a.ipynb"]


def test_a_bad_zip_a_student_uploaded_costs_that_student_only(tmp_path, capsys, empty_gradebook):
    """A traversal inside one student's .zip is that student's problem; the class is imported."""
    course = new_course(tmp_path / "curso", empty_gradebook, "moodle")
    download = write_zip(tmp_path / "moodle.zip", {
        "Ana Pérez_4101_assignsubmission_file/01_perceptron.ipynb": notebook("ana_perez"),
        "Camila Rojas_4103_assignsubmission_file/entrega.zip": zipped({"../../evil.ipynb": notebook("camila_rojas")}),
    })
    code, out, _ = run(capsys, "submissions", "import", AID, str(download), "--lms", "moodle", "--course", str(course))
    assert code == 0
    assert "camila_rojas: El .zip subido no se abrió: entrega.zip: la entrada '../../evil.ipynb' sale de su carpeta" in out
    assert (course / "submitted" / "ana_perez" / AID / "01_perceptron.ipynb").is_file()
    assert not (course / "submitted" / "camila_rojas" / AID / "01_perceptron.ipynb").exists()
    assert not list(tmp_path.rglob("evil*"))


def test_a_missing_download_or_an_unknown_lms(tmp_path, capsys, empty_gradebook):
    course = new_course(tmp_path / "curso", empty_gradebook, "moodle")
    code, _, err = run(capsys, "submissions", "import", AID, str(tmp_path / "no.zip"), "--lms", "moodle",
                       "--course", str(course))
    assert code == 2 and "No existe la descarga" in err
    with pytest.raises(SystemExit):
        main(["submissions", "import", AID, str(moodle_download(tmp_path / "m.zip")), "--lms", "sakai",
              "--course", str(course)])
