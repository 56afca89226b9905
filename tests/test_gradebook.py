"""The gradebook and the course directory, checked through nbgrader's own tools (export, feedback)."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from dlgrader.course.folders import db_url_for, init_course, iter_submissions, release_notebook
from dlgrader.course.formgrader import write_autograded
from dlgrader.course.gradebook import ensure_students, open_gradebook, read_students, sqlite_url
from dlgrader.course.registration import register_assignment
from dlgrader.course.scores import read_scores, record_submission, write_submission
from dlgrader.errors import ConfigError
from dlgrader.material.manifest import Assignment, Check, Manual, Task
from dlgrader.results import CheckResult, SubmissionResult
from dlgrader.text import Text

NBGRADER = Path(sys.executable).with_name("nbgrader")
POINTS = {"f_valores": 1.0, "f_forma": 2.0, "f_propiedad": 1.5}


def make_assignment(root: Path, points: dict[str, float] = POINTS) -> Assignment:
    return Assignment(
        id="01_demo", title=Text("Demostración", "Demo"), notebook="01_demo.ipynb", root=root,
        tasks=(Task("f", ("f",)),),
        checks=tuple(Check(cid, "f", p, i == 0, Text(f"título {cid}", f"title {cid}")) for i, (cid, p) in enumerate(points.items())),
        manual=(Manual("explicacion", 2.0, Text("Explica", "Explain")),),
    )


def nbgrader_meta(gid: str, *, grade=False, solution=False, locked=False, points=None) -> dict:
    meta = {"grade": grade, "solution": solution, "locked": locked, "task": False, "grade_id": gid, "schema_version": 3}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def write_release_notebook(path: Path, extra_cells=()) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_code_cell("import numpy as np", metadata=nbgrader_meta("importaciones", locked=True)),
        nbformat.v4.new_code_cell("def f(x):\n    raise NotImplementedError('f')", metadata=nbgrader_meta("f", solution=True)),
        nbformat.v4.new_code_cell("# f_valores", metadata=nbgrader_meta("f_valores", grade=True, locked=True, points=1)),
        nbformat.v4.new_markdown_cell("Escribe aquí.", metadata=nbgrader_meta("explicacion", grade=True, solution=True, points=2)),
        *extra_cells,
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def result_for(assignment: Assignment, points: dict[str, float]) -> SubmissionResult:
    return SubmissionResult(assignment.id, None, [
        CheckResult(c.id, c.title, points[c.id], c.points, points[c.id] == c.points, c.public,
                    None if points[c.id] == c.points else Text("Valor incorrecto.", "Wrong value."))
        for c in assignment.checks])


@pytest.fixture(scope="session")
def empty_gradebook(tmp_path_factory) -> Path:
    """nbgrader runs `alembic heads` (seconds) for every new database, so tests copy one empty database."""
    path = tmp_path_factory.mktemp("plantilla") / "gradebook.db"
    open_gradebook(sqlite_url(path), "dlgrader").close()  # puts alembic on PATH, as dlgrader does
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def course(request, tmp_path, empty_gradebook):
    """A course directory with 01_demo registered and a roster of four students, on each database."""
    assignment = make_assignment(tmp_path / "assignments" / "01_demo")
    nb = write_release_notebook(tmp_path / "assignments" / "01_demo" / "01_demo.ipynb")
    (tmp_path / "curso").mkdir()
    db_url = None
    if request.param == "sqlite":
        shutil.copyfile(empty_gradebook, tmp_path / "curso" / "gradebook.db")
    else:
        server, template = request.getfixturevalue("empty_postgres")
        db_url = server.new_database(template)
    db = init_course(tmp_path / "curso", assignment, nb, db_url=db_url)
    ensure_students(db, [
        {"id": "ana", "first_name": "Ana", "last_name": "Pérez", "email": "ana@example.cl", "lms_user_id": "101"},
        {"id": "jose", "first_name": "José", "last_name": "Muñoz", "email": "jose@example.cl", "lms_user_id": ""},
        {"id": "li", "first_name": "Li", "last_name": "Wang", "email": None, "lms_user_id": None},
        {"id": "nadie", "first_name": "Nadie", "last_name": "Entregó", "email": "nadie@example.cl"},
    ])
    return tmp_path / "curso", assignment, db


def isolated_env(tmp_path: Path) -> dict:
    """nbgrader must not read or write the user's Jupyter configuration."""
    env = dict(os.environ)
    for var, sub in (("JUPYTER_CONFIG_DIR", "cfg"), ("JUPYTER_DATA_DIR", "data"), ("JUPYTER_RUNTIME_DIR", "run")):
        env[var] = str(tmp_path / "jupyter" / sub)
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    return env


