"""Hostile submissions whose whole point is to cost grading time, written for any assignment.

Each kind takes an assignment's solution cells (grade_id -> the names it defines, from assignment.toml)
and fills them; ``write_kind`` writes the release notebook with those cells, as a student would hand it in:

    python tests/hostile_kinds.py 01_perceptron CARPETA     # writes CARPETA/<kind>.ipynb, one per kind
    dlgrader grade 01_perceptron CARPETA/duerme.ipynb --json

The kinds are those of issue 25: every function sleeps forever, every function loops forever, the first
call allocates memory until it runs out (and every later call again), the solution cell sleeps at import, and one that
walks the disk at import, reading every file, hunting for the reference.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))

from make_examples import Submission, submission_notebook  # noqa: E402


def _every_function(body: str, header: str = ""):
    """Every name of every solution cell becomes a function (a class is called the same way) running ``body``."""

    def cells(tasks: dict[str, tuple[str, ...]]) -> dict[str, str]:
        out = {}
        for i, (task, names) in enumerate(tasks.items()):
            defs = "".join(f"def {name}(*args, **kwargs):\n{body}\n" for name in names)
            out[task] = (header if i == 0 else "") + defs
        return out

    return cells


def _at_import(code: str):
    """The first solution cell runs ``code`` when the notebook loads; the rest keep the release's stubs."""

    def cells(tasks: dict[str, tuple[str, ...]]) -> dict[str, str]:
        return {next(iter(tasks)): code}

    return cells


KINDS = {
    # time.sleep in every function: the worker is idle while the broker waits for each call
    "duerme": _every_function("    time.sleep(10**6)\n", "import time\n"),
    # busy loops: a CPU each while they last
    "bucle": _every_function("    while True:\n        pass\n"),
    # a list that grows until the memory runs out (MemoryError): about a second of the worker's CPU per call
    "memoria": _every_function("    trozos = []\n    while True:\n        trozos.append(bytearray(50_000_000))\n"),
    # the whole cell sleeps at import (as if it trained a model for a minute)
    "duerme_al_importar": _at_import("import time\ntime.sleep(60)\n"),
    # reads every file it can see, looking for the reference solution
    "recorre_el_disco": _at_import(
        "import os\n"
        "for carpeta, _, archivos in os.walk('/'):\n"
        "    for nombre in archivos:\n"
        "        try:\n"
        "            with open(os.path.join(carpeta, nombre), 'rb') as f:\n"
        "                if b'def escalon' in f.read():\n"
        "                    print('encontrada')\n"
        "        except OSError:\n"
        "            pass\n"),
}


def hostile_cells(kind: str, assignment) -> dict[str, str]:
    """The solution cells of a hostile ``kind`` for an assignment (:class:`dlgrader.material.manifest.Assignment`)."""
    return KINDS[kind]({t.id: t.names for t in assignment.tasks})


def write_kind(kind: str, assignment, path: Path) -> Path:
    """Write the release notebook with the kind's solution cells, as a student's submission."""
    release = json.loads(assignment.notebook_path.read_text(encoding="utf-8"))
    notebook = submission_notebook(release, Submission(kind, kind, cells=hostile_cells(kind, assignment)))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(notebook, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    from dlgrader.material.paths import find_material

    assignment = find_material(None).assignment(sys.argv[1])
    for name in KINDS:
        print(write_kind(name, assignment, Path(sys.argv[2]) / f"{name}.ipynb"))
