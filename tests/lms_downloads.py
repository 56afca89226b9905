"""Downloads of the demo class in each LMS's real layout, with the mismatches instructors meet; and bad archives.

The class: five students of examples/01_perceptron handed something in, in every LMS, the way students do:

- ana_perez: one notebook;
- bruno_gonzalez: two notebooks (an untouched copy and the answered one under a renamed name), late;
- camila_rojas: a .zip holding her notebook;
- hector_silva: his name written differently (case, accents) from the roster; on Blackboard he worked in the
  English twin and uploaded the untouched Spanish notebook too;
- sofia_ramirez: a .py in dlgrader's cell format, her name written "Last, First";
- a file from "Pedro Páramo", who is not on the roster; luis_morales, on the roster, sent nothing.

Names follow each LMS's own code or documentation (see src/dlgrader/lms/downloads.py).
"""

from __future__ import annotations

import io
import json
import stat
import zipfile
from pathlib import Path

from conftest import REPO

EXAMPLES = REPO / "examples" / "01_perceptron"
AID = "01_perceptron"
NB = "01_perceptron.ipynb"
GRADED = ("ana_perez", "bruno_gonzalez", "camila_rojas", "hector_silva", "sofia_ramirez")

# id, first, last, e-mail: hector's name is written without accents on this roster
ROSTER = [
    ("ana_perez", "Ana", "Pérez", "ana.perez@alumnos.example.org"),
    ("bruno_gonzalez", "Bruno", "González", "bruno.gonzalez@alumnos.example.org"),
    ("camila_rojas", "Camila", "Rojas", "camila.rojas@alumnos.example.org"),
    ("hector_silva", "Hector", "Silva", "hector.silva@alumnos.example.org"),
    ("luis_morales", "Luis", "Morales", "luis.morales@alumnos.example.org"),
    ("sofia_ramirez", "Sofía", "Ramírez", "sofia.ramirez@alumnos.example.org"),
]
# each LMS's id of the same students, as the roster's lms_user_id: Canvas's user ids (hector's missing, so his
# name must do) and Blackboard's usernames; Moodle's download names students by full name only
LMS_IDS = {
    "canvas": {"ana_perez": "1001", "bruno_gonzalez": "1002", "camila_rojas": "1003", "luis_morales": "1006",
               "sofia_ramirez": "1005"},
    "blackboard": {"ana_perez": "aperez", "bruno_gonzalez": "bgonzalez", "camila_rojas": "crojas",
                   "hector_silva": "hsilva", "luis_morales": "lmorales", "sofia_ramirez": "sramirez"},
    "moodle": {}, "folder": {},
}
PARTICIPANT = {"ana_perez": "4101", "bruno_gonzalez": "4102", "camila_rojas": "4103", "hector_silva": "4104",
               "sofia_ramirez": "4105"}  # Moodle's participant numbers


def roster_csv(path: Path, lms: str) -> Path:
    """The class list for ``dlgrader roster import``, with ``lms``'s ids."""
    lines = ["id,first_name,last_name,email,lms_user_id"]
    lines += [f"{sid},{first},{last},{email},{LMS_IDS[lms].get(sid, '')}" for sid, first, last, email in ROSTER]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def notebook(sid: str) -> bytes:
    return (EXAMPLES / f"{sid}.ipynb").read_bytes()


def stub() -> bytes:
    return (REPO / "assignments" / AID / NB).read_bytes()


def english(sid: str) -> bytes:
    """The English twin of the notebook with ``sid``'s answers in its solution cells (a student who worked in English)."""
    nb = json.loads((REPO / "assignments" / AID / "01_perceptron.en.ipynb").read_bytes())
    mine = {c["metadata"]["nbgrader"]["grade_id"]: c["source"] for c in json.loads(notebook(sid))["cells"]
            if ((c.get("metadata") or {}).get("nbgrader") or {}).get("solution")}
    for cell in nb["cells"]:
        gid = ((cell.get("metadata") or {}).get("nbgrader") or {}).get("grade_id")
        if gid in mine and cell["metadata"]["nbgrader"].get("solution"):
            cell["source"] = mine[gid]
    return json.dumps(nb, ensure_ascii=False).encode("utf-8")


def cell_file(sid: str) -> bytes:
    """A student's solution cells as a ``# %% [grade_id]`` file (what ``dlgrader grade`` takes)."""
    nb = json.loads(notebook(sid))
    parts = ["import numpy as np\n"]
    for cell in nb["cells"]:
        meta = (cell.get("metadata") or {}).get("nbgrader") or {}
        if cell["cell_type"] == "code" and meta.get("solution"):
            parts.append(f"# %% [{meta['grade_id']}]\n{''.join(cell['source'])}\n")
    return "\n".join(parts).encode("utf-8")


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def write_zip(path: Path, files: dict[str, bytes], *, utf8_flag: bool = True) -> Path:
    """A zip of ``files``; without ``utf8_flag`` the names are stored as raw UTF-8 with bit 11 unset (rubyzip)."""
    data = zipped(files)
    if not utf8_flag:
        data = _unflag(data)
    path.write_bytes(data)
    return path


