"""An instructor's nbgrader course directory, as dlgrader reads and writes it.

The layout is nbgrader's (``nbgrader_config.py``, ``source/``, ``release/``,
``submitted/<student>/<assignment>/``, ``autograded/``, ``gradebook.db``) so
nbgrader's own tools keep working next to dlgrader.
"""

from __future__ import annotations

import contextlib
import copy
import fcntl
import hashlib
import json
import os
import re
import shutil
from datetime import datetime
from pathlib import Path
from typing import Iterator, NamedTuple

from ..errors import Busy, ConfigError
from .gradebook import COURSE_ID, check_source, parse_timestamp, register_assignment, sqlite_url
from ..material.manifest import Assignment
from ..material.notebook import MAX_NOTEBOOK_BYTES, most_answered, read_json_notebook
from ..results import CheckResult, SubmissionResult
from ..text import Text

CONFIG = "nbgrader_config.py"
MARKER = "# Written by dlgrader: delete this line to keep your own changes when dlgrader runs again."


class Submission(NamedTuple):
    """One folder in ``submitted/``: the notebook to grade (None if there is none) and nbgrader's timestamp."""

    student_id: str
    notebook: Path | None
    timestamp: datetime | None


def db_url_for(course_dir: str | os.PathLike) -> str:
    """nbgrader's default gradebook: ``gradebook.db`` at the course root."""
    return sqlite_url(Path(course_dir) / "gradebook.db")


def _config_text(root: Path, course_id: str, db_url: str) -> str:
    return (f"{MARKER}\n"
            "c = get_config()  # noqa: F821 (nbgrader provides it)\n"
            f"c.CourseDirectory.root = {str(root)!r}\n"
            f"c.CourseDirectory.course_id = {course_id!r}\n"
            f"c.CourseDirectory.db_url = {db_url!r}\n")


def init_course(course_dir: str | os.PathLike, assignment: Assignment, release_notebook: str | os.PathLike, *,
                course_id: str = COURSE_ID, db_url: str | None = None) -> str:
    """Lay out the course directory for one assignment and register it; returns the gradebook URL.

    ``nbgrader_config.py`` is rewritten only while it still carries dlgrader's
    first line, so an instructor's edits survive. The release notebook goes to
    both ``source/`` and ``release/``: the reference solution never does.
    """
    root = Path(course_dir).resolve()
    release_notebook = Path(release_notebook)
    if not release_notebook.is_file():
        raise ConfigError(Text(f"No existe el notebook de la tarea {release_notebook}.",
                               f"The assignment notebook {release_notebook} does not exist."))
    db_url = db_url or db_url_for(root)
    root.mkdir(parents=True, exist_ok=True)
    config = root / CONFIG
    if not config.exists() or config.read_text(encoding="utf-8").startswith(MARKER):
        config.write_text(_config_text(root, course_id, db_url), encoding="utf-8")
    for area in ("source", "release"):
        target = root / area / assignment.id / assignment.notebook
        target.parent.mkdir(parents=True, exist_ok=True)
        if not (target.exists() and target.samefile(release_notebook)):
            shutil.copyfile(release_notebook, target)
    register_assignment(db_url, assignment, course_id, release_notebook=release_notebook)
    return db_url


def release_notebook(course_dir: str | os.PathLike, assignment: Assignment | str) -> Path:
    """The notebook students received: ``release/<aid>/``'s copy, else (given the manifest) the assignment's own."""
    aid = assignment if isinstance(assignment, str) else assignment.id
    folder = Path(course_dir) / "release" / aid
    if not isinstance(assignment, str):
        for candidate in (folder / assignment.notebook, assignment.notebook_path):
            if candidate.is_file():
                return candidate
    found = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))
    if len(found) != 1:
        raise ConfigError(Text(
            f"Se esperaba un notebook en {folder} y hay {len(found)}; inicializa el curso con la tarea {aid}.",
            f"Expected one notebook in {folder}, found {len(found)}; initialise the course with assignment {aid}."))
    return found[0]


def _timestamp(folder: Path) -> datetime | None:
    """nbgrader's ``timestamp.txt``; an unreadable one counts as absent (it must not stop a batch)."""
    try:
        return parse_timestamp((folder / "timestamp.txt").read_text(encoding="utf-8").strip())
    except (OSError, ValueError, OverflowError, TypeError):
        return None


def iter_submissions(course_dir: str | os.PathLike, assignment_id: str) -> Iterator[Submission]:
    """Each ``submitted/<student>/<assignment_id>/`` folder, by student id.

    With several notebooks (say the Spanish and the English one), the one with
    the most answered solution cells is graded (:func:`notebook.most_answered`).
    """
    root = Path(course_dir)
    submitted = root / "submitted"
    if not submitted.is_dir():
        return
    try:
        release = release_notebook(root, assignment_id)
    except ConfigError:
        release = None  # no release copy to compare with: the first by name
    for student in sorted(p for p in submitted.iterdir() if p.is_dir() and not p.name.startswith(".")):
        folder = student / assignment_id
        if not folder.is_dir():
            continue
        found = sorted(p for p in folder.glob("*.ipynb") if p.is_file() and not p.name.startswith("."))
        chosen = most_answered(found, release, release.name) if release else (found[0] if found else None)
        yield Submission(student.name, chosen, _timestamp(folder))