def run_nbgrader(course_dir: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(NBGRADER), *args], cwd=course_dir, env=isolated_env(tmp_path),
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


def test_register_is_idempotent_and_mirrors_savecells(course):
    """Registering twice leaves one assignment, one notebook and the cells nbgrader's SaveCells would make."""
    course_dir, assignment, db = course
    register_assignment(db, assignment, release_notebook=course_dir / "release" / "01_demo" / "01_demo.ipynb")
    with Gradebook(db, "dlgrader") as gb:
        assert [a.name for a in gb.assignments] == ["01_demo"]
        (nb,) = gb.find_assignment("01_demo").notebooks
        assert nb.name == "01_demo"
        cells = {c.name: (c.cell_type, c.max_score) for c in nb.grade_cells}
        assert cells == {"f_valores": ("code", 1.0), "f_forma": ("code", 2.0), "f_propiedad": ("code", 1.5),
                         "explicacion": ("markdown", 2.0)}
        assert {c.name for c in nb.solution_cells} == {"f", "explicacion"}
        sources = {c.name: c for c in nb.source_cells}
        assert set(sources) == {"f", "f_valores", "f_forma", "f_propiedad", "explicacion", "importaciones"}
        assert sources["importaciones"].locked and sources["importaciones"].source == "import numpy as np"
        assert not sources["f"].locked
        assert gb.find_assignment("01_demo").max_score == pytest.approx(6.5, abs=1e-12)


def test_register_rejects_a_graded_cell_the_manifest_does_not_declare(tmp_path, empty_gradebook):
    assignment = make_assignment(tmp_path)
    extra = nbformat.v4.new_code_cell("# ?", metadata=nbgrader_meta("sorpresa", grade=True, locked=True, points=5))
    nb = write_release_notebook(tmp_path / "01_demo.ipynb", [extra])
    with pytest.raises(ConfigError) as err:
        register_assignment(sqlite_url(shutil.copyfile(empty_gradebook, tmp_path / "gb.db")), assignment,
                            release_notebook=nb)
    assert "'sorpresa'" in err.value.message("es") and "assignment.toml" in err.value.message("en")


def test_with_submissions_points_may_change_but_checks_may_not(course):
    course_dir, assignment, db = course
    record_submission(db, assignment, result_for(assignment, POINTS), "ana")
    register_assignment(db, make_assignment(assignment.root, {**POINTS, "f_forma": 3.0}))
    assert read_scores(db, "01_demo")["ana"]["max_score"] == pytest.approx(7.5, abs=1e-12)
    with pytest.raises(ConfigError) as err:
        register_assignment(db, make_assignment(assignment.root, {**POINTS, "f_nueva": 1.0}))
    assert "ya tiene entregas" in err.value.message("es")


