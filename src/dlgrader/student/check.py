"""The check cell at the end of each notebook: public checks from inside Jupyter."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import DlgraderError
from ..reports.submission import submission_report


def check_from_notebook(assignment: str | None, notebook: str | None, lang: str = "es") -> None:
    from ..api import check as check_public
    from ..text import Text
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
    if mode == "":
        print(Text("Guarda el notebook (Ctrl+S) antes de comprobar: se revisa la versión guardada.\n",
                   "Save the notebook (Ctrl+S) before checking: the saved version is checked.\n")(lang))
    try:
        # under nbgrader's validate, the file being validated (the grade cells already ran its checks)
        result = validated_result(assignment) if mode == "validate" and notebook is None \
            else check_public(assignment, notebook)
    except DlgraderError as exc:
        print(exc.message(lang))
        return
    print(submission_report(result, lang, public_only=True))