def _unflag(data: bytes) -> bytes:
    """Clear the UTF-8 flag (bit 11) in every local and central header, keeping the UTF-8 bytes of the names."""
    out = bytearray(data)
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = out.find(sig)
        while at != -1:
            flags = int.from_bytes(out[at + offset:at + offset + 2], "little") & ~0x800
            out[at + offset:at + offset + 2] = flags.to_bytes(2, "little")
            at = out.find(sig, at + 4)
    return bytes(out)


def canvas_download(path: Path) -> Path:
    """Canvas: ``sortablename[_late]_userid_attachmentid_file``, lower case, no spaces or commas (content_zipper.rb)."""
    return write_zip(path, {
        "pérezana_1001_5001_01_perceptron.ipynb": notebook("ana_perez"),
        "gonzálezbruno_late_1002_5002_01_perceptron.ipynb": stub(),
        "gonzálezbruno_late_1002_5003_01_perceptron-1.ipynb": notebook("bruno_gonzalez"),
        "rojascamila_1003_5004_entrega.zip": zipped({"entrega/01_perceptron.ipynb": notebook("camila_rojas")}),
        "silvahéctor_1004_5005_01_perceptron.ipynb": notebook("hector_silva"),
        "ramírezsofía_1005_5006_tarea.py": cell_file("sofia_ramirez"),
        "páramopedro_1099_5007_01_perceptron.ipynb": notebook("diego_fernandez"),
    }, utf8_flag=False)


def moodle_folder(sid_or_name: str, pid: str) -> str:
    return f"{sid_or_name}_{pid}_assignsubmission_file"


def moodle_download(path: Path) -> Path:
    """Moodle 4.1+: a folder per participant, ``Full Name_participantid_assignsubmission_file`` (locallib.php)."""
    return write_zip(path, {
        f"{moodle_folder('Ana Pérez', '4101')}/01_perceptron.ipynb": notebook("ana_perez"),
        "Ana Pérez_4101_assignsubmission_onlinetext/onlinetext.html": b"<p>listo</p>",
        f"{moodle_folder('BRUNO GONZALEZ', '4102')}/01_perceptron.ipynb": stub(),
        f"{moodle_folder('BRUNO GONZALEZ', '4102')}/01_perceptron-Copy1.ipynb": notebook("bruno_gonzalez"),
        f"{moodle_folder('Camila Rojas', '4103')}/entrega.zip": zipped({"01_perceptron.ipynb": notebook("camila_rojas")}),
        f"{moodle_folder('héctor silva', '4104')}/01_perceptron (1).ipynb": notebook("hector_silva"),
        f"{moodle_folder('Ramírez, Sofía', '4105')}/tarea.py": cell_file("sofia_ramirez"),
        f"{moodle_folder('Pedro Páramo', '4199')}/01_perceptron.ipynb": notebook("diego_fernandez"),
    })


def blackboard_name(user: str, stamp: str, file: str | None = None) -> str:
    return f"Tarea 1_{user}_attempt_{stamp}" + (f"_{file}" if file else ".txt")


def receipt(full_name: str, user: str, stamp: str, files: list[str]) -> bytes:
    lines = [f"Name: {full_name} ({user})", "Assignment: Tarea 1", f"Date Submitted: {stamp}",
             "Current Grade: Needs Grading", "", "Submission Field:",
             "There is no student submission text data for this assignment.", "", "Comments:",
             "There are no student comments for this assignment.", "", "Files:"]
    for f in files:
        lines += [f"\tOriginal filename: {f}", f"\tFilename: {blackboard_name(user, stamp, f)}"]
    return "\n".join(lines).encode("utf-8")


def blackboard_download(path: Path) -> Path:
    """Blackboard: ``Assignment_username_attempt_YYYY-MM-DD-HH-MM-SS_file`` plus a ``.txt`` receipt per attempt."""
    files = {}

    def attempt(user, name, stamp, uploads):
        files[blackboard_name(user, stamp)] = receipt(name, user, stamp, list(uploads))
        for f, data in uploads.items():
            files[blackboard_name(user, stamp, f)] = data

    attempt("aperez", "Ana Pérez", "2026-04-20-09-00-00", {NB: notebook("ana_perez")})
    attempt("bgonzalez", "Bruno González", "2026-04-19-22-00-00", {NB: stub()})
    attempt("bgonzalez", "Bruno González", "2026-04-21-08-30-00", {NB: notebook("bruno_gonzalez")})
    attempt("crojas", "Camila Rojas", "2026-04-20-10-00-00", {"entrega.zip": zipped({NB: notebook("camila_rojas")})})
    attempt("HSILVA", "HÉCTOR SILVA", "2026-04-20-11-00-00",  # the Spanish stub and his work in the English twin
            {NB: stub(), "01_perceptron.en.ipynb": english("hector_silva")})
    attempt("sramirez", "Ramírez, Sofía", "2026-04-20-12-00-00", {"tarea.py": cell_file("sofia_ramirez")})
    attempt("pparamo", "Pedro Páramo", "2026-04-20-13-00-00", {NB: notebook("diego_fernandez")})
    return write_zip(path, files)


