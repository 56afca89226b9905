"""``dlgrader submissions import``: an LMS's "download all submissions" into nbgrader's ``submitted/``.

The steps, in order: read the download as hostile input (:mod:`.archive`); name each file's student
from the LMS's own naming (:mod:`.downloads`); match them to the roster (:mod:`.matching`); choose the
notebook of each student (:mod:`.picking`); and only then write, so a refused archive writes nothing.
Each notebook goes to ``submitted/<student>/<assignment>/<release notebook name>`` (nbgrader matches
notebooks by name), with nbgrader's ``timestamp.txt`` when the LMS gives the submission time, in the
format nbgrader's exchange writes (``%Y-%m-%d %H:%M:%S.%f %Z``, UTC: nbgrader/exchange/abc/exchange.py).

Nothing is deleted. A student's files as uploaded are kept under ``dlgrader/imports/<assignment>/
originals/``; a notebook that a newer download replaces is moved (with its ``timestamp.txt``) to
``dlgrader/imports/<assignment>/replaced/``. A download older than what was imported, or a file that
did not come from a download and is not older than the LMS's time, is kept. Per student and LMS,
``dlgrader/imports/<assignment>.json`` records who the student is in that LMS (its ids, the Moodle
folder name feedback must reuse) for everyone in the download, and what its last import brought (the
files, their order) when the notebook came from it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone as dt_timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..course.folders import db_url_for, read_timestamp, release_notebook
from ..course.gradebook import ensure_students, open_gradebook, read_students
from ..course.lock import autograde_lock
from ..errors import ConfigError
from ..material.manifest import Assignment
from ..text import Text
from .archive import open_download
from .downloads import LMS_LAYOUTS, Upload, parse_download
from .matching import Roster
from .picking import Choice, choose

TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S.%f %Z"  # nbgrader's Exchange.timestamp_format default, in UTC
_UNSAFE = re.compile(r"[^\w.\- ()]+")


@dataclass
class Imported:
    """One roster student the download brought a file for."""

    student: str
    lms_name: str
    files: list[str]
    chosen: str | None
    status: str  # new, updated, unchanged, older (the download is older: kept), kept (a file not from a download)
    reason: Text | None = None
    problems: list[Text] = field(default_factory=list)
    submitted_at: datetime | None = None
    late_lms: bool | None = None  # the LMS's verdict (Canvas's LATE)
    late_nbgrader: bool = False  # what nbgrader computes: timestamp after the gradebook's due date
    late_why: Text | None = None  # why nbgrader cannot tell (no time, no due date)


@dataclass
class Unmatched:
    label: str
    files: list[str]
    why: Text
    closest: list[str]


@dataclass
class ImportReport:
    assignment: str
    lms: str
    archive: str
    course: Path
    students: list[Imported] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # roster students without a file in this download
    ignored: list[str] = field(default_factory=list)  # entries the layout does not name
    timezone: str | None = None  # how Blackboard's times were read


def imports_dir(course_dir: str | os.PathLike, assignment_id: str) -> Path:
    return Path(course_dir) / "dlgrader" / "imports" / assignment_id


def read_imports(course_dir: str | os.PathLike, assignment_id: str) -> dict[str, dict[str, dict]]:
    """What earlier imports recorded, per student and LMS: the LMS's ids, the order key, the files."""
    path = imports_dir(course_dir, assignment_id).with_suffix(".json")
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("students", {})
    except (OSError, ValueError, AttributeError):
        return {}


def _zone(name: str | None) -> tzinfo:
    if not name:
        return datetime.now().astimezone().tzinfo
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(Text(f"Zona horaria desconocida {name!r}; usa un nombre como America/Santiago.",
                               f"Unknown time zone {name!r}; use a name such as America/Santiago.")) from None


def _safe_id(sid: str) -> bool:
    return bool(sid) and sid not in (".", "..") and not any(c in sid for c in "/\\\0") and not sid.startswith(".")