def _cell_id(nb: dict, wanted: str, taken: set[str]) -> dict:
    """An nbformat >= 4.5 cell id (unique, [a-zA-Z0-9-_]), or nothing for older notebooks."""
    minor = nb.get("nbformat_minor")
    if nb.get("nbformat") != 4 or not isinstance(minor, int) or minor < 5:
        return {}
    base = re.sub(r"[^a-zA-Z0-9_-]", "-", wanted)[:56]
    cid, n = base, 1
    while cid in taken:
        n += 1
        cid = f"{base}-{n}"
    taken.add(cid)
    return {"id": cid}


def _feedback(check: CheckResult) -> str:
    head = (f"{'Superada' if check.passed else 'No superada'}: {check.points:g} de {check.max_points:g} puntos.\n")
    body = check.feedback("es")
    return head + (body + "\n" if body else "")


SAFE_MIME = ("text/plain", "image/png", "image/jpeg", "image/gif")
_FENCE = re.compile(r"^\s*(```|~~~)")


def _escape_markdown(text: str) -> str:
    """``<`` becomes ``&lt;`` outside code, so no tag a student writes reaches the instructor's browser."""
    out, fenced = [], False
    for line in text.splitlines(keepends=True):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            parts = re.split(r"(`+[^`]*`+)", line)
            line = "".join(part if i % 2 else part.replace("<", "&lt;") for i, part in enumerate(parts))
        out.append(line)
    return "".join(out)


def _defang(cell: dict) -> None:
    """Neutralise what a submission could run in formgrader's page (scripts in HTML, SVG, JS outputs).

    Student code never runs on the instructor's side, and neither may
    student-written HTML: formgrader renders the notebook in the Jupyter
    page that holds the instructor's token. Plain text and images stay.
    """
    source = cell.get("source", "")
    source = "".join(source) if isinstance(source, list) else str(source)
    if cell.get("cell_type") == "markdown":
        cell["source"] = _escape_markdown(source)
    elif cell.get("cell_type") == "raw":
        cell["metadata"].pop("format", None)
        cell["metadata"].pop("raw_mimetype", None)
    outputs = []
    for output in cell.get("outputs") or []:
        if not isinstance(output, dict):
            continue
        if isinstance(output.get("data"), dict):
            output["data"] = {k: v for k, v in output["data"].items() if k in SAFE_MIME}
            if not output["data"]:
                continue
        outputs.append(output)
    if "outputs" in cell:
        cell["outputs"] = outputs


def _graded_copy(nb: dict, release: dict, result: SubmissionResult, problem: Text | None) -> dict:
    """The notebook formgrader shows: nbgrader metadata and locked sources from the release, one cell per check.

    A student can delete, duplicate or edit nbgrader metadata; formgrader would
    then fail on cell ids the gradebook does not know, so only the release's
    cells keep it (first occurrence wins) and locked cells get their release source.
    """
    spec = {}
    for cell in release.get("cells", []):
        meta = (cell.get("metadata") or {}).get("nbgrader") or {}
        if meta.get("grade_id") and meta["grade_id"] not in spec:
            spec[meta["grade_id"]] = cell
    out = copy.deepcopy(nb)
    seen: set[str] = set()
    taken = {c.get("id") for c in out["cells"] if isinstance(c, dict) and c.get("id")}
    cells = []
    for cell in out["cells"]:
        if not isinstance(cell, dict):
            continue
        meta = cell.setdefault("metadata", {})
        if not isinstance(meta, dict):
            cell["metadata"] = meta = {}
        gid = (meta.get("nbgrader") or {}).get("grade_id") if isinstance(meta.get("nbgrader"), dict) else None
        meta.pop("nbgrader", None)
        if nb is not release:
            _defang(cell)
        if gid in spec and gid not in seen:
            seen.add(gid)
            original = spec[gid]
            meta["nbgrader"] = copy.deepcopy(original["metadata"]["nbgrader"])
            if not meta["nbgrader"].get("solution"):
                cell["source"] = copy.deepcopy(original.get("source", ""))
        cells.append(cell)
    by_id = {c["metadata"]["nbgrader"]["grade_id"]: c for c in cells if "nbgrader" in c["metadata"]}
    if problem is not None:
        cells.append({"cell_type": "markdown", **_cell_id(out, "dlgrader-problem", taken), "metadata": {},
                      "source": "**dlgrader:** " + _escape_markdown(problem("es"))})
    for check in result.checks:
        stream = {"output_type": "stream", "name": "stdout", "text": _feedback(check)}
        existing = by_id.get(check.id)
        if existing is not None and existing.get("cell_type") == "code":
            existing["outputs"] = [stream]
            continue
        if existing is not None:
            continue
        cells.append({
            "cell_type": "code", **_cell_id(out, f"dlgrader-{check.id}", taken), "execution_count": None,
            "metadata": {"nbgrader": {"grade": True, "solution": False, "locked": True, "task": False,
                                      "grade_id": check.id, "points": check.max_points, "schema_version": 3},
                         "dlgrader": {"role": "result"}},
            "source": check_source(check.id, check.title), "outputs": [stream]})
    out["cells"] = cells
    return out


