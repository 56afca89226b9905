"""Which notebook the check cell runs in, by what the front end tells the kernel.

- Jupyter Server 2 and later (JupyterLab 4, Notebook 7, JupyterHub) start each kernel with
  ``JPY_SESSION_NAME``, the notebook's path (ipykernel also puts it in ``__session__``);
- VS Code puts ``__vsc_ipynb_file__`` in the kernel's namespace;
- Colab keeps the notebook in the browser and serves it to its kernel (:mod:`.colab`), unsaved edits included;
- nbgrader's Validate runs the file top to bottom in a fresh kernel (grade_cells.py: ``validated_result``);
- any other front end: the notebook in the kernel's folder that holds what the kernel ran, if one does.

When none of these answers, the assignment's notebook is checked and the report says so.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..text import Text
from . import colab
from .history import closest_in_history


@dataclass(frozen=True)
class Located:
    """The notebook to check: a file on disk, or Colab's live copy written to one (``label`` names it)."""

    path: Path | None  # None: no front end said; check the assignment's notebook
    how: str  # "argument", "validate", "colab", "vscode", "jupyter", "history" or "fallback"
    label: str | None = None  # what the report calls it when the path is not the student's file (Colab)


def not_found(assignment_id: str) -> Text:
    """What the report says when no front end told which notebook runs the check cell."""
    return Text("No supe qué notebook ejecuta esta celda, así que revisé el de la tarea; para revisar otro: "
                f"dlgrader.check(\"{assignment_id}\", notebook=\"archivo.ipynb\").",
                "I could not tell which notebook runs this cell, so I checked the assignment's; to check another: "
                f"dlgrader.check(\"{assignment_id}\", notebook=\"file.ipynb\").")


def _user_ns() -> dict:
    try:
        from IPython import get_ipython
    except ImportError:
        return {}
    shell = get_ipython()
    return getattr(shell, "user_ns", None) or {}


def _existing(value, base: Path) -> Path | None:
    """A notebook path a front end gave, if that file exists (relative ones against the kernel's folder)."""
    if not isinstance(value, str) or not value.endswith(".ipynb"):
        return None
    path = Path(value)
    for candidate in ((path,) if path.is_absolute() else (base / path, base / path.name)):
        if candidate.is_file():
            return candidate
    return None


def running_notebook(workdir: Path) -> Located:
    """The notebook whose cell is running in this kernel (``workdir``: the kernel's folder)."""
    live = colab.live_notebook()  # first: in Colab, the notebook in the browser is the truth
    if live is not None:
        return Located(live.path, "colab", live.name)
    ns = _user_ns()
    found = _existing(ns.get("__vsc_ipynb_file__"), workdir)
    if found:
        return Located(found, "vscode")
    found = _existing(os.environ.get("JPY_SESSION_NAME") or ns.get("__session__"), workdir)
    if found:
        return Located(found, "jupyter")
    found = closest_in_history(workdir)
    return Located(found, "history") if found else Located(None, "fallback")
