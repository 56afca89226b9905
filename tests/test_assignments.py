"""Graders are tested like code, for every assignment that ships a reference.

Each assignment gets one class, graded by ``autograde`` exactly as an
instructor would (notebooks in ``submitted/``, the sandbox, the gradebook):
the reference, the untouched release notebook, every mutant, every
alternative correct implementation, every example of the demo class, and an
infinite loop in each task. Then: the reference gets full marks; the stub
gets zero; each mutant loses points on every check its header names; each
alternative gets full marks; nothing crashes the batch; a loop costs only
the checks of the task it is in. The notebook's grade cells carry the
manifest's points, and the notebook runs top to bottom with the reference.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from conftest import REPO
from dlgrader.cli import main
from dlgrader.grading.batch import autograde
from dlgrader.material.mutants import audit_mutants, read_mutant
from dlgrader.material.notebook import read_cell_file
from dlgrader.material.paths import find_material

MATERIAL = find_material(REPO)
ASSIGNMENTS = [a for a in MATERIAL.assignment_ids() if MATERIAL.solution_path(a).is_file()]
LOOP = "def {name}(*args, **kwargs):\n    while True:\n        pass\n"


def _mutants(aid: str) -> list[Path]:
    return sorted(MATERIAL.mutants_dir(aid).glob("*.py"))


def _alternatives(aid: str) -> list[Path]:
    return sorted((REPO / "tests" / "alternatives" / aid).glob("*.py"))


def _params(kind):
    return [pytest.param(aid, p, id=f"{aid}:{p.stem}") for aid in ASSIGNMENTS for p in kind(aid)]


def _grade_id(cell: dict) -> str | None:
    return (cell["metadata"].get("nbgrader") or {}).get("grade_id")


def _with_cells(release: dict, cells: dict[str, str]) -> dict:
    """The release notebook with these solution cells' sources replaced."""
    nb = copy.deepcopy(release)
    for cell in nb["cells"]:
        gid = _grade_id(cell)
        if gid in cells and cell["cell_type"] == "code":
            cell["source"] = cells[gid]
    return nb


def _loop_tasks(aid: str):
    """The first and the last task: enough to show a loop costs only its own task, at two timeouts' cost."""
    a = MATERIAL.assignment(aid)
    tasks = [t for t in a.tasks if any(c.task == t.id for c in a.checks)]  # a quiz's "usuario" has no check
    return [tasks[0], tasks[-1]] if len(tasks) > 1 else list(tasks)


CLASS_SIZE = 30


def class_of(aid: str) -> dict[str, dict | Path]:
    """Student id -> notebook (dict to write, or an example file to copy)."""
    a = MATERIAL.assignment(aid)
    release = json.loads(a.notebook_path.read_text(encoding="utf-8"))
    reference = read_cell_file(MATERIAL.solution_path(aid))
    students: dict[str, dict | Path] = {"reference": _with_cells(release, reference), "stub": release}
    for path in _mutants(aid):
        students[f"mutant_{path.stem}"] = _with_cells(release, reference | read_cell_file(path))
    for path in _alternatives(aid):
        students[f"alternative_{path.stem}"] = _with_cells(release, read_cell_file(path))
    for task in _loop_tasks(aid):  # an infinite loop in a task, every other cell right
        loop = "\n".join(LOOP.format(name=n) for n in task.names)
        students[f"loop_{task.id}"] = _with_cells(release, reference | {task.id: loop})
    for sid, nb in students.items():  # a quiz draws each student's variant from their id (cell "usuario")
        _set_student(nb, sid)
    for path in sorted((REPO / "examples" / aid).glob("*.ipynb")):
        students[path.stem if _declares_student(release) else f"example_{path.stem}"] = path
    for n in range(CLASS_SIZE - len(students)):  # a new assignment with few mutants still makes a class of thirty
        students[f"copy_{n}"] = _with_cells(release, reference)
        _set_student(students[f"copy_{n}"], f"copy_{n}")
    return students


def _declares_student(nb: dict) -> bool:
    return any(_grade_id(c) == "usuario" for c in nb["cells"])


