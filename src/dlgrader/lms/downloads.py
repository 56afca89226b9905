"""Who uploaded each file of an LMS's "download all submissions", read from the names the LMS gives them.

**Canvas** ("Download Submissions"), confirmed in source: app/models/content_zipper.rb,
``ContentZipper#get_filename`` and ``#add_upload_submission``::

    filename = [users_name, submission.late? ? 'LATE' : nil, submission.user_id].compact.join('_')
    sanitize_file_name(filename)          # filename.gsub(/[^[[:word:]]]/, '').downcase
    full_filename = "#{filename}_#{file.id}_#{file.display_name}"

``users_name`` is the sortable name ("Pérez, Ana") with ``_<digits>_`` squeezed out, so a member is
``pérezana[_late]_<user id>_<attachment id>_<the student's file name>``: lower case, accents kept,
spaces and commas dropped. The zip holds no submission time (members are written with
``get_output_stream``); ``late`` is Canvas's own verdict. Attachment ids grow with each upload, so a
larger one is a later file (an inference from Canvas's ids, not documented).

**Moodle** ("Download all submissions"), confirmed in source: mod/assign/locallib.php,
``assign::download_submissions``::

    $prefix = str_replace('_', ' ', $groupname . fullname($student));
    $prefix = clean_filename($prefix . '_' . $this->get_uniqueid_for_user($userid));
    $prefixedfilename = clean_filename($prefix . '_' . $subtype . '_' . $type . '_');

so each participant has a folder ``Full Name_<participant id>_assignsubmission_file`` (Moodle 4.1
and later; ``…_file_`` before, as mod/assign/feedback/file/importziplib.php's comment says) or, with
"Download submissions in folders" off, flat files with that prefix. The participant id is the
assignment's own number for the student (``get_uniqueid_for_user``), not the user id; names have no
underscores. No submission time is in the zip; a member's zip time (not documented: Moodle adds each
file from its file store) is used only to order two downloads, never as the submission time.

**Blackboard Learn** ("Assignment File Download"): not in public source, and Blackboard's help pages
name the download without spelling out its file names, so this follows the scripts instructors share
to read it (BBGradebookOrganiser and others match the same pattern):
``<Assignment>_<username>_attempt_<YYYY-MM-DD-HH-MM-SS>_<file>`` and a receipt
``<Assignment>_<username>_attempt_<…>.txt`` whose first line is ``Name: Full Name (username)``. Each
attempt is its own set of files. The time is the attempt's, in the server's time zone (not
documented either), given as ``timezone``.

**folder**: ``<student>.ipynb`` files, or ``<student>/`` folders, named by id, e-mail or name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone as dt_timezone, tzinfo
from typing import Callable

from .archive import Entry

LMS_LAYOUTS = ("canvas", "moodle", "blackboard", "folder")
_CANVAS = re.compile(r"^(?P<name>.*?)_(?:(?P<late>late)_)?(?P<user>\d+)_(?P<file_id>\d+)_(?P<file>.+)$", re.I)
_MOODLE = re.compile(r"^(?P<name>[^_]+)_(?P<pid>\d+)_assignsubmission_(?P<plugin>[a-z]+)(?:_(?P<rest>.*))?$")
_BLACKBOARD = re.compile(r"^(?P<prefix>.+)_attempt_(?P<stamp>\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2})"
                         r"(?:_(?P<file>.+)|\.txt)$")
_RECEIPT_NAME = re.compile(r"^\s*(?:Name|Nombre)\s*:\s*(?P<name>.*?)\s*\((?P<user>[^()]+)\)\s*$", re.M)


@dataclass(frozen=True)
class Uploader:
    """How the LMS names a student: values that may equal a roster id, username, e-mail or LMS id, and names."""

    label: str
    ids: tuple[str, ...] = ()
    names: tuple[str, ...] = ()


@dataclass
class Upload:
    """One file a student uploaded, as the download gives it."""

    uploader: Uploader
    file: str  # the student's own file name
    entry: Entry
    lms: dict[str, str] = field(default_factory=dict)  # the LMS's ids: user, attachment, participant, folder, ...
    submitted_at: datetime | None = None  # the LMS's submission time (aware), when the download has it
    order: tuple = ()  # larger is later: attempt time, attachment id or the zip's time
    late: bool | None = None  # the LMS's own verdict, when it gives one
    attempt: str | None = None


def _canvas(entry: Entry, tz: tzinfo) -> Upload | None:
    m = _CANVAS.match(entry.name)
    if not m:
        return None
    who = Uploader(m["name"] or m["user"], (m["user"],), (m["name"],) if m["name"] else ())
    return Upload(who, m["file"], entry, {"user": m["user"], "attachment": m["file_id"], "prefix": m["name"]},
                  order=(int(m["file_id"]),), late=bool(m["late"]))


def _moodle(entry: Entry, tz: tzinfo) -> Upload | None:
    m = _MOODLE.match(entry.parts[0])
    if not m or m["plugin"] != "file":
        return None
    rest = (m["rest"] or "") if len(entry.parts) == 1 else "/".join(entry.parts[1:])
    if not rest:
        return None
    folder = entry.parts[0] if len(entry.parts) > 1 else None
    order = (entry.mtime.isoformat(),) if entry.mtime else ()
    return Upload(Uploader(m["name"], (), (m["name"],)), rest.rsplit("/", 1)[-1], entry,
                  {"participant": m["pid"], "folder": folder or f"{m['name']}_{m['pid']}_assignsubmission_file"},
                  order=order)


def _blackboard(entry: Entry, tz: tzinfo) -> Upload | None:
    if len(entry.parts) != 1:
        return None
    m = _BLACKBOARD.match(entry.name)
    if not m:
        return None
    assignment, _, _ = m["prefix"].partition("_")
    segments = m["prefix"].split("_")[1:]
    candidates = tuple("_".join(segments[i:]) for i in range(len(segments)))  # "a_b" may be one username
    when = datetime.strptime(m["stamp"], "%Y-%m-%d-%H-%M-%S").replace(tzinfo=tz)
    return Upload(Uploader(segments[-1] if segments else m["prefix"], candidates), m["file"] or "", entry,
                  {"assignment": assignment, "prefix": m["prefix"], "receipt": "" if m["file"] else "1"},
                  submitted_at=when, order=(when.astimezone(dt_timezone.utc).isoformat(),), attempt=m["stamp"])


def _folder(entry: Entry, tz: tzinfo) -> Upload | None:
    key = entry.parts[0].rsplit(".", 1)[0] if len(entry.parts) == 1 else entry.parts[0]
    if not key:
        return None
    order = (entry.mtime.isoformat(),) if entry.mtime else ()
    return Upload(Uploader(key, (key,), (key.replace("_", " ").replace(".", " "),)), entry.name, entry, {},
                  order=order)


PARSERS: dict[str, Callable[[Entry, tzinfo], Upload | None]] = {
    "canvas": _canvas, "moodle": _moodle, "blackboard": _blackboard, "folder": _folder}


def _with_receipts(uploads: list[Upload]) -> list[Upload]:
    """Blackboard: the receipt's "Name: Full Name (username)" adds the student's name to their files."""
    names: dict[str, tuple[str, str]] = {}
    for u in uploads:
        if u.lms.get("receipt") and u.entry.size < 2**16:
            m = _RECEIPT_NAME.search(u.entry.read().decode("utf-8", "replace"))
            if m:
                names[u.lms["prefix"] + u.attempt] = (m["name"], m["user"].strip())
    out = []
    for u in uploads:
        if u.lms.get("receipt"):
            continue
        found = names.get(u.lms["prefix"] + u.attempt)
        if found:
            name, user = found
            u.uploader = Uploader(user, (user, *u.uploader.ids), (name,))
            u.lms["username"] = user
        out.append(u)
    return out


def _unwrapped(entries: list[Entry], lms: str) -> list[Entry]:
    """The download unpacked into a folder of its own (``submissions/…``): that one folder level is dropped."""
    tops = {e.parts[0] for e in entries}
    if lms == "folder" or len(tops) != 1 or any(len(e.parts) < 2 for e in entries):
        return entries
    if lms == "moodle" and _MOODLE.match(next(iter(tops))):
        return entries
    return [replace(e, parts=e.parts[1:]) for e in entries]


def parse_download(entries: list[Entry], lms: str, tz: tzinfo) -> tuple[list[Upload], list[str]]:
    """The uploads the layout recognises, and the entries it does not (by path)."""
    parse = PARSERS[lms]
    entries = _unwrapped(entries, lms)
    uploads, other = [], []
    for entry in entries:
        upload = parse(entry, tz)
        (uploads.append(upload) if upload is not None else other.append(entry.path))
    if lms == "blackboard":
        uploads = _with_receipts(uploads)
    return uploads, other
