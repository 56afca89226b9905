"""Write what the notebooks derive from ``assignment.toml``: each grade cell's code and points, and the time limits.

Points and titles live only in the manifest; the Spanish notebook and its English
twin carry copies that this module writes, so they are never typed by hand. A
grade cell's code calls :func:`dlgrader.grade_cell`, which fails closed when
anything but dlgrader grades the notebook (see student/grade_cells.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from .manifest import NUMPY_BUDGET, TORCH_BUDGET, Assignment, Check
from ..errors import ConfigError
from ..text import Text


def notebook_paths(assignment: Assignment) -> dict[str, Path]:
    """The assignment's notebooks by language: the Spanish one and, when present, its English twin."""
    es = assignment.notebook_path
    en = es.with_name(es.stem + ".en.ipynb")
    return {"es": es, **({"en": en} if en.is_file() else {})}


_HEAD = {
    True: Text("# Verificación pública «{id}» ({points}): {title}\n"
               "# La ejecuta la última celda del notebook (dlgrader.check); al entregar, la califica dlgrader.\n",
               "# Public check «{id}» ({points}): {title}\n"
               "# The notebook's last cell runs it (dlgrader.check); when you submit, dlgrader grades it.\n"),
    False: Text("# Verificación oculta «{id}» ({points}): {title}\n"
                "# Se evalúa al entregar: la califica dlgrader con casos que no ves.\n",
                "# Hidden check «{id}» ({points}): {title}\n"
                "# Graded when you submit: dlgrader grades it on cases you do not see.\n"),
}
_MISSING = Text("dlgrader no está instalado: esta verificación no se puede calificar aquí.",
                "dlgrader is not installed: this check cannot be graded here.")
_NO_POINTS = Text("sin dlgrader, esta celda no da puntos", "without dlgrader, this cell gives no points")


def _points(points: float, lang: str) -> str:
    word = Text("punto", "point") if points == 1 else Text("puntos", "points")
    return f"{points:g} {word(lang)}"


def grade_cell_source(assignment: Assignment, check: Check, lang: str) -> str:
    """The locked code of the grade cell that stands for ``check``, in the notebook's language."""
    title = check.title(lang)
    title = title if title.endswith((".", "?", "!")) else title + "."
    quoted = lambda text: json.dumps(text, ensure_ascii=False)  # noqa: E731
    lang_arg = Text("", ', lang="en"')(lang)
    return (_HEAD[check.public](lang).format(id=check.id, points=_points(check.points, lang), title=title)
            + "try:\n"
            + "    import dlgrader\n"
            + f"except ImportError:  # {_NO_POINTS(lang)}\n"
            + f"    import sys; print({quoted(_MISSING(lang))}, file=sys.stderr)\n"
            + "else:\n"
            + f"    dlgrader.grade_cell({quoted(assignment.id)}, {quoted(check.id)}{lang_arg})")


LIMITS = "time_limits"  # the derived markdown cell that states the assignment's time limits (its dlgrader metadata)
_LIMITS = Text("**Límites de tiempo.** Al calificar, {each}; cargar tu notebook (ejecutar tus celdas de "
               "solución), {load} s; y la corrección completa de tu entrega, {budget} s en total{default}. Una "
               "solución correcta tarda mucho menos: cada límite es al menos el triple de lo que tardan las entregas "
               "correctas (medido), para que la carga del computador nunca cambie una nota. Si tu código se pasa de "
               "un límite, las verificaciones que no alcanzaron a terminar valen 0.",
               "**Time limits.** When grading, {each}; loading your notebook (running your solution cells), {load} "
               "s; and grading your whole submission, {budget} s in total{default}. A correct solution takes far "
               "less: each limit is at least three times what correct submissions take (measured), so that the "
               "machine's load never changes a grade. If your code goes over a limit, the checks that had not "
               "finished score 0.")
_EACH_CALL = Text("cada llamada a una de tus funciones puede tardar a lo más {call} s{cpu}",
                  "each call to one of your functions may take at most {call} s{cpu}")
_EACH_ANSWER = Text("leer cada respuesta puede tardar a lo más {call} s{cpu}",
                    "reading each answer may take at most {call} s{cpu}")
_CPU = Text(" y usar a lo más {cpu} s de CPU", " and use at most {cpu} s of CPU")
_DEFAULT = {
    False: Text(" (el límite de las tareas con NumPy; el de las tareas con PyTorch es {other} s)",
                " (the limit of NumPy assignments; that of PyTorch assignments is {other} s)"),
    True: Text(" (el límite de las tareas con PyTorch; el de las tareas con NumPy es {other} s)",
               " (the limit of PyTorch assignments; that of NumPy assignments is {other} s)"),
}


def _seconds(value: float, lang: str) -> str:
    """A number of seconds as the notebook's language writes it (a decimal comma in Spanish)."""
    text = f"{value:g}"
    return Text(text.replace(".", ","), text)(lang)


def limits_source(assignment: Assignment, lang: str) -> str:
    """The text of the notebook's time-limits cell, from the manifest (the submission's default by kind)."""
    s = lambda value: _seconds(value, lang)  # noqa: E731
    own, other = (TORCH_BUDGET, NUMPY_BUDGET) if assignment.needs_torch else (NUMPY_BUDGET, TORCH_BUDGET)
    default = _DEFAULT[assignment.needs_torch](lang).format(other=s(other)) \
        if assignment.submission_budget == own else ""
    cpu = _CPU(lang).format(cpu=s(assignment.call_cpu)) if assignment.call_cpu < assignment.call_timeout else ""
    functions = any(t.names for t in assignment.tasks)  # a quiz's answers are variables, not functions
    each = (_EACH_CALL if functions else _EACH_ANSWER)(lang).format(call=s(assignment.call_timeout), cpu=cpu)
    return _LIMITS(lang).format(each=each, load=s(assignment.load_timeout), budget=s(assignment.submission_budget),
                                default=default)


