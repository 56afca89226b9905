"""The graded notebook formgrader shows, with anything a student wrote that could run in its page defanged.

formgrader renders ``autograded/<student>/<aid>/`` in the Jupyter page that holds the instructor's token,
and fails on nbgrader cell ids the gradebook does not know: so the copy takes nbgrader metadata and locked
sources from the release, adds one cell per check with its feedback, and drops scripts, HTML and SVG.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
from pathlib import Path

from ..errors import ConfigError
from ..material.manifest import Assignment
from ..material.notebook import read_json_notebook
from ..results import CheckResult, SubmissionResult
from ..text import Text
from .folders import release_notebook
from .gradebook import check_source


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


def feedback_text(check: CheckResult, lang: str = "es") -> str:
    """What a graded notebook shows under a check's cell."""
    head = Text(f"Superada: {check.points:g} de {check.max_points:g} puntos.\n",
                f"Passed: {check.points:g} of {check.max_points:g} points.\n") if check.passed else \
        Text(f"No superada: {check.points:g} de {check.max_points:g} puntos.\n",
             f"Not passed: {check.points:g} of {check.max_points:g} points.\n")
    body = check.feedback(lang)
    return head(lang) + (body + "\n" if body else "")


def score_outputs(check: CheckResult | None, lang: str = "es") -> list[dict]:
    """A grade cell's outputs in a graded notebook: the feedback on stdout, then the score as a number.

    nbgrader reads a grade cell's score from its outputs (``determine_grade``, nbgrader/utils.py): the first
    error, stderr stream or ``execute_result`` decides; a numeric ``execute_result`` from 0 to the cell's points
    is that many points, while a non-numeric or negative one is *full* marks. So the score is written as a plain
    decimal, and a cell the manifest does not know gets a stderr line (0).
    """
    if check is None:
        return [{"output_type": "stream", "name": "stderr",
                 "text": "dlgrader: esta celda no corresponde a ninguna verificación. / "
                         "dlgrader: this cell matches no check.\n"}]
    return [{"output_type": "stream", "name": "stdout", "text": feedback_text(check, lang)},
            {"output_type": "execute_result", "execution_count": None, "metadata": {},
             "data": {"text/plain": repr(float(max(check.points, 0.0)))}}]


SAFE_MIME = ("text/plain", "image/png", "image/jpeg", "image/gif")
_FENCE = re.compile(r"^\s*(```|~~~)")


def escape_markdown(text: str) -> str:
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


def defang(cell: dict) -> None:
    """Neutralise what a submission could run in formgrader's page (scripts in HTML, SVG, JS outputs).

    Student code never runs on the instructor's side, and neither may
    student-written HTML: formgrader renders the notebook in the Jupyter
    page that holds the instructor's token. Plain text and images stay.
    """
    source = cell.get("source", "")
    source = "".join(source) if isinstance(source, list) else str(source)
    if cell.get("cell_type") == "markdown":
        cell["source"] = escape_markdown(source)
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
            defang(cell)
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
                      "source": "**dlgrader:** " + escape_markdown(problem("es"))})
    for check in result.checks:
        outputs = score_outputs(check)
        existing = by_id.get(check.id)
        if existing is not None and existing.get("cell_type") == "code":
            existing["outputs"] = outputs
            continue
        if existing is not None:
            continue
        cells.append({
            "cell_type": "code", **_cell_id(out, f"dlgrader-{check.id}", taken), "execution_count": None,
            "metadata": {"nbgrader": {"grade": True, "solution": False, "locked": True, "task": False,
                                      "grade_id": check.id, "points": check.max_points, "schema_version": 3},
                         "dlgrader": {"role": "result"}},
            "source": check_source(check.id, check.title), "outputs": outputs})
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