@pytest.mark.slow
def test_three_students_recorded_match_nbgrader_export(course, tmp_path):
    """`nbgrader export` reads back exactly the totals dlgrader wrote, and lists the student who sent nothing."""
    course_dir, assignment, db = course
    recorded = {
        "ana": {"f_valores": 1.0, "f_forma": 2.0, "f_propiedad": 1.5},
        "jose": {"f_valores": 1.0, "f_forma": 0.0, "f_propiedad": 1.5},
        "li": {"f_valores": 0.0, "f_forma": 0.0, "f_propiedad": 0.0},
    }
    for sid, pts in recorded.items():
        record_submission(db, assignment, result_for(assignment, pts), sid, timestamp="2025-04-15 10:30:00 -0400")
    run_nbgrader(course_dir, tmp_path, "export")
    with open(course_dir / "grades.csv", newline="", encoding="utf-8") as fh:
        rows = {r["student_id"]: r for r in csv.DictReader(fh)}
    assert set(rows) == {"ana", "jose", "li", "nadie"}
    for sid, pts in recorded.items():
        assert float(rows[sid]["raw_score"]) == pytest.approx(sum(pts.values()), abs=1e-9)
        assert float(rows[sid]["max_score"]) == pytest.approx(6.5, abs=1e-9)
        assert rows[sid]["timestamp"].startswith("2025-04-15 14:30:00")
    assert float(rows["nadie"]["raw_score"]) == 0.0 and rows["nadie"]["timestamp"] == ""

    scores = read_scores(db, "01_demo")
    assert scores["jose"]["score"] == pytest.approx(2.5, abs=1e-12)
    assert scores["jose"]["checks"] == {"f_valores": 1.0, "f_forma": 0.0, "f_propiedad": 1.5}
    assert scores["jose"]["manual"] == {"explicacion": None}
    assert scores["jose"]["needs_manual_grade"] is True
    assert scores["nadie"] == {"score": None, "max_score": 6.5, "checks": dict.fromkeys(POINTS),
                               "manual": {"explicacion": None}, "needs_manual_grade": None, "timestamp": None,
                               "comments": {}}


def test_regrade_overwrites_and_keeps_the_manual_grade(course):
    course_dir, assignment, db = course
    record_submission(db, assignment, result_for(assignment, {"f_valores": 0.0, "f_forma": 0.0, "f_propiedad": 0.0}), "ana")
    with Gradebook(db, "dlgrader") as gb:  # the instructor grades the written answer in formgrader
        grade = gb.find_grade("explicacion", "01_demo", "01_demo", "ana")
        grade.manual_score, grade.needs_manual_grade = 1.5, False
        gb.find_comment("explicacion", "01_demo", "01_demo", "ana").manual_comment = "Bien, falta un ejemplo."
        gb.db.commit()
    record_submission(db, assignment, result_for(assignment, POINTS), "ana")
    with Gradebook(db, "dlgrader") as gb:
        assert len(gb.find_assignment("01_demo").submissions) == 1
        assert len(gb.find_student("ana").submissions) == 1
        assert gb.find_grade("f_forma", "01_demo", "01_demo", "ana").auto_score == 2.0
        manual = gb.find_grade("explicacion", "01_demo", "01_demo", "ana")
        assert manual.auto_score is None and manual.manual_score == 1.5
    assert read_scores(db, "01_demo")["ana"]["score"] == pytest.approx(6.0, abs=1e-12)
    assert read_scores(db, "01_demo")["ana"]["comments"] == {"explicacion": "Bien, falta un ejemplo."}  # the report shows it


def test_unknown_or_missing_check_is_refused_and_nothing_is_written(course):
    course_dir, assignment, db = course
    bad = result_for(assignment, POINTS)
    bad.checks.append(CheckResult("f_fantasma", Text("x", "x"), 1.0, 1.0, True, False))
    with pytest.raises(ConfigError) as err:
        record_submission(db, assignment, bad, "nuevo")
    assert "'f_fantasma'" in err.value.message("es") and "does not exist in the gradebook" in err.value.message("en")
    short = result_for(assignment, POINTS)
    short.checks.pop()
    with pytest.raises(ConfigError):
        record_submission(db, assignment, short, "nuevo")
    assert "nuevo" not in {s["id"] for s in read_students(db)}


def test_a_gradebook_kept_open_takes_a_class_and_survives_a_refused_write(course):
    """autograde writes a whole class through one open gradebook (write_submission)."""
    course_dir, assignment, db = course
    bad = result_for(assignment, POINTS)
    bad.checks.pop()
    with open_gradebook(db) as gb:
        write_submission(gb, assignment, result_for(assignment, POINTS), "ana")
        with pytest.raises(ConfigError):
            write_submission(gb, assignment, bad, "nuevo")
        write_submission(gb, assignment, result_for(assignment, POINTS), "beto")  # the refusal left it usable
        with Gradebook(db, "dlgrader") as reader:  # what formgrader sees meanwhile: both, committed
            assert reader.find_grade("f_forma", "01_demo", "01_demo", "beto").auto_score == 2.0
    scores = read_scores(db, "01_demo")
    assert set(scores) >= {"ana", "beto"} and "nuevo" not in scores
    assert scores["ana"]["score"] == scores["beto"]["score"] == pytest.approx(sum(POINTS.values()), abs=1e-12)


