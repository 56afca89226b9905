"""The check cell at the end of each notebook: the public checks of the notebook it runs in.

The notebook is found by what the front end tells the kernel (:mod:`.locate`); the report's first
line names the file checked and when it was saved, and the kernel's history tells when the
student ran code they have not saved (:func:`.history.unsaved_cells`).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import DlgraderError
from ..reports.submission import checked_line, submission_report
from ..results import SubmissionResult
from ..text import Text
from .locate import Located, not_found, running_notebook

# Where the kernel's history describes the file checked (the kernel runs that file's cells).
_HISTORY_FITS = ("jupyter", "vscode", "history")


def check_from_notebook(assignment: str | None, notebook: str | None, lang: str = "es") -> None:
    from ..api import check as check_public
    from .grade_cells import validated_result

    mode = os.environ.get("NBGRADER_EXECUTION", "")
    if mode not in ("", "validate"):  # nbgrader's own autograde: only dlgrader's preprocessor grades
        print(Text("La revisión de dlgrader no corre bajo el autograde de nbgrader.",
                   "dlgrader's check does not run under nbgrader's autograde.")(lang))
        return
    cwd = Path.cwd()
    if assignment is None:
        if not (cwd / "assignment.toml").is_file():
            print(Text("No sé qué tarea revisar: usa dlgrader.check(\"01_perceptron\").",
                       "I do not know which assignment to check: use dlgrader.check(\"01_perceptron\").")(lang))
            return
        assignment = cwd.name
    try:
        if mode == "validate" and notebook is None:  # the file being validated (its grade cells ran its checks)
            found, result = Located(None, "validate"), validated_result(assignment)
        else:
            found = Located(Path(notebook), "argument") if notebook else running_notebook(cwd)
            result = check_public(assignment, found.path)
        lines = _header(found, result)
    except DlgraderError as exc:
        print(exc.message(lang))
        return
    print("\n".join(line(lang) for line in lines) + "\n")
    print(submission_report(result, lang, public_only=True))


def _header(found: Located, result: SubmissionResult) -> list[Text]:
    """What comes before the verdict: the file checked, how it was chosen, and code run but not saved."""
    if found.how == "colab":
        return [Text(f"Notebook revisado: «{found.label}», tal como está abierto en Colab "
                     "(también lo no guardado).",
                     f"Notebook checked: «{found.label}», as it is open in Colab (unsaved edits too).")]
    lines = [checked_line(result)]
    if found.how == "fallback":
        lines.append(not_found(result.assignment))
    if found.how in _HISTORY_FITS and result.source:
        from ..material.paths import find_material
        from .history import unsaved_cells

        path = Path(result.source)
        changed = unsaved_cells(path, find_material().assignment(result.assignment))
        if changed:
            cells = ", ".join(f"«{c}»" for c in changed)
            lines.append(Text(
                f"⚠ Tienes cambios sin guardar en {path.name}: lo que ejecutaste en {cells} no es lo guardado "
                "(o lo guardaste en otro archivo). Se revisó lo guardado: guarda (Ctrl+S) y vuelve a ejecutar esta "
                "celda.",
                f"⚠ You have unsaved changes in {path.name}: what you ran in {cells} is not what is saved (or you "
                "saved it in another file). The saved version was checked: save (Ctrl+S) and run this cell again."))
    return lines