def write_autograded(course_dir: str | os.PathLike, student_id: str, assignment: Assignment | str,
                     notebook_path: str | os.PathLike | None, result: SubmissionResult, *,
                     release: str | os.PathLike | None = None) -> Path:
    """Put the graded notebook where formgrader looks: ``autograded/<student>/<aid>/<release name>``.

    The file keeps the release notebook's name whatever the student called
    it. An unreadable or missing submission is replaced by the release
    notebook with a note, so the instructor can still open it and grade.
    ``release`` defaults to :func:`release_notebook`.
    """
    root = Path(course_dir)
    assignment_id = assignment if isinstance(assignment, str) else assignment.id
    release_path = Path(release) if release is not None else release_notebook(root, assignment)
    original, reason = read_json_notebook(release_path)
    if original is None:
        raise ConfigError(reason)
    nb, problem = (None, Text("No hay notebook entregado.", "No notebook was submitted.")) if notebook_path is None \
        else read_json_notebook(Path(notebook_path))
    if nb is not None and nb.get("nbformat") != 4:
        nb, problem = None, Text("El notebook no está en formato nbformat 4.", "The notebook is not in nbformat 4.")
    graded = _graded_copy(nb if nb is not None else original, original, result, problem if nb is None else None)
    name = release_path.name if isinstance(assignment, str) else assignment.notebook  # formgrader: <notebook id>.ipynb
    target = root / "autograded" / student_id / assignment_id / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(graded, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if notebook_path is not None:
        stamp = Path(notebook_path).parent / "timestamp.txt"
        if stamp.is_file():
            shutil.copyfile(stamp, target.parent / "timestamp.txt")
    return target


def results_dir(course_dir: str | os.PathLike, assignment_id: str) -> Path:
    """Where autograde keeps each submission's full result (feedback, counterexamples) for reports and exports.

    It sits outside nbgrader's folders, so nbgrader never hands it to a student.
    """
    return Path(course_dir) / "dlgrader" / "results" / assignment_id


def fingerprint(notebook: Path | None, timestamp: datetime | None) -> str:
    """What identifies a submission's content: its bytes and nbgrader's timestamp (a resubmission changes one).

    A file over the size limit is refused for its size alone, so its size identifies it: reading a
    hostile 3 GB notebook into memory to hash it would cost the instructor's process 3 GB and seconds.
    """
    if notebook is None:
        digest = "no-notebook"
    elif (size := notebook.stat().st_size) > MAX_NOTEBOOK_BYTES:
        digest = f"oversized-{size}"
    else:
        digest = hashlib.sha256(notebook.read_bytes()).hexdigest()
    return f"{digest}@{timestamp.isoformat() if timestamp else '-'}"


def write_result(course_dir: str | os.PathLike, result: SubmissionResult, fingerprint: str | None = None) -> Path:
    """Save one result, replacing the file atomically so a crash never leaves half of it."""
    target = results_dir(course_dir, result.assignment) / f"{result.student}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".json.tmp")
    tmp.write_text(json.dumps({"fingerprint": fingerprint, "result": result.to_record()}, ensure_ascii=False),
                   encoding="utf-8")
    os.replace(tmp, target)
    return target


def read_result(path: Path) -> tuple[str | None, SubmissionResult]:
    """(fingerprint, result) of one saved file."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    return doc.get("fingerprint"), SubmissionResult.from_record(doc["result"])


def read_results(course_dir: str | os.PathLike, assignment_id: str) -> list[SubmissionResult]:
    """Every saved result of the assignment, by student id."""
    folder = results_dir(course_dir, assignment_id)
    if not folder.is_dir():
        raise ConfigError(Text(f"No hay resultados de {assignment_id} en {course_dir}; ejecuta dlgrader autograde primero.",
                               f"There are no results for {assignment_id} in {course_dir}; run dlgrader autograde first."))
    return [read_result(p)[1] for p in sorted(folder.glob("*.json"))]


@contextlib.contextmanager
def autograde_lock(course_dir: str | os.PathLike):
    """Hold the course for one autograde at a time; a second one is refused at once, saying who holds it.

    ``flock`` is released by the kernel when the holder dies, so a killed run
    never leaves a stale lock behind.
    """
    path = Path(course_dir) / "dlgrader" / "autograde.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    fh = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the whole run
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "?"
            raise Busy(Text(f"Otro dlgrader autograde está calificando este curso ({holder}); espera a que termine.",
                            f"Another dlgrader autograde is grading this course ({holder}); wait for it to finish.")) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}, {datetime.now().strftime('%Y-%m-%d %H:%M:%S')}")
        fh.flush()
        yield path
    finally:
        fh.close()
