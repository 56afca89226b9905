"""An assignment's cells in nbgrader's gradebook, registered as nbgrader's own SaveCells would.

The manifest says which cells are graded and their points; the release notebook supplies the sources
and checksums nbgrader keeps. Registering again is safe, and refuses what nbgrader would refuse once
students have submissions (cells added, removed or renamed).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from nbformat import from_dict
from nbgrader.api import MissingEntry
from nbgrader.utils import compute_checksum

from ..errors import ConfigError
from ..material.manifest import Assignment
from ..material.notebook import read_json_notebook
from ..text import Text
from .gradebook import COURSE_ID, check_source, notebook_name, open_gradebook


@dataclass(frozen=True)
class _Cell:
    """What nbgrader's SaveCells would record for one notebook cell."""

    name: str
    cell_type: str
    source: str
    grade: bool = False
    solution: bool = False
    locked: bool = False
    points: float = 0.0
    checksum: str | None = None


def _release_cells(path: Path | None) -> tuple[dict[str, dict], dict]:
    """grade_id -> cell for the nbgrader cells of the release notebook, and its kernelspec."""
    if path is None:
        return {}, {}
    nb, reason = read_json_notebook(Path(path))
    if nb is None:
        raise ConfigError(reason)
    cells: dict[str, dict] = {}
    for cell in nb.get("cells", []):
        meta = (cell.get("metadata") or {}).get("nbgrader") or {}
        flagged = meta.get("grade") or meta.get("solution") or meta.get("task") or meta.get("locked")
        gid = meta.get("grade_id")
        if not flagged or not gid:
            continue
        if gid in cells:
            raise ConfigError(Text(f"{path}: la celda {gid!r} aparece dos veces.",
                                   f"{path}: cell {gid!r} appears twice."))
        cells[gid] = cell
    return cells, (nb.get("metadata") or {}).get("kernelspec") or {}


def _checksum(cell: dict | None) -> str | None:
    if cell is None:
        return None
    meta = cell["metadata"]["nbgrader"]
    if meta.get("checksum"):
        return meta["checksum"]
    try:
        return compute_checksum(from_dict({**cell, "source": _source(cell, "")}))
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def _source(cell: dict | None, default: str) -> str:
    if cell is None:
        return default
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def _cells(assignment: Assignment, release_notebook: Path | None) -> tuple[list[_Cell], dict]:
    """The manifest's cells as nbgrader records them; the release notebook only supplies sources."""
    release, kernelspec = _release_cells(release_notebook)
    ids = {t.id for t in assignment.tasks} | {c.id for c in assignment.checks} | {m.id for m in assignment.manual}
    for gid, cell in release.items():
        meta = cell["metadata"]["nbgrader"]
        if gid not in ids and (meta.get("grade") or meta.get("solution") or meta.get("task")):
            raise ConfigError(Text(
                f"{release_notebook}: la celda calificable {gid!r} no está en assignment.toml; declárala allí "
                "(los puntos se definen solo en el manifiesto).",
                f"{release_notebook}: graded cell {gid!r} is not in assignment.toml; declare it there "
                "(points are defined only in the manifest)."))
    cells = []
    for t in assignment.tasks:
        c = release.get(t.id)
        cells.append(_Cell(t.id, "code", _source(c, ""), solution=True, checksum=_checksum(c)))
    for ch in assignment.checks:
        c = release.get(ch.id)
        cells.append(_Cell(ch.id, "code", _source(c, check_source(ch.id, ch.title)), grade=True, locked=True,
                           points=ch.points, checksum=_checksum(c)))
    for m in assignment.manual:
        c = release.get(m.id)
        cells.append(_Cell(m.id, "markdown", _source(c, ""), grade=True, solution=True, points=m.points,
                           checksum=_checksum(c)))
    for gid, c in release.items():  # locked cells nbgrader would also keep a copy of
        if gid not in ids:
            cells.append(_Cell(gid, c.get("cell_type", "code"), _source(c, ""), locked=True, checksum=_checksum(c)))
    return cells, kernelspec


def register_assignment(db_url: str, assignment: Assignment, course_id: str = COURSE_ID, *,
                        release_notebook: str | os.PathLike | None = None) -> None:
    """Create or update the assignment, its notebook and its cells as nbgrader's SaveCells would.

    Idempotent. Once students have submissions, cells can change points but not
    be added or removed (nbgrader refuses the same, since grades hang off cells).
    ``release_notebook`` (default: the manifest's notebook, when it exists)
    supplies the cell sources nbgrader keeps; a graded cell in it that the
    manifest does not declare is an error.
    """
    if release_notebook is None and assignment.notebook_path.is_file():
        release_notebook = assignment.notebook_path
    cells, kernelspec = _cells(assignment, Path(release_notebook) if release_notebook else None)
    aid, nb_name = assignment.id, notebook_name(assignment)
    with open_gradebook(db_url, course_id) as gb:
        gb.update_or_create_assignment(aid, course_id=course_id)
        for old in list(gb.find_assignment(aid).notebooks):
            same = old.name == nb_name
            if old.submissions:
                names = ({c.name for c in old.grade_cells}, {c.name for c in old.solution_cells},
                         {c.name for c in old.source_cells})
                wanted = ({c.name for c in cells if c.grade}, {c.name for c in cells if c.solution},
                          {c.name for c in cells})
                if not same or names != wanted:
                    raise ConfigError(Text(
                        f"La tarea {aid!r} ya tiene entregas: se pueden cambiar puntos, pero no agregar, quitar ni "
                        "renombrar verificaciones, celdas o notebooks.",
                        f"Assignment {aid!r} already has submissions: points may change, but checks, cells and "
                        "notebooks cannot be added, removed or renamed."))
            else:
                gb.remove_notebook(old.name, aid)
        try:
            gb.find_notebook(nb_name, aid)
        except MissingEntry:
            gb.add_notebook(nb_name, aid, kernelspec=json.dumps(kernelspec))
        for c in cells:
            if c.grade:
                gb.update_or_create_grade_cell(c.name, nb_name, aid, max_score=float(c.points), cell_type=c.cell_type)
            if c.solution:
                gb.update_or_create_solution_cell(c.name, nb_name, aid)
            gb.update_or_create_source_cell(c.name, nb_name, aid, cell_type=c.cell_type, locked=c.locked,
                                            source=c.source, checksum=c.checksum)
