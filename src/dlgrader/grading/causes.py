"""One root cause, told once: checks sunk by a cell that did not run or a function that is missing point to it.

A syntax error in one cell leaves its functions undefined, so each of their checks failed with "not
defined": nine diagnoses of one mistake, and the wrong one nine times. The cause is said once among the
submission's problems (the syntax error with its line and a caret, or the missing name with the name it
was perhaps renamed to); each check it sank says only that it was not checked, and where to look.
"""

from __future__ import annotations

import difflib

from ..material.manifest import Assignment
from ..material.notebook import Program
from ..results import CheckResult
from ..text import Text


def _missing(name: str, defined: list[str]) -> Text:
    close = difflib.get_close_matches(name, defined, n=1, cutoff=0.5)
    text = Text(f"No encontré {name} en tu notebook.", f"{name} is not defined in your notebook.")
    if close:
        text += Text(f" ¿Quizás la renombraste como {close[0]}? Usa exactamente el nombre del enunciado.",
                     f" Did you rename it to {close[0]}? Use exactly the name in the statement.")
    return text


def point_to_causes(assignment: Assignment, program: Program, load_errors: list[dict], results: list[CheckResult],
                    missing: dict[str, str], defined: list[str] | None) -> list[Text]:
    """Rewrite the feedback of the failed checks a root cause explains; return the causes to add, once each.

    ``missing``: check id -> the name whose absence failed it; ``defined``: what the notebook defines
    (None when it never loaded: nothing is known to be missing then).
    """
    owner = {name: t.id for t in assignment.tasks for name in t.names}
    broken = {str(e.get("cell")) for e in load_errors}
    written = {c.id for c in program.cells if c.student}
    causes: list[Text] = []
    for r in results:
        if r.passed:
            continue
        name, task = missing.get(r.id), assignment.check(r.id).task
        if name and owner.get(name) in broken:
            cell = owner[name]
            r.message = Text(f"Sin revisar: {name} está en la celda {cell}, que no se pudo ejecutar (ver el error "
                             "arriba).", f"Not checked: {name} is in cell {cell}, which could not run (see the error "
                                         "above).")
        elif name and name in owner and defined is not None and name not in defined:
            cause = _missing(name, defined)
            if cause not in causes:
                causes.append(cause)
            r.message = Text(f"Sin revisar: falta {name} (ver arriba).", f"Not checked: {name} is missing (see above).")
        elif program.problems and task not in written:
            r.message = Text(f"Sin revisar: la celda {task} no llegó en tu entrega y se usó la original, sin resolver "
                             "(ver arriba).", f"Not checked: cell {task} was not in your submission and the unsolved "
                                              "original was used (see above).")
        else:
            continue
        r.counterexample = r.hint = None
        r.cause = owner.get(name or "", name) or task
    return causes
