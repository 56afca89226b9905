"""Write what the notebooks derive from ``assignment.toml``: each grade cell's code and points.

Points and titles live only in the manifest; the Spanish notebook and its English
twin carry copies that this module writes, so they are never typed by hand. A
grade cell's code calls :func:`dlgrader.grade_cell`, which fails closed when
anything but dlgrader grades the notebook (see student/grade_cells.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from .manifest import Assignment, Check
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


def _lines(text: str) -> list[str]:
    """nbformat's on-disk form of a source: a list of lines, each but the last ending in a newline."""
    return text.splitlines(keepends=True)


def built_notebook(assignment: Assignment, nb: dict, lang: str) -> dict:
    """``nb`` with every check's grade cell holding the manifest's code and points (a new dict)."""
    checks = {c.id: c for c in assignment.checks}
    out = json.loads(json.dumps(nb))
    for cell in out["cells"]:
        meta = (cell.get("metadata") or {}).get("nbgrader") or {}
        check = checks.get(meta.get("grade_id"))
        if check is None or not meta.get("grade") or meta.get("solution"):
            continue
        cell["source"] = _lines(grade_cell_source(assignment, check, lang))
        meta["points"] = check.points
    return out


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
