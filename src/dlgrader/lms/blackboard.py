"""Blackboard Learn (Original) Grade Center upload files: Work Offline → Upload, as CSV or as tab-delimited ".xls".

The rules follow Blackboard's help pages "Work Offline with Grade Center Data"
(https://en-us.help.blackboard.com/Learn/Instructor/Grade/Grading_Tasks/Work_Offline_With_Grade_Data)
and "Uploading or Downloading Grade Center Items for Working Offline"
(http://library.blackboard.com/ref/3ea64795-6ecc-4abd-b595-0a9a8dfdec94/Content/_instructor_grade_center/grade_center_upload_download.htm),
and the shape of the file Blackboard itself downloads:

- A header row, then one row per student. Blackboard matches a row to a
  student by the Username column and nothing else, so every student needs one.
- A grade column is matched by the id after ``|`` in its header. Blackboard
  downloads a column as ``Tarea 1 [Total Pts: 20 Score] |123456``, which is
  what is written for a column whose id is known. A header with no id makes
  Blackboard create a new column, a text column worth 0 points whose points
  are then set by hand; the points cannot be uploaded. Such a column is
  written as its bare title, because Blackboard would probably keep a
  ``[Total Pts: …]`` suffix as part of the new column's name (not confirmed).
  A title with a ``|`` or equal to a user column ("Username", …) is refused,
  since Blackboard would misread it.
- Comma files: the docs require every field of a comma-delimited file to be
  enclosed in a quote character, so every field is quoted (``""`` for a quote
  inside it); UTF-8 with a BOM, as Blackboard's own CSV download is.
- Tab files, ``.xls`` (Blackboard's recommended format, and what "Work Offline
  → Download" produces): UTF-16 little-endian with a BOM, tab separated,
  every field quoted the same way. A tab or line break inside a field could not
  survive either format, so it is refused.

Scores use a decimal point, no thousands separator, rounded half up to
``places`` decimals (2 by default: 0.1 + 0.2 is written ``0.3``). A student
with no value gets a blank cell, or 0 with ``zero_for_missing``; the help pages do not say what a
blank does to a grade already in the Grade Center (not confirmed), so ``dlgrader export --template``
leaves such cells as Blackboard wrote them. A name a
spreadsheet would run as a formula gets a leading apostrophe (Blackboard does
not read the name columns back). Example files that Blackboard accepted:
https://github.com/nbeaver/offline-grades-upload.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from ..errors import ConfigError
from ..text import Text
from .columns import Column, number, rounded, safe_name

HEADER = ("Last Name", "First Name", "Username")
USER_COLUMNS = HEADER + ("Student ID", "Last Access", "Availability", "Child Course ID")
USERNAME_KEYS = ("id", "email", "lms_user_id")  # student dict keys that can hold the Blackboard username
_UNSAFE = re.compile(r"[\t\r\n]")


def _headers(columns: Sequence[Column], column_ids: Mapping[str, str | int]) -> list[str]:
    """Each column's header; refuse titles and ids Blackboard would misread or lose."""
    titles = [c.title.strip() for c in columns]
    unknown = sorted(set(column_ids) - set(titles))
    if unknown:
        raise ConfigError(Text(f"Hay ids de Blackboard para columnas que no se exportan: {', '.join(unknown)}.",
                               f"There are Blackboard ids for columns that are not exported: {', '.join(unknown)}."))
    headers = []
    for col, title in zip(columns, titles):
        if not title or "|" in title or title.casefold() in {h.casefold() for h in USER_COLUMNS}:
            raise ConfigError(Text(f"Blackboard no leería {col.title!r} como una columna de notas; usa otro título.",
                                   f"Blackboard would not read {col.title!r} as a grade column; use another title."))
        bb_id = str(column_ids.get(title, "")).strip()
        if not bb_id:
            headers.append(title)
            continue
        if not bb_id.isdigit():
            raise ConfigError(Text(f"El id de Blackboard de {title!r} debe ser un número, no {bb_id!r}.",
                                   f"The Blackboard id of {title!r} must be a number, not {bb_id!r}."))
        if col.points_possible is None:
            raise ConfigError(Text(f"La columna {title!r} necesita su puntaje total para el encabezado de Blackboard.",
                                   f"The column {title!r} needs its points possible for Blackboard's header."))
        headers.append(f"{title} [Total Pts: {number(col.points_possible)} Score] |{bb_id}")
    dup = next((t for t in titles if titles.count(t) > 1), None)
    if dup:
        raise ConfigError(Text(f"La columna {dup!r} está repetida.", f"Column {dup!r} is repeated."))
    ids = [i for i in (str(column_ids.get(t, "")).strip() for t in titles) if i]
    dup = next((i for i in ids if ids.count(i) > 1), None)
    if dup:
        raise ConfigError(Text(f"El id de Blackboard {dup!r} está en dos columnas.",
                               f"The Blackboard id {dup!r} is on two columns."))
    return headers