def test_a_submission_costs_the_same_queries_however_many_checks_it_has(course):
    """Through a kept gradebook each write reads the assignment's cells in one query, not one per cell."""
    from sqlalchemy import event

    course_dir, assignment, db = course
    queries = []
    with open_gradebook(db) as gb:
        write_submission(gb, assignment, result_for(assignment, POINTS), "ana")  # the first builds the rows
        event.listen(gb.engine, "before_cursor_execute", lambda *args: queries.append(args[2]))
        for student in ("beto", "carla", "ana"):
            write_submission(gb, assignment, result_for(assignment, POINTS), student)
    param = r"(\?|%\(\w+\)s(::\w+)?)"  # SQLite's and PostgreSQL's
    reread = re.compile(rf"WHERE ({param} = (grade_cells|base_cell)\.id|(grade_cells|base_cell)\.id = {param})$")
    one_cell = [q for q in queries if reread.search(" ".join(q.split()))]  # an expired cell read back alone
    assert one_cell == [] and len(queries) <= 3 * 15, queries


def test_ensure_students_updates_and_rejects_unknown_keys(course):
    course_dir, assignment, db = course
    ensure_students(db, [{"id": "li", "email": "li@example.cl"}])
    li = next(s for s in read_students(db) if s["id"] == "li")
    assert li == {"id": "li", "first_name": "Li", "last_name": "Wang", "email": "li@example.cl", "lms_user_id": None}
    with pytest.raises(ConfigError) as err:
        ensure_students(db, [{"id": "x", "correo": "x@example.cl"}])
    assert "'correo'" in err.value.message("es")


