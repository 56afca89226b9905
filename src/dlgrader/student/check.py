"""The check cell at the end of each notebook: public checks from inside Jupyter."""

from __future__ import annotations

from pathlib import Path

from ..errors import DlgraderError
from ..reports.terminal import submission_report


def check_from_notebook(assignment: str | None, notebook: str | None, lang: str = "es") -> None:
    from ..api import check_notebook
    from ..text import Text

    cwd = Path.cwd()
    if assignment is None:
        if not (cwd / "assignment.toml").is_file():
            print(Text("No sé qué tarea revisar: usa dlgrader.check(\"01_perceptron\").",
                       "I do not know which assignment to check: use dlgrader.check(\"01_perceptron\").")(lang))
            return
        assignment = cwd.name
    print(Text("Guarda el notebook (Ctrl+S) antes de comprobar: se revisa la versión guardada.\n",
               "Save the notebook (Ctrl+S) before checking: the saved version is checked.\n")(lang))
    try:
        result = check_notebook(assignment, notebook)
    except DlgraderError as exc:
        print(exc.message(lang))
        return
    print(submission_report(result, lang, public_only=True))
