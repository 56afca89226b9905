"""``dlgrader feedback``: each student's feedback page, packed the way their LMS takes files back.

The pages are ``dlgrader report``'s (``report/estudiantes/<id>.html``: self-contained HTML, styles
inline, no scripts), used as files; this module only decides where each one goes.

**Moodle**, confirmed in source: "Upload multiple feedback files in a zip" (mod/assign/feedback/file/
importziplib.php, ``is_valid_filename_for_import``) splits each path part with ``explode('_',
$pathpart, 5)``, reads the participant id from ``$info[1]`` and the plugin from ``$info[2]``,
``$info[3]`` ("fullname_userid_plugintype_pluginname (as created by zip export in Moodle >= 4.1)
resp. fullname_userid_plugintype_pluginname_"); a file whose name and content equal the student's
own submission is skipped (``is_file_modified``), any other becomes a feedback file. So each page
goes into the folder the student's files had in the download (recorded by ``dlgrader submissions
import --lms moodle``), and students not in that download are listed instead.

**Canvas**: "Re-upload submissions" (app/models/assignment.rb, ``infer_comment_context_from_filename``)
takes back only files named ``…_<user id>_<attachment id>_…`` after one of the student's own
attachments, and names the comment's file after that attachment (``:display_name =>
attachment.display_name``), so an HTML page would reach the student named like their notebook.
There is no bulk upload for a page: one folder per student, to attach in SpeedGrader.

**Blackboard Learn** (Original): its help pages describe no bulk upload of feedback files for an
assignment (only the Grade Center's CSV, which carries text, not files): one folder per student by
username, to attach on each attempt's grading page. **folder**: one folder per student id.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..course.store import read_results
from ..errors import ConfigError
from ..text import Text
from .submissions import read_imports

TARGETS = ("moodle", "canvas", "blackboard", "folder")
HOW = {
    "moodle": Text("En la tarea de Moodle: Ver todas las entregas → Acción sobre las calificaciones → «Subir varios "
                   "archivos de retroalimentación en un ZIP» (requiere la retroalimentación con archivos activada), "
                   "y sube este .zip tal cual.",
                   "In the Moodle assignment: View all submissions → Grading action → \"Upload multiple feedback "
                   "files in a zip\" (file feedback must be enabled), and upload this .zip as it is."),
    "canvas": Text("Canvas no recibe páginas de retroalimentación en bloque: en SpeedGrader, para cada estudiante, "
                   "adjunta el archivo de su carpeta como comentario.",
                   "Canvas takes no feedback pages in bulk: in SpeedGrader, for each student, attach the file in "
                   "their folder as a comment."),
    "blackboard": Text("Blackboard no recibe archivos de retroalimentación en bloque: en el Centro de "
                       "calificaciones, abre el intento de cada estudiante y adjunta el archivo de su carpeta "
                       "(nombrada por su usuario) en «Retroalimentación para el usuario».",
                       "Blackboard takes no feedback files in bulk: in the Grade Center, open each student's "
                       "attempt and attach the file in their folder (named by username) under \"Feedback to "
                       "Learner\"."),
    "folder": Text("Una carpeta por estudiante (su id) con su página de retroalimentación.",
                   "One folder per student (their id) with their feedback page."),
}


@dataclass
class FeedbackExport:
    lms: str
    path: Path  # the zip (Moodle) or the folder
    files: dict[str, str] = field(default_factory=dict)  # student -> where their page is, inside ``path``
    missing: list[tuple[str, Text]] = field(default_factory=list)  # students without a file, and why
    how: Text | None = None


def page_name(assignment_id: str, lang: str) -> str:
    return Text(f"retroalimentacion_{assignment_id}.html", f"feedback_{assignment_id}.html")(lang)


def _component(name: str | None, fallback: str) -> str:
    """A name from the download (hostile: a receipt can say anything) as one safe folder name, else ``fallback``."""
    ok = name and name.strip() == name and name not in (".", "..") and not name.startswith(".") \
        and not any(c in name for c in "/\\\0:")
    return name if ok else fallback


def _place(to: str, sid: str, record: dict | None) -> tuple[str | None, Text | None]:
    """The folder a student's page goes in, or why there is none (``record``: ``to``'s import of them)."""
    ids = (record or {}).get("ids") or {}
    from_lms = record is not None
    if to == "moodle":
        if not from_lms or not ids.get("folder"):
            return None, Text("no venía en la descarga de Moodle: Moodle no sabría de quién es; súbela a mano",
                              "was not in the Moodle download: Moodle would not know whose it is; upload it by hand")
        folder = _component(ids["folder"], "")
        if not folder:
            return None, Text("la carpeta de Moodle tiene un nombre no válido", "the Moodle folder has an invalid name")
        return folder, None
    if to == "canvas" and from_lms and ids.get("user"):
        return _component(f"{ids.get('prefix') or sid}_{ids['user']}", sid), None
    if to == "blackboard" and from_lms:
        return _component(ids.get("username") or record.get("name"), sid), None
    return sid, None


def write_feedback(course_dir: str | os.PathLike, assignment_id: str, to: str, pages: Path, *,
                   out: str | os.PathLike | None = None, lang: str = "es") -> FeedbackExport:
    """Pack the pages in ``pages`` (``report/estudiantes``) for ``to``; a zip for Moodle, else a folder."""
    if to not in TARGETS:
        raise ConfigError(Text(f"Destino desconocido {to!r} (conocidos: {', '.join(TARGETS)}).",
                               f"Unknown target {to!r} (known: {', '.join(TARGETS)})."))
    course = Path(course_dir)
    students = sorted({r.student for r in read_results(course, assignment_id) if r.student})
    records = read_imports(course, assignment_id)
    base = Path(out) if out else course / "lms" / "feedback" / assignment_id
    result = FeedbackExport(to, base / f"moodle_{assignment_id}.zip" if to == "moodle" else base / to, how=HOW[to])
    name = page_name(assignment_id, lang)
    placed: dict[str, tuple[str, Path]] = {}
    for sid in students:
        page = pages / f"{sid}.html"
        folder, why = _place(to, sid, records.get(sid, {}).get(to))
        if not page.is_file():
            why = Text("no tiene página en el informe", "has no page in the report")
        if why is not None:
            result.missing.append((sid, why))
            continue
        placed[sid] = (f"{folder}/{name}", page)
    if to == "moodle":
        result.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = result.path.with_name(f".{result.path.name}.tmp")
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for sid, (inside, page) in placed.items():
                zf.write(page, inside)
        os.replace(tmp, result.path)
    else:
        for sid, (inside, page) in placed.items():
            target = result.path / inside
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page.read_bytes())
        result.path.mkdir(parents=True, exist_ok=True)
        index = [HOW[to](lang), ""] + [f"{sid}\t{inside}" for sid, (inside, _) in placed.items()]
        (result.path / Text("LEEME.txt", "README.txt")(lang)).write_text("\n".join(index) + "\n", encoding="utf-8")
    result.files = {sid: inside for sid, (inside, _) in placed.items()}
    return result