def folder_download(folder: Path) -> Path:
    """A plain folder: ``<student>.ipynb`` files named by id."""
    folder.mkdir(parents=True, exist_ok=True)
    for sid in ("ana_perez", "hector_silva"):
        (folder / f"{sid}.ipynb").write_bytes(notebook(sid))
    return folder


# ------------------------------------------------------------------ bad archives, one per kind

def _symlink_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        info = zipfile.ZipInfo("Ana Pérez_4101_assignsubmission_file/01_perceptron.ipynb")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "../../../../etc/passwd")
    return path


def _bomb_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Ana Pérez_4101_assignsubmission_file/01_perceptron.ipynb", b"\0" * (8 * 2**20))
    return path


def _many_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for i in range(10_001):
            zf.writestr(f"x{i}", b"")
    return path


def _latin1_zip(path: Path) -> Path:
    data = zipped({"Ana PXrez_4101_assignsubmission_file/01_perceptron.ipynb": notebook("ana_perez")})
    path.write_bytes(data.replace(b"PXrez", b"P\xe9rez"))  # Latin-1 bytes, UTF-8 flag unset
    return path


BAD_ARCHIVES = {  # kind -> (builder, words the message must contain)
    "not_a_zip": (lambda p: (p.write_bytes(b"%PDF-1.4 esto no es un zip"), p)[1], "no es un archivo zip"),
    "traversal": (lambda p: write_zip(p, {"../../evil.ipynb": b"{}"}), "sale de su carpeta"),
    "absolute": (lambda p: write_zip(p, {"/tmp/evil.ipynb": b"{}"}), "ruta absoluta"),
    "windows_absolute": (lambda p: write_zip(p, {"C:\\evil.ipynb": b"{}"}), "ruta absoluta"),
    "symlink": (_symlink_zip, "enlace simbólico"),
    "zip_bomb": (_bomb_zip, "bomba zip"),
    "too_many": (_many_zip, "más de 10.000 entradas"),
    "latin1_name": (_latin1_zip, "no está en UTF-8"),
}


# ------------------------------------------------------------------ courses and the command line

def run_cli(capsys, *argv, progress: bool = False) -> str:
    """``dlgrader --root REPO ARGV`` in-process: its output, once exit code 0 and an empty stderr (but for a
    ``progress`` bar) are checked."""
    from dlgrader.cli import main

    code = main(["--root", str(REPO), *argv])
    out = capsys.readouterr()
    assert code == 0 and (progress or out.err == ""), (code, out.err)
    return out.out


def roster_rows(lms: str) -> list[dict]:
    return [{"id": sid, "first_name": first, "last_name": last, "email": email,
             "lms_user_id": LMS_IDS[lms].get(sid, "")} for sid, first, last, email in ROSTER]


def new_course(folder: Path, empty_gradebook: Path, lms: str | None) -> Path:
    """A course folder with a copy of an empty gradebook and, unless ``lms`` is None, the roster with its ids."""
    import shutil

    from dlgrader.course.gradebook import ensure_students, sqlite_url

    folder.mkdir(parents=True)
    shutil.copyfile(empty_gradebook, folder / "gradebook.db")
    if lms is not None:
        ensure_students(sqlite_url(folder / "gradebook.db"), roster_rows(lms))
    return folder


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes: a snapshot to compare before and after."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


SCORES = {"ana_perez": 20, "bruno_gonzalez": 15, "camila_rojas": 12.5, "hector_silva": 7.25, "sofia_ramirez": 3}


def score_course(course: Path, scores: dict[str, float]) -> Path:
    """01_perceptron registered and each student's total recorded (checks filled in order) and saved, as autograde
    would leave them: no grading, so it takes a second."""
    from decimal import Decimal

    from dlgrader.course.folders import init_course
    from dlgrader.course.scores import record_submission
    from dlgrader.course.store import write_result
    from dlgrader.material.paths import find_material
    from dlgrader.results import CheckResult, SubmissionResult
    from dlgrader.text import Text

    assignment = find_material(REPO).assignment(AID)
    db = init_course(course, assignment, assignment.notebook_path)
    for sid, total in scores.items():
        checks, left = [], Decimal(str(total))
        for c in assignment.checks:
            got = min(left, Decimal(str(c.points)))
            left -= got
            checks.append(CheckResult(c.id, c.title, float(got), c.points, got == c.points, c.public,
                                      None if got == c.points else Text("Revisa el caso borde.", "Check the edge case.")))
        result = SubmissionResult(AID, sid, checks)
        record_submission(db, assignment, result, sid)
        write_result(course, result)
    return course


def zipped_entries(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        return zf.namelist()
