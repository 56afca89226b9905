"""The gradebook file an LMS downloads, read as the class list: ``dlgrader roster import DESCARGA --lms L``.

The same files ``dlgrader export --template`` fills in (read by :mod:`.csvfile`), so an instructor
downloads one file and gets both the roster and the template. Each LMS's columns give:

- Canvas (Student, ID, SIS User ID, SIS Login ID): the name "Last, First"; the Canvas user id (what
  its download and its importer use); the dlgrader id from SIS User ID, else SIS Login ID (an e-mail
  gives its e-mail too), else ``canvas_<user id>``. Canvas's own "Test Student" is left out.
- Moodle (First name, Last name, Username, ID number, Email address, in English or Spanish): the
  dlgrader id from Username, else the e-mail's local part, else ID number; ID number is the LMS id.
- Blackboard (Last Name, First Name, Username, Student ID): the username is both the dlgrader id
  and the LMS id (the Grade Center matches rows by it).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError
from ..text import Text
from .csvfile import read_csv

# a header (casefolded, as Moodle writes it in English or Spanish) -> the roster key it fills
MOODLE_USER = {"first name": "first", "nombre": "first", "last name": "last", "apellido(s)": "last",
           "apellidos": "last", "username": "user", "nombre de usuario": "user", "id number": "number",
           "número de id": "number", "email address": "email", "dirección de correo": "email",
           "dirección email": "email"}
_BLACKBOARD = {"last name": "last", "first name": "first", "username": "user"}
_CANVAS = {"student": "name", "id": "canvas", "sis user id": "sis", "sis login id": "login"}
TEST_STUDENT = "Student, Test"


def _columns(head: list[str], names: dict[str, str], label: str) -> dict[str, int]:
    at = {}
    for i, h in enumerate(head):
        key = names.get(h.strip().casefold())
        if key and key not in at:
            at[key] = i
    if not at:
        raise ConfigError(Text(f"{label} no parece una descarga de calificaciones de ese LMS (encabezado: "
                               f"{', '.join(head[:6])}).",
                               f"{label} does not look like that LMS's gradebook download (header: "
                               f"{', '.join(head[:6])})."))
    return at


def _canvas_student(get) -> dict | None:
    name, canvas = get("name"), get("canvas")
    if not canvas or name == TEST_STUDENT or "Points Possible" in name:
        return None
    last, _, first = name.partition(", ")
    login = get("login")
    sid = get("sis") or (login.partition("@")[0] if "@" in login else login) or f"canvas_{canvas}"
    return {"id": sid, "first_name": first, "last_name": last, "lms_user_id": canvas,
            "email": login if "@" in login else ""}


def _moodle_student(get) -> dict | None:
    email = get("email")
    sid = get("user") or email.partition("@")[0] or get("number")
    if not sid:
        return None
    return {"id": sid, "first_name": get("first"), "last_name": get("last"), "email": email,
            "lms_user_id": get("number")}


def _blackboard_student(get) -> dict | None:
    user = get("user")
    return {"id": user, "first_name": get("first"), "last_name": get("last"), "lms_user_id": user} if user else None


READERS = {"canvas": (_CANVAS, _canvas_student), "moodle": (MOODLE_USER, _moodle_student),
           "blackboard": (_BLACKBOARD, _blackboard_student)}


def roster_from_download(path: str | Path, lms: str) -> list[dict]:
    """The students of an LMS's gradebook download, as roster rows (``gradebook.STUDENT_KEYS``)."""
    if lms not in READERS:
        raise ConfigError(Text(f"LMS desconocido {lms!r} (conocidos: {', '.join(READERS)}).",
                               f"Unknown LMS {lms!r} (known: {', '.join(READERS)})."))
    names, student = READERS[lms]
    rows = read_csv(path).rows()
    at = _columns(rows[0], names, Path(path).name)
    out, seen = [], set()
    for row in rows[1:]:
        got = student(lambda key: row[at[key]].strip() if key in at and at[key] < len(row) else "")
        if got is None:
            continue
        if got["id"] in seen:
            raise ConfigError(Text(f"{Path(path).name}: el id {got['id']!r} se repite.",
                                   f"{Path(path).name}: the id {got['id']!r} is repeated."))
        seen.add(got["id"])
        out.append(got)
    return out
