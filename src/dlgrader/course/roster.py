"""A class roster from a CSV file into nbgrader's student table: who each student is in the LMS.

Exports take each student's LMS identity (Canvas user id, e-mail, username)
from the gradebook, so the roster is imported once and every export uses it.
Files come from spreadsheets: UTF-8 with or without BOM, comma, semicolon
(Excel in Spanish locales) or tab, and Spanish or English column names.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import ConfigError
from ..text import Text
from . import gradebook
from .folders import db_url_for

# header (case and accents as written, compared casefolded) -> gradebook key
ALIASES = {
    "id": "id", "student_id": "id", "estudiante": "id", "usuario": "id", "username": "id",
    "first_name": "first_name", "nombre": "first_name", "nombres": "first_name", "first name": "first_name",
    "last_name": "last_name", "apellido": "last_name", "apellidos": "last_name", "last name": "last_name",
    "email": "email", "correo": "email", "e-mail": "email", "email address": "email",
    "lms_user_id": "lms_user_id", "lms_id": "lms_user_id", "canvas_id": "lms_user_id",
}


def read_roster(path: str | Path) -> list[dict]:
    """Rows of gradebook student keys; refuses unknown columns, a missing id and repeated ids, naming the line."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(Text(f"No existe el archivo {path}.", f"The file {path} does not exist.")) from None
    except UnicodeDecodeError:
        raise ConfigError(Text(f"{path} no está en UTF-8; guárdalo como «CSV UTF-8» en la planilla.",
                               f"{path} is not UTF-8; save it as \"CSV UTF-8\" from the spreadsheet.")) from None
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        raise ConfigError(Text(f"{path} está vacío.", f"{path} is empty."))
    header = [h.strip() for h in rows[0]]
    keys = [ALIASES.get(h.casefold()) for h in header]
    unknown = [h for h, k in zip(header, keys) if k is None]
    if unknown:
        raise ConfigError(Text(f"{path}: columna desconocida {unknown[0]!r} (válidas: {', '.join(gradebook.STUDENT_KEYS)}).",
                               f"{path}: unknown column {unknown[0]!r} (valid: {', '.join(gradebook.STUDENT_KEYS)})."))
    if "id" not in keys or len(set(keys)) != len(keys):
        raise ConfigError(Text(f"{path}: se necesita exactamente una columna id (el id del estudiante en dlgrader).",
                               f"{path}: exactly one id column (the student's id in dlgrader) is needed."))
    out, seen = [], {}
    for line, row in enumerate(rows[1:], 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(keys):
            raise ConfigError(Text(f"{path}, línea {line}: tiene {len(row)} columnas; el encabezado tiene {len(keys)}.",
                                   f"{path}, line {line}: it has {len(row)} columns; the header has {len(keys)}."))
        student = {k: cell.strip() for k, cell in zip(keys, row)}
        sid = student["id"]
        if not sid:
            raise ConfigError(Text(f"{path}, línea {line}: falta el id.", f"{path}, line {line}: the id is missing."))
        if sid in seen:
            raise ConfigError(Text(f"{path}, línea {line}: el id {sid!r} ya está en la línea {seen[sid]}.",
                                   f"{path}, line {line}: id {sid!r} is already on line {seen[sid]}."))
        seen[sid] = line
        out.append(student)
    return out


def import_roster(path: str | Path, course_dir: str | Path, db_url: str | None = None) -> list[str]:
    """Create or update every student of the file in the course's gradebook, in one transaction; their ids."""
    return import_rows(read_roster, path, course_dir, db_url)


def import_rows(read, path: str | Path, course_dir: str | Path, db_url: str | None = None) -> list[str]:
    """``read(path)``'s roster rows into the course's gradebook (the course folder must exist); their ids."""
    if not Path(course_dir).is_dir():
        raise ConfigError(Text(f"No existe la carpeta del curso {course_dir}.", f"The course folder {course_dir} does not exist."))
    return gradebook.ensure_students(db_url or db_url_for(course_dir), read(path))
