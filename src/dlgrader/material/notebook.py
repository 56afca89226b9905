"""Turn a submission into the program the worker runs.

Only the student's *solution* cells are taken from the submission (matched by
nbgrader ``grade_id``); every other code cell comes from the release copy, so a
student cannot change imports, check cells or anything locked. A broken file
never raises: it yields a program with a one-line reason for each problem.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..text import Text

MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024
_MAGIC = re.compile(r"^\s*[%!]")
_PERCENT = re.compile(r"^# %% \[([A-Za-z0-9_\-]+)\]\s*$")


@dataclass(frozen=True)
class Cell:
    id: str
    source: str
    student: bool  # True when the source came from the submission


@dataclass
class Program:
    cells: list[Cell]
    problems: list[Text] = field(default_factory=list)


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    if isinstance(src, list):
        src = "".join(s for s in src if isinstance(s, str))
    return src if isinstance(src, str) else ""


def _nbgrader(cell: dict) -> dict:
    meta = cell.get("metadata")
    nb = meta.get("nbgrader") if isinstance(meta, dict) else None
    return nb if isinstance(nb, dict) else {}


def cell_role(cell: dict) -> str | None:
    """dlgrader's role for a cell: "check" (the check cell) or "demo" (plots and races the grader never runs)."""
    meta = cell.get("metadata") or {}
    role = (meta.get("dlgrader") or {}).get("role") if isinstance(meta, dict) else None
    return role if isinstance(role, str) else None


def is_check_cell(cell: dict) -> bool:
    return cell_role(cell) == "check"


def strip_magics(source: str) -> str:
    """IPython magics and shell escapes are not Python; they become blank lines."""
    return "\n".join("" if _MAGIC.match(line) else line for line in source.splitlines())


def read_json_notebook(path: Path) -> tuple[dict | None, Text | None]:
    """Parse a notebook leniently; return (notebook, None) or (None, reason)."""
    try:
        size = path.stat().st_size
    except OSError:
        return None, Text(f"No se pudo leer {path.name}.", f"Could not read {path.name}.")
    if size > MAX_NOTEBOOK_BYTES:
        return None, Text(f"{path.name} pesa {size // 2**20} MB; el límite es {MAX_NOTEBOOK_BYTES // 2**20} MB "
                          "(borra las salidas con Kernel → Restart & Clear Output).",
                          f"{path.name} is {size // 2**20} MB; the limit is {MAX_NOTEBOOK_BYTES // 2**20} MB "
                          "(clear the outputs with Kernel → Restart & Clear Output).")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, Text(f"{path.name} no está en UTF-8; guárdalo de nuevo desde Jupyter.",
                          f"{path.name} is not UTF-8; save it again from Jupyter.")
    try:
        nb = json.loads(text)
    except (ValueError, RecursionError):
        return None, Text(f"{path.name} no es un notebook válido (JSON dañado); descarga de nuevo la tarea y copia tu código.",
                          f"{path.name} is not a valid notebook (broken JSON); download the assignment again and copy your code.")
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        return None, Text(f"{path.name} no tiene la estructura de un notebook de Jupyter.",
                          f"{path.name} does not have the structure of a Jupyter notebook.")
    return nb, None


def solution_cells(nb: dict) -> tuple[dict[str, str], list[Text]]:
    """Map grade_id -> source for the solution cells of a notebook, first one wins."""
    found: dict[str, str] = {}
    problems: list[Text] = []
    for cell in nb.get("cells", []):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        meta = _nbgrader(cell)
        gid = meta.get("grade_id")
        if not meta.get("solution") or not isinstance(gid, str):
            continue
        if gid in found:
            problems.append(Text(f"La celda {gid!r} está duplicada; se usa la primera.",
                                 f"Cell {gid!r} is duplicated; the first one is used."))
            continue
        src = cell.get("source", "")
        if not (isinstance(src, str) or (isinstance(src, list) and all(isinstance(s, str) for s in src))):
            problems.append(Text(f"El código de la celda {gid!r} no es texto (el archivo fue alterado); se toma vacía.",
                                 f"The code of cell {gid!r} is not text (the file was altered); it is taken as empty."))
        found[gid] = _source(cell)
    return found, problems


