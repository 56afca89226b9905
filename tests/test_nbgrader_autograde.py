"""nbgrader's own autograde, with the nbgrader_config.py dlgrader writes, gives dlgrader's grades.

Driven through nbgrader's own command-line app (what ``nbgrader autograde`` runs) and
formgrader's ``NbGraderAPI`` (what its Autograde button runs), never re-implemented.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from dlgrader.course.scores import read_scores
from dlgrader.course.folders import db_url_for
from dlgrader.course.nbgrader_config import CONFIG
from dlgrader.demo import lay_out_class
from dlgrader.material.paths import find_material

MATERIAL = find_material(REPO)
NBGRADER = Path(sys.executable).with_name("nbgrader")
DEMO_CLASSES = [aid for aid in MATERIAL.assignment_ids() if (REPO / "examples" / aid).is_dir()]


def nbgrader(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """One of nbgrader's own apps, as an instructor (or, with USER, a student) runs it."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("NBGRADER_", "DLGRADER_ROOT"))}
    clean["PATH"] = str(NBGRADER.parent) + os.pathsep + clean.get("PATH", "")
    return subprocess.run([str(NBGRADER), *args], cwd=cwd, env={**clean, **env}, capture_output=True, text=True,
                          timeout=1800)


def without_dlgrader(course: Path) -> None:
    """The course's nbgrader as it comes: its own Execute step runs the notebook's cells."""
    config = course / CONFIG
    config.write_text(config.read_text(encoding="utf-8").split("from dlgrader")[0], encoding="utf-8")


def auto_scores(course: Path, aid: str) -> dict[str, dict[str, float | None]]:
    """Each student's auto score per check, as nbgrader's gradebook holds it."""
    return {sid: row["checks"] for sid, row in read_scores(db_url_for(course), aid).items()}


@pytest.fixture(scope="module")
def both_ways(demo_course, tmp_path_factory):
    """Every demo class graded twice: by dlgrader (the demo's own course, graded by dlgrader autograde) and by
    nbgrader autograde, with the reference recordings the demo made.

    nbgrader grades one notebook at a time; two courses, each with its own gradebook, take half the classes
    each, so that both cores work (returns, per assignment, the course that graded it and nbgrader's log)."""
    from concurrent.futures import ThreadPoolExecutor

    base = tmp_path_factory.mktemp("both")

    def grade(half: int, aids: list[str]) -> dict[str, tuple[Path, str]]:
        course = base / f"nbgrader{half}"
        done = {}
        for aid in aids:
            lay_out_class(course, MATERIAL, aid)
            run = nbgrader("autograde", aid, cwd=course, DLGRADER_CACHE_DIR=str(demo_course.cache))
            done[aid] = (course, run.stderr)
        return done

    halves = [DEMO_CLASSES[0::2], DEMO_CLASSES[1::2]]
    with ThreadPoolExecutor(2) as pool:
        graded = [f.result() for f in [pool.submit(grade, i, aids) for i, aids in enumerate(halves)]]
    return demo_course.course, graded[0] | graded[1]


@pytest.mark.slow
@pytest.mark.parametrize("aid", DEMO_CLASSES)
def test_nbgrader_autograde_gives_dlgrader_s_score_for_every_check(both_ways, aid):
    by_dlgrader, graded = both_ways
    by_nbgrader, log = graded[aid]
    ours, theirs = auto_scores(by_dlgrader, aid), auto_scores(by_nbgrader, aid)
    assert set(ours) == set(theirs)
    failed = _students_in(log, "There was an error processing assignment: ")
    explained = _students_in(log, "dlgrader: ")
    assert failed == explained  # every notebook nbgrader cannot read is one dlgrader explained in its log first
    compared = 0
    for sid in sorted(ours):
        if sid in failed:  # nbgrader fails it as it always has; dlgrader gives it 0 with the reason
            assert all(v == 0 for v in ours[sid].values()), sid
            continue
        assert theirs[sid] == ours[sid], sid
        compared += sum(v is not None for v in ours[sid].values())
    assert compared > 0


def _students_in(log: str, marker: str) -> set[str]:
    """The students whose submitted/ folder an nbgrader log line starting with ``marker`` names."""
    found = set()
    for line in log.splitlines():
        rest = line.partition("] ")[2]
        if rest.startswith(marker) and "/submitted/" in rest:
            found.add(rest.split("/submitted/")[1].split("/")[0])
    return found