def _limits_cell(assignment: Assignment, lang: str, cell_id: str = "limites-de-tiempo") -> dict:
    return {"cell_type": "markdown", "id": cell_id, "metadata": {"dlgrader": {"derived": LIMITS}},
            "source": _lines(limits_source(assignment, lang))}


def _lines(text: str) -> list[str]:
    """nbformat's on-disk form of a source: a list of lines, each but the last ending in a newline."""
    return text.splitlines(keepends=True)


def _meta(grade_id: str, *, grade: bool, solution: bool, locked: bool, points: float | None = None) -> dict:
    """nbgrader's cell metadata (schema 3), as its own create_assignment extension writes it."""
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3, "solution": solution,
            "task": False}
    if points is not None:
        meta["points"] = int(points) if float(points).is_integer() else points  # 2, not 2.0, as people write it
    return dict(sorted(meta.items()))  # nbformat's key order


def _grade_cell(assignment: Assignment, check: Check, lang: str) -> dict:
    return {"cell_type": "code", "execution_count": None, "id": check.id,
            "metadata": {"nbgrader": _meta(check.id, grade=True, solution=False, locked=True, points=check.points)},
            "outputs": [], "source": _lines(grade_cell_source(assignment, check, lang))}


def built_notebook(assignment: Assignment, nb: dict, lang: str) -> dict:
    """``nb`` as the manifest says it is (a new dict): the cells' nbgrader metadata, one grade cell per check, and
    the cell that states the time limits.

    A task's solution cell and a written answer keep their text and get the manifest's metadata; a check's
    grade cell gets the manifest's code and points, and is added after the last cell of its task when missing;
    a grade cell the manifest no longer has is removed (nbgrader's gradebook would refuse it). The time limits'
    cell is rewritten where it is, or added after the first cell (the assignment's introduction).
    """
    tasks = {t.id for t in assignment.tasks}
    checks = {c.id: c for c in assignment.checks}
    manual = {m.id: m for m in assignment.manual}
    cells, task_of_cell, has_limits = [], [], False
    for cell in json.loads(json.dumps(nb))["cells"]:
        meta = (cell.get("metadata") or {}).get("nbgrader") or {}
        gid = meta.get("grade_id")
        if ((cell.get("metadata") or {}).get("dlgrader") or {}).get("derived") == LIMITS:
            cell, has_limits = _limits_cell(assignment, lang, cell.get("id", "limites-de-tiempo")), True
        elif gid in tasks and meta.get("solution") and cell.get("cell_type") == "code":
            cell["metadata"]["nbgrader"] = _meta(gid, grade=False, solution=True, locked=False)
        elif gid in manual and meta.get("solution"):
            cell["metadata"]["nbgrader"] = _meta(gid, grade=True, solution=True, locked=False,
                                                 points=manual[gid].points)
        elif meta.get("grade") and not meta.get("solution"):
            if gid not in checks:
                continue
            cell = _grade_cell(assignment, checks[gid], lang) | {"id": cell.get("id", gid)}
        cells.append(cell)
        task_of_cell.append(gid if gid in tasks else checks[gid].task if gid in checks else None)
    for check in assignment.checks:  # the manifest's checks missing from the notebook, after their task's cells
        if any(((c.get("metadata") or {}).get("nbgrader") or {}).get("grade_id") == check.id for c in cells):
            continue
        if check.task not in task_of_cell:
            raise ConfigError(Text(
                f"{assignment.notebook}: no hay celda de solución para la tarea {check.task!r} de la verificación "
                f"{check.id!r}; agrega una celda de código con grade_id {check.task!r}.",
                f"{assignment.notebook}: there is no solution cell for task {check.task!r} of check {check.id!r}; "
                f"add a code cell with grade_id {check.task!r}."))
        at = max(i for i, t in enumerate(task_of_cell) if t == check.task) + 1
        cells.insert(at, _grade_cell(assignment, check, lang))
        task_of_cell.insert(at, check.task)
    if not has_limits:
        cells.insert(min(1, len(cells)), _limits_cell(assignment, lang))
    return {**nb, "cells": cells}


def _dumps(nb: dict) -> str:
    return json.dumps(nb, ensure_ascii=False, indent=1) + "\n"


def _rebuilt(assignment: Assignment) -> list[tuple[Path, str]]:
    """(notebook, the text build would write) for each notebook whose derived cells are out of date."""
    out = []
    for lang, path in notebook_paths(assignment).items():
        text = path.read_text(encoding="utf-8")
        new = _dumps(built_notebook(assignment, json.loads(text), lang))
        if new != text:
            out.append((path, new))
    return out


def stale_notebooks(assignment: Assignment) -> list[Path]:
    """The notebooks whose derived cells differ from what :func:`build` would write."""
    return [path for path, _ in _rebuilt(assignment)]


def build(assignment: Assignment) -> list[Path]:
    """Rewrite the derived cells of the assignment's notebooks; returns the files that changed."""
    changed = _rebuilt(assignment)
    for path, text in changed:
        path.write_text(text, encoding="utf-8")
    return [path for path, _ in changed]