def _set_student(nb: dict, sid: str) -> None:
    """The student types their own id in the solution cell ``usuario``; the harness types each harness id."""
    for cell in nb["cells"]:
        if _grade_id(cell) == "usuario" and "USUARIO" in "".join(cell["source"]):
            cell["source"] = f'USUARIO = "{sid}"\n'


@pytest.fixture(scope="module", params=ASSIGNMENTS)
def graded(request, tmp_path_factory):
    """(assignment id, {student: SubmissionResult}, report) for the whole class, graded once."""
    aid = request.param
    a = MATERIAL.assignment(aid)
    course = tmp_path_factory.mktemp(f"class_{aid}")
    for sid, nb in class_of(aid).items():
        folder = course / "submitted" / sid / aid
        folder.mkdir(parents=True)
        if isinstance(nb, Path):
            shutil.copyfile(nb, folder / a.notebook)
        else:
            (folder / a.notebook).write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    # Shrinking only makes counterexamples smaller, never changes a verdict; a short cap halves the class's cost.
    saved = os.environ.get("DLGRADER_SHRINK_SECONDS")
    os.environ["DLGRADER_SHRINK_SECONDS"] = "0.05"
    try:
        report = autograde(aid, course, root=REPO, jobs=2, progress=False)
    finally:
        if saved is None:
            os.environ.pop("DLGRADER_SHRINK_SECONDS")
        else:
            os.environ["DLGRADER_SHRINK_SECONDS"] = saved
    return aid, {r.student: r for r in report.results}, report


def _failed(result) -> dict[str, str]:
    return {c.id: c.feedback() for c in result.checks if not c.passed}


def test_every_assignment_is_covered():
    assert "01_perceptron" in ASSIGNMENTS
    for aid in ASSIGNMENTS:
        assert len(_mutants(aid)) >= 8, aid
        assert len(_alternatives(aid)) >= 2, aid
        a = MATERIAL.assignment(aid)
        assert a.notebook_path.with_name(a.notebook_path.stem + ".en.ipynb").is_file(), f"{aid}: no English notebook"


def _targets(path: Path) -> list[str]:
    return sorted(read_mutant(path).targets)


@pytest.mark.parametrize("aid", ASSIGNMENTS)
def test_every_check_is_the_target_of_some_mutant(aid):
    """A check no mutant names is a check nobody has shown to catch anything; a mutant says what and why."""
    checks = {c.id for c in MATERIAL.assignment(aid).checks}
    assert audit_mutants(MATERIAL.mutants_dir(aid), checks) == []


def test_the_mutant_audit_can_fail(tmp_path):
    """Each shortfall is reported: an untargeted check, a mutant without target or why (English or Spanish), an
    unknown target."""
    (tmp_path / "a.py").write_text("# target: uno\n# why: the mistake\n# why_es: el error\n", encoding="utf-8")
    assert audit_mutants(tmp_path, {"uno"}) == []
    assert audit_mutants(tmp_path, {"uno", "dos"}) == ["dos: no mutant targets it"]
    (tmp_path / "b.py").write_text("# target: tres\n# why_es: sin why\n", encoding="utf-8")
    assert audit_mutants(tmp_path, {"uno"}) == ["b: no '# why:' line", "b: unknown targets ['tres']"]
    (tmp_path / "b.py").write_text("# why: no target\n# why_es: sin objetivo\n", encoding="utf-8")
    assert audit_mutants(tmp_path, {"uno"}) == ["b: no '# target:' line"]
    (tmp_path / "b.py").write_text("# target: uno\n# why: English only\n", encoding="utf-8")
    assert audit_mutants(tmp_path, {"uno"}) == ["b: no '# why_es:' line (the mistake in Spanish, for the class report)"]


@pytest.mark.slow
def test_a_class_of_thirty_is_graded_without_a_crash(graded):
    aid, results, report = graded
    assert not report.failures
    assert len(results) >= CLASS_SIZE and set(results) == set(class_of(aid))
    assert all(len(r.checks) == len(MATERIAL.assignment(aid).checks) for r in results.values())


@pytest.mark.slow
def test_reference_gets_full_marks(graded):
    aid, results, _ = graded
    r = results["reference"]
    assert not _failed(r) and r.score == r.max_score == MATERIAL.assignment(aid).auto_points


