"""What the kernel has run, compared with notebooks on disk: which file it runs, and what it ran unsaved.

IPython keeps every source the kernel executed (its raw input history), in order. nbgrader's
validator runs a file's cells top to bottom in a fresh kernel (:func:`notebook_in_history`); a
student runs cells in any order, edits and re-runs them (:func:`closest_in_history`,
:func:`unsaved_cells`). Outside IPython there is no history and every answer is "don't know".
"""

from __future__ import annotations

import ast
from pathlib import Path

from ..material.manifest import Assignment
from ..material.notebook import read_json_notebook, solution_cells, strip_magics


def executed() -> list[str] | None:
    """The sources this kernel has run, in order (IPython's raw input history), or None outside IPython."""
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    shell = get_ipython()
    if shell is None:
        return None
    return [s.strip() for s in shell.history_manager.input_hist_raw if s.strip()]


def _code_cells(path: Path) -> list[str] | None:
    nb, _ = read_json_notebook(path)
    if nb is None:
        return None
    code = []
    for cell in nb["cells"]:
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            src = cell.get("source", "")
            src = ("".join(src) if isinstance(src, list) else str(src)).strip()
            if src:
                code.append(src)
    return code


def notebook_in_history(folder: Path) -> Path | None:
    """The notebook in ``folder`` whose code cells this kernel has been running, in order.

    nbgrader's validator runs the file's cells top to bottom in a fresh kernel
    started in the file's folder, so the history is a prefix of that notebook's
    code cells; a copy that differs in any cell already run does not match. The
    cell running now is the last entry.
    """
    ran = executed()
    if not ran:
        return None
    for path in sorted(folder.glob("*.ipynb")):
        code = _code_cells(path)
        if code is not None and code[:len(ran)] == ran:
            return path
    return None


def closest_in_history(folder: Path) -> Path | None:
    """The one notebook in ``folder`` holding more of the sources this kernel ran than any other, or None.

    For a front end that does not tell the kernel its file (an older Jupyter): the student ran cells
    of the file they work on, in any order; a tie (two copies alike in everything run) is no answer.
    """
    ran = set(executed() or ())
    scores = []
    for path in sorted(folder.glob("*.ipynb")):
        code = _code_cells(path)
        if code is not None:
            scores.append((len(ran.intersection(code)), path))
    scores.sort(key=lambda s: -s[0])
    if not scores or scores[0][0] == 0 or (len(scores) > 1 and scores[1][0] == scores[0][0]):
        return None
    return scores[0][1]


def _defines(source: str) -> set[str]:
    """The names a source defines at its top level (functions, classes, assignments)."""
    try:
        tree = ast.parse(strip_magics(source))
    except (SyntaxError, ValueError):
        return set()
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def unsaved_cells(path: Path, assignment: Assignment) -> list[str]:
    """Solution cells (grade ids) whose code the kernel last ran differs from the code saved in ``path``.

    The last source run that defines one of a task's names stands for that task's cell: if it is not
    the saved cell, the student edited the cell after saving it (or saved it elsewhere).
    """
    ran = executed()
    nb, _ = read_json_notebook(path)
    if not ran or nb is None:
        return []
    saved, _ = solution_cells(nb)
    changed = []
    for task in assignment.tasks:
        if task.id not in saved:
            continue
        last = next((src for src in reversed(ran) if _defines(src) & set(task.names)), None)
        if last is not None and last != saved[task.id].strip():
            changed.append(task.id)
    return changed
