"""What a notebook's grade cell does when something runs it: fail closed outside dlgrader.

nbgrader scores a grade cell from its outputs alone (``determine_grade`` in
``nbgrader/utils.py``): an ``error`` output or a ``stderr`` stream gives 0, a
numeric ``execute_result`` gives that many points, and *anything else, nothing
included, gives full marks*. A grade cell holding only comments therefore
awards every point to an untouched stub under nbgrader's own ``autograde``.
So each grade cell calls :func:`grade_cell`, which decides by the variable
nbgrader sets while it executes a notebook (``NBGRADER_EXECUTION``:
``nbgrader/converters/autograde.py`` sets ``autograde``,
``nbgrader/validator.py`` sets ``validate``):

- unset (plain Jupyter, VS Code, Colab): one line saying what the cell stands
  for; it never raises, so "Run all" goes on;
- ``validate`` (a student's Validate button): a public check is run through
  dlgrader on the notebook being validated and reported as nbgrader reads it
  (passed on stdout, failed on stderr); a hidden check says it is graded on
  submission;
- ``autograde`` or anything else: nbgrader is executing the notebook with its
  own kernel, not dlgrader's preprocessor (which writes these cells' outputs
  without running them): one line on stderr, so the cell scores 0.

This protects honest notebooks only; a student can silence stderr in their own
cells. The real fix is that nbgrader's autograde calls dlgrader (see README,
"Con JupyterHub y formgrader").
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..text import Text

NOT_DLGRADER = ("dlgrader: esta celda solo la califica dlgrader; nbgrader la ejecutó sin él, así que vale 0 "
                "(configura nbgrader con el nbgrader_config.py de dlgrader). / "
                "dlgrader: only dlgrader grades this cell; nbgrader ran it without dlgrader, so it scores 0 "
                "(configure nbgrader with dlgrader's nbgrader_config.py).")

# One public run per notebook file and version, shared by every grade cell and the check cell of a validation.
_RESULTS: dict[tuple, object] = {}


def grade_cell(assignment_id: str, check_id: str, lang: str = "es") -> None:
    """Stand for check ``check_id`` of ``assignment_id`` in whatever is executing the notebook."""
    mode = os.environ.get("NBGRADER_EXECUTION", "")
    if mode == "":
        print(_announce(assignment_id, check_id)(lang))
    elif mode == "validate":
        _validate(assignment_id, check_id, lang)
    else:
        print(NOT_DLGRADER, file=sys.stderr)


def _announce(assignment_id: str, check_id: str) -> Text:
    try:
        check = _manifest(assignment_id).check(check_id)
    except Exception:  # noqa: BLE001 - plain Jupyter must never stop "Run all" over a missing course folder
        return Text(f"Verificación «{check_id}»: la califica dlgrader.", f"Check «{check_id}»: dlgrader grades it.")
    if check.public:
        return Text(f"Verificación pública «{check_id}»: la ejecuta la última celda del notebook (dlgrader.check).",
                    f"Public check «{check_id}»: the notebook's last cell runs it (dlgrader.check).")
    return Text(f"Verificación oculta «{check_id}»: se evalúa al entregar.",
                f"Hidden check «{check_id}»: it is graded when you submit.")


def _manifest(assignment_id: str):
    from ..material.paths import find_material

    return find_material().assignment(assignment_id)


def _validate(assignment_id: str, check_id: str, lang: str) -> None:
    from ..errors import DlgraderError

    try:
        check = _manifest(assignment_id).check(check_id)
        if not check.public:
            print(Text(f"Verificación oculta «{check_id}»: se evalúa al entregar, con casos que no ves.",
                       f"Hidden check «{check_id}»: it is graded when you submit, on cases you do not see.")(lang))
            return
        result = validated_result(assignment_id)
    except (DlgraderError, KeyError) as exc:
        reason = exc.message(lang) if isinstance(exc, DlgraderError) else str(exc)
        print(Text(f"dlgrader no pudo revisar «{check_id}»: {reason}",
                   f"dlgrader could not check «{check_id}»: {reason}")(lang), file=sys.stderr)
        return
    verdict = next(c for c in result.checks if c.id == check_id)
    mark = "✓" if verdict.passed else "✗"
    lines = [f"{mark} {verdict.title(lang)} — {verdict.points:g}/{verdict.max_points:g}"]
    lines += [p(lang) for p in result.problems]
    if not verdict.passed:
        lines += verdict.feedback(lang).splitlines()
    print("\n".join(lines), file=sys.stdout if verdict.passed else sys.stderr)


def validated_result(assignment_id: str):
    """The public checks' result for the notebook nbgrader is validating, run once per file version."""
    from ..api import check as check_public
    from ..errors import DlgraderError
    from .history import notebook_in_history

    path = notebook_in_history(Path.cwd())
    if path is None:
        raise DlgraderError(Text(
            "no encuentro en esta carpeta el notebook que se está validando.",
            "the notebook being validated is not in this folder."))
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, assignment_id)
    if key not in _RESULTS:
        _RESULTS[key] = check_public(assignment_id, path)
    return _RESULTS[key]