def blackboard_rows(students: Iterable[Mapping], columns: Sequence[Column], *,
                    column_ids: Mapping[str, str | int] | None = None, username: str = "id",
                    zero_for_missing: bool = False, places: int = 2) -> list[list[str]]:
    """The upload as rows of strings. ``students`` are ``gradebook.read_students`` dicts.

    ``column_ids`` maps a column title to its Blackboard column id (the number
    after ``|`` in a downloaded header); columns not in it become new columns.
    ``username`` names the student dict key that holds the Blackboard username.
    ``Column.canvas_id`` is Canvas's and is not used.
    """
    if username not in USERNAME_KEYS:
        raise ValueError(f"unknown username key {username!r}: use one of {', '.join(USERNAME_KEYS)}")
    students = list(students)
    rows = [list(HEADER) + _headers(columns, dict(column_ids or {}))]
    missing = [s["id"] for s in students if not str(s.get(username) or "").strip()]
    if missing:
        raise ConfigError(Text(
            f"Blackboard identifica a cada estudiante por su nombre de usuario y a estos les falta: {', '.join(missing)}.",
            f"Blackboard identifies each student by username and these have none: {', '.join(missing)}."))
    names = [str(s[username]).strip() for s in students]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ConfigError(Text(f"Varios estudiantes comparten el usuario {', '.join(twice)}.",
                               f"Several students share the username {', '.join(twice)}."))
    for s, name in zip(students, names):
        ident = [safe_name(s.get("last_name")), safe_name(s.get("first_name")), name]
        rows.append(ident + [rounded(c.values.get(s["id"]), places, zero_for_missing) for c in columns])
    bad = next((cell for row in rows for cell in row if _UNSAFE.search(cell)), None)
    if bad is not None:
        raise ConfigError(Text(f"Blackboard no admite tabuladores ni saltos de línea en {bad!r}.",
                               f"Blackboard does not accept tabs or line breaks in {bad!r}."))
    return rows


def _quoted(rows: list[list[str]], delimiter: str) -> str:
    """Every field in double quotes, inner quotes doubled, CRLF line ends: the shape of Blackboard's download."""
    return "".join(delimiter.join('"' + cell.replace('"', '""') + '"' for cell in row) + "\r\n" for row in rows)


def write_blackboard_csv(path: str | os.PathLike, students: Iterable[Mapping], columns: Sequence[Column],
                         **options) -> Path:
    """The comma-delimited upload: UTF-8 with BOM, every field quoted. Options as ``blackboard_rows``."""
    path = Path(path)
    path.write_bytes(_quoted(blackboard_rows(students, columns, **options), ",").encode("utf-8-sig"))
    return path


def write_blackboard_xls(path: str | os.PathLike, students: Iterable[Mapping], columns: Sequence[Column],
                         **options) -> Path:
    """The tab-delimited ``.xls`` upload: UTF-16 LE with BOM, every field quoted. Options as ``blackboard_rows``."""
    path = Path(path)
    path.write_bytes(b"\xff\xfe" + _quoted(blackboard_rows(students, columns, **options), "\t").encode("utf-16-le"))
    return path
