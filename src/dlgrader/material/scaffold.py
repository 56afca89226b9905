"""``dlgrader new NN_x``: a new assignment as one folder per concern, with a working example task.

It writes everything the suite checks an assignment for: the manifest, the Spanish notebook and its English
twin (grade cells from :mod:`.build`), the public checks, the reference, the hidden checks with their
convention table and mutants, two correct alternatives and a small demo class. The example (``duplicar``)
passes the suite as it is, so an instructor replaces it piece by piece with the suite green (CONTRIBUTING.md).
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from string import Template

from ..errors import ConfigError
from ..text import Text
from .build import build
from .manifest import load_manifest

TEMPLATES = Path(__file__).with_name("templates") / "new"
_ID = re.compile(r"^\d\d_[a-z][a-z0-9_]*$")

# (file under templates/new, where it goes from the course material's root)
FILES = [("assignment.toml", "assignments/{aid}/assignment.toml"),
         ("public_checks.py", "assignments/{aid}/public_checks.py"),
         ("solution.py", "solutions/{aid}/solution.py"),
         ("test_hidden.py", "graders/{aid}/test_hidden.py"),
         ("conventions.md", "graders/{aid}/conventions.md"),
         ("students.py", "examples/{aid}/students.py")]

_TEXT = {
    "es": {"title": "# Tarea {aid} · Ejemplo: duplicar un arreglo\n\n"
                    "Esta tarea de ejemplo la escribió `dlgrader new`: reemplázala por la tuya (ver CONTRIBUTING.md).",
           "section": "## 1. Duplicar un arreglo\n\nPrograma `duplicar(x)`, que multiplica por dos cada elemento.\n\n"
                      "**Convenciones (las verificaciones comprueban exactamente esto):**\n\n"
                      "* `x` es un arreglo de NumPy de **cualquier forma** (una o más dimensiones).\n"
                      "* Devuelve `2 · x` elemento a elemento, un arreglo de la **misma forma**.\n"
                      "* Devuelve reales (`float64`), aunque `x` sea de enteros.\n"
                      "* No modifica `x`.",
           "stub": 'def duplicar(x):\n    """Duplica x elemento a elemento.\n\n    Args:\n'
                   "        x: un arreglo de NumPy de cualquier forma.\n\n    Returns:\n"
                   "        Un arreglo float64 de la misma forma que x, con 2·x.\n"
                   '    """\n    # TU CÓDIGO\n    raise NotImplementedError("Programa duplicar")',
           "free": "# Celda libre: prueba tu función aquí (el corrector no ejecuta lo que escribas en esta celda).\n"
                   "# duplicar(np.array([1.0, -2.0, 0.5]))",
           "check_md": "## 2. Comprueba tu trabajo\n\nGuarda el notebook y ejecuta la celda siguiente: corre las "
                       "**verificaciones públicas** sobre este mismo notebook tal como está guardado (aunque sea una "
                       "copia con otro nombre). Al entregar, las **verificaciones ocultas** revisan muchos más casos.",
           "check": 'import dlgrader\ndlgrader.check("{aid}")'},
    "en": {"title": "# Assignment {aid} · Example: doubling an array\n\n"
                    "This example assignment was written by `dlgrader new`: replace it with yours (see CONTRIBUTING.md).",
           "section": "## 1. Doubling an array\n\nWrite `duplicar(x)`, which multiplies every element by two.\n\n"
                      "**Conventions (the checks test exactly this):**\n\n"
                      "* `x` is a NumPy array of **any shape** (one or more dimensions).\n"
                      "* Returns `2 · x` elementwise, an array of the **same shape**.\n"
                      "* Returns reals (`float64`), even when `x` holds integers.\n"
                      "* Does not modify `x`.",
           "stub": 'def duplicar(x):\n    """Doubles x elementwise.\n\n    Args:\n'
                   "        x: a NumPy array of any shape.\n\n    Returns:\n"
                   "        A float64 array of the same shape as x, holding 2·x.\n"
                   '    """\n    # YOUR CODE\n    raise NotImplementedError("Write duplicar")',
           "free": "# Free cell: try your function here (the grader does not run what you write in this cell).\n"
                   "# duplicar(np.array([1.0, -2.0, 0.5]))",
           "check_md": "## 2. Check your work\n\nSave the notebook and run the next cell: it runs the **public "
                       "checks** on this very notebook as saved (even a copy under another name). When you submit, "
                       "the **hidden checks** test many more cases.",
           "check": 'import dlgrader\ndlgrader.check("{aid}", lang="en")'},
}


