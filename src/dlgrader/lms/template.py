"""``dlgrader export --template``: the gradebook file downloaded from the LMS, with dlgrader's grades in it.

Only the cells of the chosen columns, in the rows of students on the roster, change; every id, every
other column and row, and the file's encoding stay as downloaded (:mod:`.csvfile`), so the upload
updates the LMS's existing columns instead of creating new ones. A column is chosen by
``--column AID=TITLE`` or ``--column AID=ID`` (the LMS's id in the header: Canvas ``Title (123)``,
Blackboard ``Title [Total Pts: 20 Score] |123``); without it, by the assignment's id or title.

A student who submitted nothing gets 0 when the rubric says ``no_submission: zero``; otherwise their
cell is left as downloaded, because a blank is not "no change" in every importer:

- Canvas (app/models/gradebook_importer.rb, ``no_change_to_value?``) counts a blank against an existing
  score as a change — ``return false unless current_value.present? && new_value.present?`` — and the
  upload page (ui/features/gradebook_uploads/jquery/process_gradebook_upload.js,
  ``populateGradeDataPerSubmission``) then posts ``posted_grade: submission.grade`` (null), which
  ``Submission.process_bulk_update`` hands to ``grade_student``: the grade is cleared.
- Moodle (grade/import/csv/classes/load_data.php): for a column mapped to an existing item,
  ``update_grade_item`` reads ``if ($value === '' or $value == '-') { $value = null; // No grade.``
  (an existing grade is cleared); imported as a new item, ``import_new_grade_item`` skips only ``-``
  (``if (trim($value) != '-') { $newgrade->finalgrade = $value; }``) and the database layer stores
  the blank as 0 (lib/dml/*_native_moodle_database.php, ``normalise_value``: ``$value = 0; // prevent
  '' problems in numeric fields``). A cell left as Moodle wrote it (``-`` when there is no grade)
  imports as what Moodle has.
- Blackboard's help pages do not say what a blank cell does (not confirmed); left as downloaded it
  carries the Grade Center's own value.

Canvas's total columns ("Current Score", "Final Grade", …), Moodle's non-"Real" display columns and
Blackboard's calculated totals are never written: the importers ignore them or would misread them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Callable, Mapping

from ..errors import ConfigError
from ..text import Text
from .canvas import DISCARDED
from .columns import rounded
from .csvfile import CsvFile, read_csv
from .downloads import Uploader
from .matching import Roster, folded
from .roster import MOODLE_USER

_CANVAS_ID = re.compile(r"^(?P<title>.*\S)\s+\((?P<id>\d+)\)$")
_CANVAS_USER = {"Student", "ID", "SIS User ID", "SIS Login ID", "Integration ID", "Section", "Root Account",
                "LastName", "FirstName"}
_MOODLE_ITEM = re.compile(r"^(?P<title>.*\S)\s+\((?P<kind>[^()]+)\)$")
_BB_ID = re.compile(r"^(?P<title>.*?)\s*(?:\[[^\]]*\])?\s*\|(?P<id>\d+)$")
_BB_USER = {"Last Name", "First Name", "Username", "Student ID", "Last Access", "Availability", "Child Course ID"}
_BB_TOTALS = {"total", "weightedtotal", "totalponderado"}
FINAL = "final"


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    title: str
    lms_id: str | None
    why_not: Text | None = None  # set when dlgrader must not write this column


@dataclass
class Sheet:
    """One LMS download understood: its grade columns, its student rows and who each row is."""

    file: CsvFile
    columns: list[Column]
    students: dict[int, Uploader]  # row index -> the row's identity


def _canvas(rows: list[list[str]]) -> Sheet:
    head = rows[0]
    cols = []
    for i, h in enumerate(head):
        if h in _CANVAS_USER:
            continue
        m = _CANVAS_ID.match(h)
        bad = next((w for w in DISCARDED if w.casefold() in h.casefold()), None)
        why = Text(f"Canvas ignora la columna {h!r}", f"Canvas ignores the column {h!r}") if bad else None
        cols.append(Column(i, h, m["title"] if m else h, m["id"] if m else None, why))
    at = {h: i for i, h in enumerate(head)}
    students = {}
    for r, row in enumerate(rows[1:], 1):
        get = lambda key: row[at[key]].strip() if key in at and at[key] < len(row) else ""  # noqa: E731
        if "Points Possible" in (row[0] if row else "") or not any(get(k) for k in ("ID", "SIS User ID", "Student")):
            continue
        ids = tuple(v for v in (get("ID"), get("SIS User ID"), get("SIS Login ID")) if v)
        students[r] = Uploader(get("Student"), ids, (get("Student") or f"{get('LastName')}, {get('FirstName')}",))
    return Sheet(None, cols, students)


def _moodle(rows: list[list[str]]) -> Sheet:
    head = rows[0]
    cols = []
    user = {MOODLE_USER[h.strip().casefold()]: i for i, h in enumerate(head) if h.strip().casefold() in MOODLE_USER}
    if not {"user", "number", "email"} & set(user):
        raise ConfigError(Text("La plantilla de Moodle no tiene columna de usuario, número de ID ni correo.",
                               "The Moodle template has no username, ID number or e-mail column."))
    for i, h in enumerate(head):
        m = _MOODLE_ITEM.match(h)
        if not m:
            continue
        title = m["title"].split(": ", 1)[-1]
        why = None if m["kind"].strip().casefold() == "real" else Text(
            f"{h!r} es una columna de visualización de Moodle; usa la columna (Real)",
            f"{h!r} is one of Moodle's display columns; use the (Real) column")
        cols.append(Column(i, h, title, None, why))
    students = {}
    for r, row in enumerate(rows[1:], 1):
        get = lambda key: row[user[key]].strip() if key in user and user[key] < len(row) else ""  # noqa: E731
        ids = tuple(v for v in (get("user"), get("number"), get("email")) if v)
        if ids:
            name = f"{get('first')} {get('last')}".strip()
            students[r] = Uploader(name or ids[0], ids, (name,))
    return Sheet(None, cols, students)


def _blackboard(rows: list[list[str]]) -> Sheet:
    head = rows[0]
    cols = []
    for i, h in enumerate(head):
        if h.strip() in _BB_USER:
            continue
        m = _BB_ID.match(h)
        title = m["title"] if m else h
        why = Text(f"{h!r} es una columna calculada de Blackboard", f"{h!r} is a calculated Blackboard column") \
            if folded(title) in _BB_TOTALS else None
        cols.append(Column(i, h, title, m["id"] if m else None, why))
    at = {h.strip(): i for i, h in enumerate(head)}
    if "Username" not in at:
        raise ConfigError(Text("La plantilla de Blackboard no tiene la columna Username.",
                               "The Blackboard template has no Username column."))
    students = {}
    for r, row in enumerate(rows[1:], 1):
        get = lambda key: row[at[key]].strip() if key in at and at[key] < len(row) else ""  # noqa: E731
        if get("Username"):
            name = f"{get('First Name')} {get('Last Name')}"
            students[r] = Uploader(get("Username"), (get("Username"), get("Student ID")), (name,))
    return Sheet(None, cols, students)


LAYOUTS: dict[str, Callable[[list[list[str]]], Sheet]] = {"canvas": _canvas, "moodle": _moodle,
                                                           "blackboard": _blackboard, "blackboard-xls": _blackboard}


def read_sheet(path: str | Path, lms: str) -> Sheet:
    if lms not in LAYOUTS:
        raise ConfigError(Text(f"--template sirve para canvas, moodle y blackboard, no para {lms}.",
                               f"--template works with canvas, moodle and blackboard, not with {lms}."))
    file = read_csv(path)
    sheet = LAYOUTS[lms](file.rows())
    sheet.file = file
    return sheet


def pick_columns(sheet: Sheet, wanted: Mapping[str, list[str]], given: Mapping[str, str],
                 label: str = "") -> dict[str, Column]:
    """Each key's column: ``given[key]`` (a title or the LMS's id), else the one column titled as in ``wanted[key]``;
    at least one key must find its column."""
    out: dict[str, Column] = {}
    names = "; ".join(c.header for c in sheet.columns) or "—"
    for key, spec in given.items():
        if key not in wanted:
            raise ConfigError(Text(
                f"--column {key}=…: {key!r} no es una tarea calificada ni {FINAL!r} (con --rubric).",
                f"--column {key}=…: {key!r} is neither a graded assignment nor {FINAL!r} (with --rubric)."))
        found = [c for c in sheet.columns if (c.lms_id == spec.strip() if spec.strip().isdigit() else
                                              folded(spec) in (folded(c.title), folded(c.header)))]
        if len(found) > 1 and sum(c.why_not is None for c in found) == 1:
            found = [c for c in found if c.why_not is None]  # Moodle's "(Real)" beside its display columns
        if len(found) != 1:
            raise ConfigError(Text(f"--column {key}={spec}: {'ninguna' if not found else 'más de una'} columna de la "
                                   f"plantilla coincide (columnas: {names}).",
                                   f"--column {key}={spec}: {'no' if not found else 'more than one'} column of the "
                                   f"template matches (columns: {names})."))
        out[key] = found[0]
    for key, titles in wanted.items():
        if key in out:
            continue
        keys = {folded(t) for t in titles}
        found = [c for c in sheet.columns if folded(c.title) in keys and c.why_not is None]
        if len(found) == 1:
            out[key] = found[0]
    for key, col in out.items():
        if col.why_not is not None:
            raise ConfigError(Text(f"--column {key}: {col.why_not.es}; elige otra.",
                                   f"--column {key}: {col.why_not.en}; pick another."))
    if not out:
        raise ConfigError(Text(f"Ninguna columna de {label} corresponde a una tarea; indícala con "
                               f"--column TAREA=TÍTULO (columnas: {names}).",
                               f"No column of {label} fits an assignment; name it with --column "
                               f"ASSIGNMENT=TITLE (columns: {names})."))
    twice = [c.header for c in out.values() if list(out.values()).count(c) > 1]
    if twice:
        raise ConfigError(Text(f"Dos tareas irían a la misma columna {twice[0]!r}.",
                               f"Two assignments would go to the same column {twice[0]!r}."))
    return out


@dataclass
class FilledTemplate:
    """What ``dlgrader export --template`` wrote and what it left alone."""

    path: Path
    lms: str
    columns: dict[str, str]  # key (assignment or "final") -> the template's header
    written: int = 0
    zeros: int = 0  # no submission, rubric no_submission: zero
    kept: int = 0  # no submission and a blank policy: the cell left as downloaded
    replaced: list[tuple[str, str, str, str]] = field(default_factory=list)  # (student, header, LMS's, dlgrader's)
    not_in_file: list[str] = field(default_factory=list)  # roster students the template has no row for
    unknown_rows: list[str] = field(default_factory=list)  # template rows of nobody on the roster (left alone)
    no_column: list[str] = field(default_factory=list)  # graded assignments without a column in the template


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.strip().replace(",", "."))
    except ArithmeticError:
        return None


def fill(sheet: Sheet, lms: str, columns: Mapping[str, Column], values: Mapping[str, Mapping[str, object]],
         roster: Roster, zero: bool, out: Path) -> FilledTemplate:
    """Write ``values[key][student]`` into each chosen column; None is 0 with ``zero``, else left alone."""
    result = FilledTemplate(out, lms, {k: c.header for k, c in columns.items()})
    seen = set()
    for r, who in sheet.students.items():
        sid, _ = roster.match(who)
        if sid is None:
            result.unknown_rows.append(who.label or "?")
            continue
        seen.add(sid)
        row = sheet.file.records[r]
        for key, col in columns.items():
            value = values[key].get(sid)
            if value is None and not zero:
                result.kept += 1
                continue
            if col.index >= len(row.cells):
                raise ConfigError(Text(f"La fila de {who.label!r} tiene menos columnas que el encabezado.",
                                       f"The row of {who.label!r} has fewer columns than the header."))
            new = rounded(value, 2, zero)
            old = row.cells[col.index].value.strip()
            if old not in ("", "-") and _number(old) != _number(new):
                result.replaced.append((sid, col.header, old, new))
            sheet.file.set(r, col.index, new)
            result.written += value is not None
            result.zeros += value is None
    result.not_in_file = sorted(sid for sid in roster.students if sid not in seen)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(sheet.file.to_bytes())
    return result
