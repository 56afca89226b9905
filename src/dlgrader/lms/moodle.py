"""Moodle grade import CSV (Grades → Import → CSV file): one row per student, one column per grade item.

The rules follow Moodle's importer, ``gradeimport_csv_load_data`` in
grade/import/csv/classes/load_data.php and the mapping form beside it
(https://github.com/moodle/moodle/blob/main/grade/import/csv/classes/load_data.php,
https://github.com/moodle/moodle/blob/main/grade/import/grade_import_form.php):

- The file is read with the form's defaults: UTF-8, comma separator, ``"`` as
  the enclosure; every row must have as many cells as the header or the whole
  file is refused (``csvweirdcolumns``, lib/csvlib.class.php). Headers are trimmed.
- One column identifies the student; in the mapping step the instructor says
  which ("Map from") and which user field it holds ("Map to"). The headers are
  the English labels of those fields ("Username", "ID number", "Email
  address", as Moodle's own export titles its user columns); the paste-from-spreadsheet
  importer (grade/import/direct/classes/mapping_form.php) preselects a column
  whose header equals such a label in the interface language, so in a Spanish
  interface the instructor picks it by hand.
- A grade cell with no value is written ``-``, never blank. For a column mapped to an existing
  grade item, ``update_grade_item`` treats both alike (``if ($value === '' or $value == '-') {
  $value = null; // No grade.``: a grade already in Moodle is cleared, never set to 0); but for a
  column imported as a new grade item, ``import_new_grade_item`` skips only ``-`` (``if (trim($value)
  != '-') { $newgrade->finalgrade = $value; }``) and a blank reaches the database layer, whose
  ``normalise_value`` (lib/dml/mysqli_native_moodle_database.php, pgsql_…) turns ``''`` into 0 for
  a numeric column (``$value = 0; // prevent '' problems in numeric fields``): the student would get
  0. Anything else goes through ``unformat_float($value, true)``: spaces removed, the language
  pack's decimal separator turned into a point, then PHP's ``is_numeric``, or the whole import
  stops (``badgrade``). A point with no thousands separator passes whether the language pack's
  separator is a point (en, es_mx) or a comma, so nothing else is written; a comma would fail
  under a point.
- A row whose identity cell is blank is not skipped: Moodle keeps the previous
  row's student and files the grades under them. A student with no value for
  the chosen identity is therefore refused, with every such student named,
  instead of being skipped with a warning. Two students with the same value
  would overwrite each other, so that is refused too.
- A header equal to Moodle's "Last downloaded from this course" makes Moodle
  check an export timestamp; that column is never written, and a grade column
  with that title is refused.

Values are rounded half up to ``places`` decimals (2 by default), so a score of
0.1 + 0.2 is written ``0.3``. Students' names go in "First name"/"Last name"
columns that the mapping leaves on "ignore"; they are there so that the
instructor can check the preview. A name that a spreadsheet would run as a
formula gets a leading apostrophe. Identity values are written unchanged,
because Moodle matches them exactly.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from ..errors import ConfigError
from ..text import Text
from .columns import Column, rounded, safe_name

# identity → (Moodle's English label for the user field, student dict key holding the value)
IDENTITIES = {"username": ("Username", "id"), "idnumber": ("ID number", "lms_user_id"),
              "email": ("Email address", "email")}
NAME_HEADERS = ("First name", "Last name")
TIME_EXPORTED = "Last downloaded from this course"  # gradeexport_txt's timeexported string
NO_GRADE = "-"  # what both of Moodle's import paths read as "no grade" (see above)


def _check(students: Sequence[Mapping], columns: Sequence[Column], identity: str) -> None:
    """Refuse what Moodle would misfile or reject only after the instructor has mapped every column."""
    if identity not in IDENTITIES:
        raise ValueError(f"unknown identity {identity!r}: use one of {', '.join(IDENTITIES)}")
    label, key = IDENTITIES[identity]
    reserved = {h.casefold() for h in (*NAME_HEADERS, TIME_EXPORTED, *(lab for lab, _ in IDENTITIES.values()))}
    titles = [c.title.strip() for c in columns]
    for title in titles:
        if not title or title.casefold() in reserved:
            raise ConfigError(Text(f"Moodle no leería la columna {title!r} como una calificación; usa otro título.",
                                   f"Moodle would not read the column {title!r} as a grade; use another title."))
    dup = next((t for t in titles if titles.count(t) > 1), None)
    if dup:
        raise ConfigError(Text(f"La columna {dup!r} está repetida.", f"Column {dup!r} is repeated."))
    missing = [s["id"] for s in students if not str(s.get(key) or "").strip()]
    if missing:
        who = ", ".join(missing)
        raise ConfigError(Text(
            f"Moodle no puede identificar a estos estudiantes porque les falta «{label}»: {who}. "
            "Complétalo en la lista de estudiantes o exporta con otro identificador.",
            f"Moodle cannot identify these students because they have no {label!r}: {who}. "
            "Fill it in on the roster or export with another identity."))
    values = [str(s[key]).strip() for s in students]
    twice = sorted({v for v in values if values.count(v) > 1})
    if twice:
        raise ConfigError(Text(f"Varios estudiantes comparten «{label}» {', '.join(twice)}; Moodle los confundiría.",
                               f"Several students share the {label!r} {', '.join(twice)}; Moodle would mix them up."))


def moodle_rows(students: Iterable[Mapping], columns: Sequence[Column], *, identity: str = "email",
                zero_for_missing: bool = False, places: int = 2) -> list[list[str]]:
    """The CSV as rows of strings. ``students`` are ``gradebook.read_students`` dicts.

    Every student gets a row; one with no value in a column gets ``-`` (no grade in Moodle, for a new
    grade item as for an existing one) or 0 with ``zero_for_missing``. Column titles are
    written as given: a title that equals Moodle's own export header for an
    existing item ("Tarea: Perceptrón (Real)") is mapped to that item, any
    other is mapped by hand or imported as a new item. ``Column.canvas_id`` is
    Canvas's and is not used.
    """
    students = list(students)
    _check(students, columns, identity)
    label, key = IDENTITIES[identity]
    rows = [[*NAME_HEADERS, label] + [c.title.strip() for c in columns]]
    for s in students:
        ident = [safe_name(s.get("first_name")), safe_name(s.get("last_name")), str(s[key]).strip()]
        rows.append(ident + [rounded(c.values.get(s["id"]), places, zero_for_missing) or NO_GRADE for c in columns])
    return rows


def write_moodle_csv(path: str | os.PathLike, students: Iterable[Mapping], columns: Sequence[Column], *,
                     identity: str = "email", zero_for_missing: bool = False, places: int = 2) -> Path:
    """Write the import file: UTF-8 without BOM (the form's default encoding), comma separated, CRLF line ends."""
    rows = moodle_rows(students, columns, identity=identity, zero_for_missing=zero_for_missing, places=places)
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path = Path(path)
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    return path