def _due(db_url: str, assignment_id: str) -> datetime | None:
    from nbgrader.api import MissingEntry

    with open_gradebook(db_url) as gb:
        try:
            return gb.find_assignment(assignment_id).duedate
        except MissingEntry:
            return None


def _group(uploads: list[Upload], roster: Roster, report: ImportReport, folder_ids: bool) -> dict[str, list[Upload]]:
    """Each matched student's uploads; the rest go to ``report.unmatched`` with the closest roster names."""
    by_student: dict[str, list[Upload]] = {}
    strays: dict[str, tuple[list[Upload], Text]] = {}
    for u in uploads:
        sid, why = roster.match(u.uploader) if roster else (None, None)
        if sid is None and folder_ids and not roster and _safe_id(u.uploader.label):
            sid = u.uploader.label  # a plain folder and no roster yet: the file's name is the student's id
        if sid is None or not _safe_id(sid):
            strays.setdefault(u.uploader.label, ([], why or Text("no es un id válido", "is not a valid id")))[0].append(u)
        else:
            by_student.setdefault(sid, []).append(u)
    for label, (ups, why) in sorted(strays.items()):
        report.unmatched.append(Unmatched(label, [u.file for u in ups], why, roster.closest(ups[0].uploader)))
    return by_student


def _lateness(item: Imported, due: datetime | None) -> None:
    if item.submitted_at is None:
        item.late_why = Text("la descarga no trae la hora de entrega", "the download carries no submission time")
    elif due is None:
        item.late_why = Text("la tarea no tiene fecha límite en el libro de calificaciones",
                             "the assignment has no due date in the gradebook")
    else:
        item.late_nbgrader = item.submitted_at.astimezone(dt_timezone.utc).replace(tzinfo=None) > due


def _safe_name(name: str, taken: set[str]) -> str:
    base = _UNSAFE.sub("_", name.replace("/", "_")).lstrip(".")[:150] or "archivo"
    out, n = base, 1
    while out in taken:
        n += 1
        out = f"{n}_{base}"
    taken.add(out)
    return out


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _status(target: Path, data: bytes, upload: Upload, previous: dict | None) -> str:
    """new, unchanged, updated, older (than what this LMS's last download brought) or kept (not from it)."""
    if not target.is_file():
        return "new"
    if hashlib.sha256(target.read_bytes()).digest() == hashlib.sha256(data).digest():
        return "unchanged"
    if previous and previous.get("order"):  # this LMS brought the notebook there
        return "older" if upload.order and tuple(upload.order) <= tuple(previous["order"]) else "updated"
    stamp = read_timestamp(target.parent)
    when = upload.submitted_at.astimezone(dt_timezone.utc).replace(tzinfo=None) if upload.submitted_at else None
    return "updated" if when is not None and stamp is not None and when > stamp else "kept"


def _store(course: Path, assignment: Assignment, sid: str, choice: Choice, uploads: list[Upload],
           item: Imported, stamp: str) -> None:
    """Move what the new notebook replaces aside, write it and its timestamp, keep the uploads as they came."""
    folder = course / "submitted" / sid / assignment.id
    if item.status == "updated":
        aside = imports_dir(course, assignment.id) / "replaced" / sid / stamp
        aside.mkdir(parents=True, exist_ok=True)
        for old in [*folder.glob("*.ipynb"), folder / "timestamp.txt"]:
            if old.is_file():
                os.replace(old, aside / old.name)
    _write(folder / assignment.notebook, choice.chosen.data)
    if item.submitted_at is not None:
        utc = item.submitted_at.astimezone(dt_timezone.utc)
        _write(folder / "timestamp.txt", utc.strftime(TIMESTAMP_FORMAT).encode("utf-8"))
    originals, taken = imports_dir(course, assignment.id) / "originals" / sid / stamp, set()
    for u in uploads:
        _write(originals / _safe_name(u.file or u.entry.name, taken), u.entry.read())


def _record(course: Path, assignment_id: str, records: dict) -> None:
    path = imports_dir(course, assignment_id).with_suffix(".json")
    doc = {"students": records}
    _write(path, json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))


