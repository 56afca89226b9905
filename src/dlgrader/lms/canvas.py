"""Canvas gradebook import CSV (Grades → Import): one row per student, one column per graded item.

The rules follow Canvas's importer (``GradebookImporter``): the header starts
``Student,ID,SIS User ID,SIS Login ID,Section``; a column titled ``Title (123)``
updates Canvas assignment 123, any other title creates a new assignment; a
title containing a total-column phrase (``Final Grade``, ``Current Score``, …)
is silently dropped, so such titles are refused here; a first cell
``Points Possible`` marks the points row. Canvas matches a student by ID, then
SIS User ID, then SIS Login ID, then name. UTF-8 without BOM (Canvas accepts
both), comma separated, decimal point.

A blank cell clears a grade Canvas already has: ``no_change_to_value?`` counts a blank against a
score as a change (``return false unless current_value.present? && new_value.present?``) and the
upload page posts it as ``posted_grade: null`` (ui/features/gradebook_uploads/jquery/
process_gradebook_upload.js), which ``Submission.process_bulk_update`` passes to ``grade_student``.
In a column this file creates there is nothing to clear; to leave grades typed into Canvas alone,
fill Canvas's own download instead (``dlgrader export --template``, :mod:`.template`).
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from ..errors import ConfigError
from ..text import Text
from .columns import Column, number

HEADER = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
POINTS_POSSIBLE = "Points Possible"
# Canvas drops any column whose title contains one of these (its read-only total columns;
# "Unposted …" variants are covered because the match is a substring).
DISCARDED = ("Current Score", "Current Points", "Current Grade", "Final Score", "Final Points", "Final Grade",
             "Override Score", "Override Grade", "Override Status")
RESERVED = HEADER + ("LastName", "FirstName", "Integration ID", "Root Account")
_TRAILING_ID = re.compile(r"\s\(\d+\)\Z")


def _check_titles(columns: Sequence[Column]) -> None:
    """Refuse titles Canvas would drop, misread as an id or as a student column: they would vanish silently."""
    headers = []
    for col in columns:
        title = col.title.strip()
        bad = next((w for w in DISCARDED if w.casefold() in title.casefold()), None)
        if bad:
            raise ConfigError(Text(f"Canvas descartaría la columna {col.title!r} porque contiene {bad!r}; cámbiale el título.",
                                   f"Canvas would discard the column {col.title!r} because it contains {bad!r}; rename it."))
        if title in RESERVED or not title:
            raise ConfigError(Text(f"Canvas no leería {col.title!r} como una tarea; usa otro título.",
                                   f"Canvas would not read {col.title!r} as an assignment; use another title."))
        if col.canvas_id in (None, "") and _TRAILING_ID.search(title):
            raise ConfigError(Text(f"Canvas leería el final de {col.title!r} como id de tarea; cambia el título.",
                                   f"Canvas would read the end of {col.title!r} as an assignment id; rename it."))
        if col.canvas_id not in (None, "") and not str(col.canvas_id).isdigit():
            raise ConfigError(Text(f"El id de Canvas de {col.title!r} debe ser un número, no {col.canvas_id!r}.",
                                   f"The Canvas id of {col.title!r} must be a number, not {col.canvas_id!r}."))
        headers.append(col.header)
    dup = next((h for h in headers if headers.count(h) > 1), None)
    if dup:
        raise ConfigError(Text(f"La columna {dup!r} está repetida.", f"Column {dup!r} is repeated."))


def _name(student: Mapping) -> str:
    """Canvas's "Last, First"; like Canvas's export, a leading "=" is quoted so spreadsheets never run it."""
    last, first = (student.get("last_name") or "").strip(), (student.get("first_name") or "").strip()
    name = f"{last}, {first}" if last and first else (last or first or student["id"])
    return f'="{name}"' if name.lstrip().startswith("=") else name


def canvas_rows(students: Iterable[Mapping], columns: Sequence[Column], *, zero_for_missing: bool = False,
                points_row: bool = True) -> list[list[str]]:
    """The CSV as rows of strings. ``students`` are ``gradebook.read_students`` dicts (optional "section").

    Every student gets a row; one with no value in a column gets a blank (no grade; in an existing
    Canvas column it clears the grade there, see above) or 0 with ``zero_for_missing``.
    """
    _check_titles(columns)
    rows = [list(HEADER) + [c.header for c in columns]]
    if points_row:
        rows.append([POINTS_POSSIBLE, "", "", "", ""] + [number(c.points_possible) for c in columns])
    for s in students:
        ident = [_name(s), s.get("lms_user_id") or "", s["id"], s.get("email") or s["id"], s.get("section") or ""]
        values = [c.values.get(s["id"]) for c in columns]
        rows.append(ident + [number(0 if v is None and zero_for_missing else v) for v in values])
    return rows


def write_canvas_csv(path: str | os.PathLike, students: Iterable[Mapping], columns: Sequence[Column], *,
                     zero_for_missing: bool = False, points_row: bool = True) -> Path:
    """Write the import file: UTF-8 without BOM, CRLF line ends (RFC 4180; Canvas's reader takes either)."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(
        canvas_rows(students, columns, zero_for_missing=zero_for_missing, points_row=points_row))
    path = Path(path)
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    return path
