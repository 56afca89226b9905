"""``dlgrader similarity``: a renamed, re-commented copy is flagged; independent work and the stub are not."""

from __future__ import annotations

import json
import re

from conftest import REPO
from dlgrader.cli import main
from dlgrader.material.notebook import read_cell_file
from dlgrader.material.paths import find_material
from dlgrader.reports.similarity import compare, shape

MATERIAL = find_material(REPO)
AID = "01_perceptron"


def _disguise(source: str) -> str:
    """What a copier does: rename variables, change comments and docstrings, reformat."""
    source = re.sub(r'""".*?"""', '"""Mi versión."""', source, flags=re.S)
    source = re.sub(r"#.*", "# hecho por mí", source)
    for old, new in [("errores", "errs"), ("fallos", "nfail"), ("error", "delta"), ("xi", "fila"), ("di", "obj"),
                     ("h_or", "capa_o"), ("h_and", "capa_y")]:
        source = re.sub(rf"\b{old}\b", new, source)
    return source.replace(" = ", "=").replace(", ", ",")


def _course(tmp_path, students: dict[str, dict[str, str] | None]):
    a = MATERIAL.assignment(AID)
    release = json.loads(a.notebook_path.read_text(encoding="utf-8"))
    for sid, cells in students.items():
        nb = json.loads(json.dumps(release))
        for cell in nb["cells"]:
            gid = (cell["metadata"].get("nbgrader") or {}).get("grade_id")
            if cells and gid in cells:
                cell["source"] = cells[gid]
        folder = tmp_path / "curso" / "submitted" / sid / AID
        folder.mkdir(parents=True)
        (folder / a.notebook).write_text(json.dumps(nb), encoding="utf-8")
    return tmp_path / "curso"


def test_shape_ignores_names_literals_comments_and_spacing():
    a = "def f(x, w):\n    # suma\n    total = 0\n    for i in range(len(x)):\n        total += x[i] * w[i]\n    return total > 0.5\n"
    b = "def f(x,w):\n    acc=0   # acumulador\n\n    for k in range(len(x)):\n        acc += x[k]*w[k]\n    return acc > 0.25\n"
    c = "def f(x, w):\n    return float(np.dot(x, w)) > 0.5\n"
    assert compare(shape(a), shape(b))[0] == 1.0
    assert compare(shape(a), shape(c))[0] < 0.5
    assert shape("def f(:\n  x = (\n") != []  # code that does not tokenize is still compared, line by line


def test_a_disguised_copy_is_flagged_and_independent_work_is_not(tmp_path, capsys):
    reference = read_cell_file(MATERIAL.solution_path(AID))
    loops = read_cell_file(REPO / "tests" / "alternatives" / AID / "loops.py")
    course_dir = _course(tmp_path, {
        "original": reference,
        "copia": {gid: _disguise(src) for gid, src in reference.items()},
        "independiente": loops,
        "sin_hacer": None,
        "otro_sin_hacer": None,
    })
    assert main(["--root", str(REPO), "similarity", AID, "--course", str(course_dir)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"copia ~ original: (0\.9\d|1\.00)", out), out
    assert "independiente ~" not in out and "~ independiente" not in out, out
    assert "sin_hacer" not in out  # two untouched stubs are alike, but there is nothing of theirs to compare
    assert "|" in out and "no cambia ninguna nota" in out