def _write_all(course: Path, assignment: Assignment, lms: str, db_url: str, roster: Roster,
               by_student: dict[str, list[Upload]], choices: dict[str, Choice], report: ImportReport) -> None:
    """The writing half of an import: new students, each notebook's status and files, the record."""
    new_students = [{"id": sid} for sid in choices if sid not in roster.students]
    if new_students:
        ensure_students(db_url, new_students)
    due = _due(db_url, assignment.id)
    records = read_imports(course, assignment.id)
    stamp = datetime.now(dt_timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    for sid, choice in choices.items():
        ups = by_student[sid]
        up = choice.chosen.upload if choice.chosen else max(ups, key=lambda u: u.order)
        item = Imported(sid, up.uploader.label, choice.files, choice.chosen.label if choice.chosen else None,
                        "no-notebook", choice.reason, choice.problems, up.submitted_at, up.late)
        _lateness(item, due)
        report.students.append(item)
        if choice.chosen is None:
            continue
        target = course / "submitted" / sid / assignment.id / assignment.notebook
        item.status = _status(target, choice.chosen.data, up, records.get(sid, {}).get(lms))
        if item.status in ("new", "updated"):
            _store(course, assignment, sid, choice, ups, item, stamp)
        # who the student is in this LMS (where their feedback goes), whichever notebook is graded
        record = records.setdefault(sid, {}).setdefault(lms, {})
        record.update({"name": up.uploader.label, "ids": up.lms})
        if item.status in ("new", "updated", "unchanged"):
            record.update({"archive": report.archive, "order": list(up.order), "late": up.late, "files": choice.files,
                           "imported_at": stamp,
                           "submitted_at": up.submitted_at.isoformat() if up.submitted_at else None})
    _record(course, assignment.id, records)


def import_submissions(assignment: Assignment, archive: str | os.PathLike, lms: str, course_dir: str | os.PathLike,
                       *, db_url: str | None = None, timezone: str | None = None) -> ImportReport:
    """Bring one download into the course; the table of what happened to every file and student."""
    if lms not in LMS_LAYOUTS:
        raise ConfigError(Text(f"LMS desconocido {lms!r} (conocidos: {', '.join(LMS_LAYOUTS)}).",
                               f"Unknown LMS {lms!r} (known: {', '.join(LMS_LAYOUTS)})."))
    course = Path(course_dir).resolve()
    tz = _zone(timezone)
    entries = open_download(archive)  # every check before anything else
    if not course.is_dir():
        if lms != "folder":
            raise ConfigError(Text(f"No existe la carpeta del curso {course}; créala e importa la lista de estudiantes.",
                                   f"The course folder {course} does not exist; create it and import the roster."))
        course.mkdir(parents=True)
    db_url = db_url or db_url_for(course)
    roster = Roster(read_students(db_url))
    if not roster and lms != "folder":
        raise ConfigError(Text(
            "El curso no tiene lista de estudiantes; impórtala primero con dlgrader roster import (nombres, correos, "
            "ids del LMS) para reconocer a cada estudiante en la descarga.",
            "The course has no roster; import it first with dlgrader roster import (names, e-mails, LMS ids) so "
            "that each student in the download can be recognised."))
    report = ImportReport(assignment.id, lms, Path(archive).name, course,
                          timezone=str(tz) if lms == "blackboard" else None)
    uploads, report.ignored = parse_download(entries, lms, tz)
    by_student = _group(uploads, roster, report, lms == "folder")
    release = json.loads(release_notebook(course, assignment).read_text(encoding="utf-8"))
    choices = {sid: choose(ups, release, assignment.notebook) for sid, ups in sorted(by_student.items())}
    with autograde_lock(course):  # never under an autograde that is reading submitted/
        _write_all(course, assignment, lms, db_url, roster, by_student, choices, report)
    matched = set(choices)
    report.missing = sorted(sid for sid in roster.students if sid not in matched)
    return report