def most_answered(paths: list[Path], release_path: Path, preferred: str | None = None) -> Path | None:
    """Of several notebooks in one submission, the one with the most solution cells changed from the stubs.

    A student may hand in the Spanish and the English notebook, one of them
    untouched: the one they worked on is graded. Ties go to ``preferred`` (the
    release notebook's name), then to the first by name.
    """
    if len(paths) <= 1:
        return paths[0] if paths else None
    release, _ = read_json_notebook(release_path)
    stubs, _ = solution_cells(release) if release is not None else ({}, [])

    def answered(path: Path) -> int:
        nb, _ = read_json_notebook(path)
        if nb is None:
            return -1
        answers, _ = solution_cells(nb)
        return sum(1 for gid, src in answers.items() if src.strip() != stubs.get(gid, "").strip())

    return max(sorted(paths), key=lambda p: (answered(p), p.name == preferred))


def release_program(release: dict, answers: dict[str, str] | None) -> tuple[list[Cell], list[str]]:
    """The release notebook's code cells with solution cells replaced by ``answers``."""
    cells: list[Cell] = []
    missing: list[str] = []
    for cell in release.get("cells", []):
        if cell.get("cell_type") != "code" or cell_role(cell) in ("check", "demo"):
            continue  # the check cell and demo cells (plots) run only in Jupyter
        meta = _nbgrader(cell)
        gid = meta.get("grade_id", f"cell{len(cells)}")
        if meta.get("grade") and not meta.get("solution"):
            continue  # a grade cell only names a check; graders live outside the notebook
        if meta.get("solution"):
            if answers is not None and gid in answers:
                cells.append(Cell(gid, strip_magics(answers[gid]), True))
            else:
                missing.append(gid)
                cells.append(Cell(gid, strip_magics(_source(cell)), False))
        else:
            cells.append(Cell(gid, strip_magics(_source(cell)), False))
    return cells, missing


def program_from_notebook(path: Path, release_path: Path) -> Program:
    """Build the program for a submitted notebook; never raises on a broken file."""
    release, _ = read_json_notebook(release_path)
    if release is None:
        raise FileNotFoundError(release_path)
    nb, reason = read_json_notebook(Path(path))
    if nb is None:
        cells, _ = release_program(release, None)
        return Program(cells, [reason])
    answers, problems = solution_cells(nb)
    cells, missing = release_program(release, answers)
    for gid in missing:
        problems.append(Text(f"Falta la celda de solución {gid!r} (¿la borraste o cambiaste sus metadatos?); "
                             "se usa la celda original sin resolver.",
                             f"Solution cell {gid!r} is missing (deleted, or its metadata changed); "
                             "the unsolved original is used."))
    return Program(cells, problems)


def read_cell_file(path: Path) -> dict[str, str]:
    """Read a percent-format cell file (``# %% [grade_id]`` headers) into grade_id -> source."""
    cells: dict[str, str] = {}
    current: str | None = None
    lines: list[str] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        m = _PERCENT.match(line)
        if m:
            if current is not None:
                cells[current] = "\n".join(lines).strip("\n") + "\n"
            current, lines = m.group(1), []
        elif current is not None:
            lines.append(line)
    if current is not None:
        cells[current] = "\n".join(lines).strip("\n") + "\n"
    return cells


def program_from_cells(answers: dict[str, str], release_path: Path) -> Program:
    """Build the program from cell sources (reference, mutants, tests)."""
    release, _ = read_json_notebook(release_path)
    cells, _ = release_program(release, answers)
    return Program(cells)


def helper_aliases(cells: list[Cell], task_names: set[str]) -> dict[str, str]:
    """Each function of a locked cell that calls the student's functions, by the names of those it calls.

    A grader that cannot hand a torch model across the wire calls a locked helper (``corrector_entrenar``)
    that calls the student's ``entrenar``: feedback names ``entrenar``. Locked cells are the release's, so
    parsing them here runs nothing a student wrote.
    """
    aliases = {}
    for cell in cells:
        if cell.student:
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                used = sorted({n.id for n in ast.walk(node) if isinstance(n, ast.Name) and n.id in task_names})
                if used:
                    aliases[node.name] = "/".join(used)
    return aliases