@pytest.mark.slow
def test_untouched_release_notebook_gets_zero(graded):
    _, results, _ = graded
    r = results["stub"]
    assert r.score == 0.0, {c.id: c.points for c in r.checks if c.points}
    assert all(c.feedback() for c in r.checks)


@pytest.mark.slow
def test_alternative_correct_solutions_get_full_marks(graded):
    aid, results, _ = graded
    for path in _alternatives(aid):
        r = results[f"alternative_{path.stem}"]
        assert not _failed(r) and r.score == r.max_score, (path.name, _failed(r))


@pytest.mark.slow
def test_every_mutant_loses_points_on_its_targets(graded):
    aid, results, _ = graded
    known = {c.id for c in MATERIAL.assignment(aid).checks}
    survivors = {}
    for path in _mutants(aid):
        targets = _targets(path)
        assert targets and set(targets) <= known, f"{path.name}: unknown targets {set(targets) - known}"
        by_id = {c.id: c for c in results[f"mutant_{path.stem}"].checks}
        if any(by_id[t].passed for t in targets):
            survivors[path.stem] = [t for t in targets if by_id[t].passed]
        for t in targets:  # a caught mutant is told why, in both languages
            assert by_id[t].passed or (by_id[t].feedback("es") and by_id[t].feedback("en"))
    assert not survivors, f"mutants not caught by their target checks: {survivors}"


@pytest.mark.slow
def test_an_infinite_loop_costs_only_its_task(graded):
    aid, results, _ = graded
    a = MATERIAL.assignment(aid)
    for task in _loop_tasks(aid):
        r = results[f"loop_{task.id}"]
        own = [c for c in r.checks if a.check(c.id).task == task.id]
        assert own and all(c.points == 0 for c in own), task.id
        assert r.score < r.max_score


@pytest.mark.parametrize("aid", ASSIGNMENTS)
def test_notebook_grade_cells_match_the_manifest(aid, material):
    """Points live in assignment.toml; the notebook's nbgrader cells must agree with it."""
    a = material.assignment(aid)
    nb = json.loads(a.notebook_path.read_text(encoding="utf-8"))
    graded_cells = {}
    for cell in nb["cells"]:
        meta = cell["metadata"].get("nbgrader") or {}
        if meta.get("grade"):
            graded_cells[meta["grade_id"]] = meta["points"]
    expected = {c.id: c.points for c in a.checks} | {m.id: m.points for m in a.manual}
    assert graded_cells == expected


@pytest.mark.parametrize("aid", ASSIGNMENTS)
def test_notebook_states_the_conventions_in_spanish(aid, material):
    a = material.assignment(aid)
    text = a.notebook_path.read_text(encoding="utf-8")
    assert "Convenciones" in text, "each notebook states DESIGN.md's conventions"
    for task in a.tasks:
        for name in task.names:
            assert re.search(rf"(def|class) {name}\b", text), f"the stub for {name} is missing"


@pytest.mark.slow
@pytest.mark.parametrize("aid", ASSIGNMENTS)
def test_notebook_runs_top_to_bottom_with_the_reference(aid, tmp_path):
    """In a student bundle, with the reference typed in, every cell runs and the check cell gives full public marks."""
    from nbclient import NotebookClient

    bundle = tmp_path / "curso"
    assert main(["--root", str(REPO), "release", "--out", str(bundle)]) == 0
    a = MATERIAL.assignment(aid)
    folder = bundle / "assignments" / aid
    nb_path = folder / a.notebook
    filled = _with_cells(json.loads(nb_path.read_text(encoding="utf-8")), read_cell_file(MATERIAL.solution_path(aid)))
    nb = nbformat.reads(json.dumps(filled), as_version=4)
    nbformat.write(nb, nb_path)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    out = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    public = sum(c.points for c in a.checks if c.public)
    assert f"Puntaje: {public:g}/{public:g}" in out, out
    if "plt." in "".join(c.source for c in nb.cells if c.cell_type == "code"):  # a notebook that plots shows its plots
        assert any("image/png" in o.get("data", {}) for c in nb.cells if c.cell_type == "code" for o in c.outputs)