def test_init_course_writes_an_nbgrader_config_it_can_rewrite(course):
    course_dir, assignment, db = course
    text = (course_dir / "nbgrader_config.py").read_text(encoding="utf-8")
    assert "c.CourseDirectory.course_id = 'dlgrader'" in text
    if db.startswith("sqlite"):  # the default gradebook follows the folder (a copied course uses its own)
        assert db == db_url_for(course_dir) and "os.path.join(here, 'gradebook.db')" in text and repr(db) not in text
    else:
        assert f"c.CourseDirectory.db_url = {db!r}" in text
    assert (course_dir / "source" / "01_demo" / "01_demo.ipynb").is_file()
    assert (course_dir / "release" / "01_demo" / "01_demo.ipynb").is_file()
    (course_dir / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")  # the instructor's own
    init_course(course_dir, assignment, course_dir / "release" / "01_demo" / "01_demo.ipynb", db_url=db)
    text = (course_dir / "nbgrader_config.py").read_text(encoding="utf-8")
    assert text.startswith("c = get_config()\n") and text.count("dlgrader_configure(c") == 1  # extended, not replaced


def test_release_notebook_prefers_the_course_copy(course, tmp_path):
    course_dir, assignment, db = course
    assert release_notebook(course_dir, "01_demo") == course_dir / "release" / "01_demo" / "01_demo.ipynb"
    assert release_notebook(tmp_path / "otro", assignment) == assignment.notebook_path
    with pytest.raises(ConfigError) as err:
        release_notebook(tmp_path / "otro", "01_demo")
    assert "inicializa el curso" in err.value.message("es")


def test_iter_submissions_picks_the_notebook_and_reads_timestamps(course):
    course_dir, assignment, db = course
    sub = course_dir / "submitted"
    (sub / "ana" / "01_demo").mkdir(parents=True)
    (sub / "ana" / "01_demo" / "mi_tarea.ipynb").write_text("{}", encoding="utf-8")
    (sub / "ana" / "01_demo" / "timestamp.txt").write_text("2025-04-15 10:30:00.000000 -0400", encoding="utf-8")
    (sub / "jose" / "01_demo").mkdir(parents=True)
    for name in ("a_borrador.ipynb", "01_demo.ipynb"):
        (sub / "jose" / "01_demo" / name).write_text("{}", encoding="utf-8")
    (sub / "li" / "01_demo").mkdir(parents=True)
    for name in ("z.ipynb", "b.ipynb"):
        (sub / "li" / "01_demo" / name).write_text("{}", encoding="utf-8")
    (sub / "li" / "01_demo" / "timestamp.txt").write_text("no es una fecha", encoding="utf-8")
    (sub / "nadie" / "01_demo").mkdir(parents=True)
    (sub / "otro" / "02_otra").mkdir(parents=True)
    got = list(iter_submissions(course_dir, "01_demo"))
    assert [(s.student_id, s.notebook.name if s.notebook else None) for s in got] == [
        ("ana", "mi_tarea.ipynb"), ("jose", "01_demo.ipynb"), ("li", "b.ipynb"), ("nadie", None)]
    assert got[0].timestamp.isoformat() == "2025-04-15T14:30:00"
    assert got[2].timestamp is None


@pytest.mark.slow
def test_autograded_notebooks_work_with_nbgrader_feedback(course, tmp_path):
    """formgrader and `nbgrader generate_feedback` read the autograded copy without unknown cells."""
    course_dir, assignment, db = course
    release = course_dir / "release" / "01_demo" / "01_demo.ipynb"
    nb = nbformat.read(release, as_version=4)
    nb.cells[1].source = "def f(x):\n    return x"
    nb.cells.append(nbformat.v4.new_code_cell("copia", metadata=nbgrader_meta("f", solution=True)))  # duplicated id
    nb.cells.append(nbformat.v4.new_code_cell("trampa", metadata=nbgrader_meta("f_forma", grade=True, points=99)))
    nb.cells[3].source = "Porque `a < b` <script>alert('md')</script>"  # the written answer
    nb.cells[1].outputs = [nbformat.v4.new_output("display_data", data={
        "text/html": "<script>alert('out')</script>", "text/plain": "salida", "image/png": "iVBORw0KGgo="})]
    folder = course_dir / "submitted" / "ana" / "01_demo"
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / "entrega de ana.ipynb")
    (course_dir / "submitted" / "jose" / "01_demo").mkdir(parents=True)
    (course_dir / "submitted" / "jose" / "01_demo" / "01_demo.ipynb").write_text("{roto", encoding="utf-8")

    pts = {"f_valores": 1.0, "f_forma": 0.0, "f_propiedad": 1.5}
    for n, s in enumerate(iter_submissions(course_dir, "01_demo")):
        result = result_for(assignment, pts)
        record_submission(db, assignment, result, s.student_id, timestamp=s.timestamp)
        write_autograded(course_dir, s.student_id, assignment if n else "01_demo", s.notebook, result)

    ana = json.loads((course_dir / "autograded" / "ana" / "01_demo" / "01_demo.ipynb").read_text(encoding="utf-8"))
    ids = [c["metadata"].get("nbgrader", {}).get("grade_id") for c in ana["cells"]]
    assert ids.count("f") == 1 and ids.count("f_forma") == 1
    assert "".join(ana["cells"][1]["source"]) == "def f(x):\n    return x"
    forma = next(c for c in ana["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "f_forma")
    assert forma["metadata"]["nbgrader"]["points"] == 2.0 and "No superada" in forma["outputs"][0]["text"]
    answer = next(c for c in ana["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "explicacion")
    assert answer["source"] == "Porque `a < b` &lt;script>alert('md')&lt;/script>"
    assert set(ana["cells"][1]["outputs"][0]["data"]) == {"text/plain", "image/png"}
    jose = json.loads((course_dir / "autograded" / "jose" / "01_demo" / "01_demo.ipynb").read_text(encoding="utf-8"))
    assert any("JSON dañado" in "".join(c["source"]) for c in jose["cells"] if c["cell_type"] == "markdown")
    nbformat.validate(nbformat.reads(json.dumps(ana), as_version=4))

    run_nbgrader(course_dir, tmp_path, "generate_feedback", "01_demo")
    for sid in ("ana", "jose"):
        html = (course_dir / "feedback" / sid / "01_demo" / "01_demo.html").read_text(encoding="utf-8")
        assert "2.5" in html and "6.5" in html
        assert "<script>alert(" not in html