@pytest.mark.slow
def test_formgrader_s_autograde_button_gives_dlgrader_s_scores(both_ways, tmp_path):
    """``NbGraderAPI.autograde``, configured from the course's nbgrader_config.py as formgrader is."""
    from nbgrader.apps import NbGraderAPI
    from traitlets.config.loader import PyFileConfigLoader

    by_dlgrader, _ = both_ways
    course = tmp_path / "curso"
    lay_out_class(course, MATERIAL, "01_perceptron")
    config = PyFileConfigLoader(CONFIG, path=str(course)).load_config()
    api = NbGraderAPI(config=config)
    for sid in ("ana_perez", "camila_rojas", "diego_fernandez"):
        result = api.autograde("01_perceptron", sid)
        assert result["success"], result.get("error") or result.get("log")
    ours, theirs = auto_scores(by_dlgrader, "01_perceptron"), auto_scores(course, "01_perceptron")
    for sid in ("ana_perez", "camila_rojas", "diego_fernandez"):
        assert theirs[sid] == ours[sid], sid


@pytest.mark.slow
def test_nbgrader_runs_no_student_code_with_dlgrader_s_config(tmp_path):
    """A solution cell that writes a file when run outside the sandbox: nbgrader's default Execute writes it
    (so the probe works), dlgrader's preprocessor does not."""
    import json

    marker = tmp_path / "ran-outside-the-sandbox"
    a = MATERIAL.assignment("01_perceptron")
    nb = json.loads((REPO / "examples" / "01_perceptron" / "ana_perez.ipynb").read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "escalon")
    probe = f"try:\n    open({str(marker)!r}, 'w').write('x')\nexcept OSError:\n    pass\n"
    cell["source"] = probe + "".join(cell["source"])
    for name, default_config in (("dlgrader", False), ("nbgrader", True)):
        course = tmp_path / name
        lay_out_class(course, MATERIAL, "01_perceptron")
        for sid in list((course / "submitted").iterdir()):
            shutil.rmtree(sid)
        folder = course / "submitted" / "probe" / "01_perceptron"
        folder.mkdir(parents=True)
        (folder / a.notebook).write_text(json.dumps(nb), encoding="utf-8")
        if default_config:
            without_dlgrader(course)
        run = nbgrader("autograde", "01_perceptron", cwd=course)
        assert run.returncode == 0, run.stderr[-2000:]
        scores = auto_scores(course, "01_perceptron")["probe"]
        if default_config:
            assert marker.exists() and all(v == 0 for v in scores.values())  # fail closed: 0 despite a correct code
            marker.unlink()
        else:
            assert not marker.exists()
            assert sum(scores.values()) == a.auto_points  # the probe cannot write there; the solution is right


def test_an_instructor_s_own_config_is_extended_once_never_replaced(tmp_path):
    from dlgrader.course.folders import init_course
    from dlgrader.course.nbgrader_config import course_setup

    a = MATERIAL.assignment("01_perceptron")
    course = tmp_path / "curso"
    course.mkdir()
    own = "# my course\nc = get_config()\nc.CourseDirectory.course_id = 'dl2026'\nc.Exchange.root = '/srv/nbgrader/exchange'\n"
    (course / CONFIG).write_text(own, encoding="utf-8")
    init_course(course, a, a.notebook_path, course_id="dl2026")
    init_course(course, a, a.notebook_path, course_id="dl2026")
    text = (course / CONFIG).read_text(encoding="utf-8")
    assert text.startswith(own) and text.count("dlgrader_configure(c") == 1
    setup = course_setup(course)
    assert setup["dlgrader_autograde"] and setup["exchange"] == "/srv/nbgrader/exchange"
    assert setup["course_id"] == "dl2026"


def test_doctor_says_what_nbgrader_uses_and_what_to_add(tmp_path, capsys):
    from dlgrader.cli import main
    from dlgrader.course.folders import init_course

    a = MATERIAL.assignment("01_perceptron")
    course = tmp_path / "curso"
    init_course(course, a, a.notebook_path)
    assert main(["doctor", "--course", str(course)]) == 0
    out = capsys.readouterr().out
    assert f"libro de calificaciones: sqlite:///{course.resolve()}/gradebook.db" in out
    assert f"intercambio (exchange): {course.resolve()}/exchange" in out
    assert "autograde de nbgrader: califica con dlgrader" in out
    (course / CONFIG).write_text("c = get_config()\n", encoding="utf-8")  # an instructor's, without dlgrader
    assert main(["--lang", "en", "doctor", "--course", str(course)]) == 0
    out = capsys.readouterr().out
    assert "nbgrader's autograde: does NOT grade with dlgrader" in out
    assert "Add at the end of nbgrader_config.py:" in out and "dlgrader_configure(c, material=" in out