def _cell(kind: str, cid: str, source: str, nbgrader: dict | None = None, dlgrader: dict | None = None) -> dict:
    cell = {"cell_type": kind, "id": cid, "metadata": {}, "source": source.splitlines(keepends=True)}
    if nbgrader is not None:
        cell["metadata"]["nbgrader"] = {"grade": False, "locked": True, "schema_version": 3, "solution": False,
                                        "task": False} | nbgrader
    if dlgrader is not None:
        cell["metadata"]["dlgrader"] = dlgrader
    if kind == "code":
        cell |= {"execution_count": None, "outputs": []}
    return cell


def _notebook(aid: str, lang: str) -> dict:
    """The notebook without its grade cells (build adds them from the manifest)."""
    t = {k: v.format(aid=aid) for k, v in _TEXT[lang].items()}
    cells = [_cell("markdown", "md-01", t["title"]),
             _cell("code", "importaciones", "import numpy as np", {"grade_id": "importaciones"}),
             _cell("markdown", "md-02", t["section"]),
             _cell("code", "duplicar", t["stub"], {"grade_id": "duplicar", "locked": False, "solution": True}),
             _cell("code", "prueba-1", t["free"]),
             _cell("markdown", "md-03", t["check_md"]),
             _cell("code", "comprobar", t["check"], {"grade_id": "comprobar"}, {"role": "check"})]
    return {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                                         "name": "python3"},
                                          "language_info": {"name": "python", "pygments_lexer": "ipython3"}},
            "nbformat": 4, "nbformat_minor": 5}


def new_assignment(root: str | Path, aid: str) -> list[Path]:
    """Write assignment ``aid`` (``NN_name``) under the course material at ``root``; the files written.

    Refuses an id of another shape and an assignment that exists in any of its folders: nothing is overwritten.
    """
    root = Path(root)
    if not _ID.match(aid):
        raise ConfigError(Text(f"{aid!r} no es un id de tarea: usa dos dígitos y un nombre, como 10_atencion.",
                               f"{aid!r} is not an assignment id: use two digits and a name, like 10_attention."))
    targets = [root / dest.format(aid=aid) for _, dest in FILES]
    targets += [root / "graders" / aid / "mutants", root / "tests" / "alternatives" / aid,
                root / "assignments" / aid / f"{aid}.ipynb"]
    taken = [p for p in targets if p.exists()]
    if taken:
        raise ConfigError(Text(f"La tarea {aid} ya existe ({taken[0]}); no se sobrescribe nada.",
                               f"Assignment {aid} already exists ({taken[0]}); nothing is overwritten."))
    written = []

    def put(path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)

    for name, dest in FILES:
        put(root / dest.format(aid=aid), Template((TEMPLATES / name).read_text(encoding="utf-8")).substitute(aid=aid))
    for kind, dest in (("mutants", root / "graders" / aid / "mutants"),
                       ("alternatives", root / "tests" / "alternatives" / aid)):
        for src in sorted((TEMPLATES / kind).glob("*.py")):
            put(dest / src.name, src.read_text(encoding="utf-8"))
    for lang, name in (("es", f"{aid}.ipynb"), ("en", f"{aid}.en.ipynb")):
        put(root / "assignments" / aid / name, json.dumps(_notebook(aid, lang), ensure_ascii=False, indent=1) + "\n")
    build(load_manifest(root / "assignments" / aid))
    written += _examples(root, aid)
    return written


def _examples(root: Path, aid: str) -> list[Path]:
    """The demo class's notebooks, by the course's own examples/make_examples.py when it has one."""
    maker = root / "examples" / "make_examples.py"
    if not maker.is_file():
        return []
    import sys

    spec = importlib.util.spec_from_file_location("make_examples", maker)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_examples", module)  # students.py imports Submission from it
    spec.loader.exec_module(module)
    return module.build(aid, module.classes(root, [aid])[aid], root)
