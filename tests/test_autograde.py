"""``dlgrader autograde``: a class in parallel, every student recorded, bad folders never stop the batch."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys

import pytest

from conftest import REPO
from leftovers import family, left_after, tagged_env, wait_for
from dlgrader.api import grades as write_grades
from dlgrader.cli import main
from dlgrader.course import gradebook
from dlgrader.course.folders import db_url_for
from dlgrader.course.scores import read_scores
from dlgrader.grading import batch
from dlgrader.reports.terminal import class_table
from dlgrader.sandbox import probe
from dlgrader.sandbox.isolation import Sandbox

EXAMPLES = REPO / "examples" / "01_perceptron"


def _course(tmp_path, students: dict[str, str | None]):
    course = tmp_path / "curso"
    for sid, example in students.items():
        folder = course / "submitted" / sid / "01_perceptron"
        folder.mkdir(parents=True)
        if example:
            shutil.copyfile(EXAMPLES / f"{example}.ipynb", folder / "01_perceptron.ipynb")
    return course


@pytest.mark.slow
def test_a_class_with_broken_folders_is_graded_and_recorded(tmp_path, capsys):
    course = _course(tmp_path, {"ana": "ana_perez", "javier": "javier_lopez", "diego": "diego_fernandez",
                                "sin_notebook": None})
    code = main(["--root", str(REPO), "autograde", "01_perceptron", "--course", str(course), "--jobs", "2"])
    out = capsys.readouterr()
    assert code == 0, out.err
    scores = read_scores(db_url_for(course), "01_perceptron")
    assert {sid: row["score"] for sid, row in scores.items()} == {"ana": 20.0, "javier": 0.0, "diego": 0.0,
                                                                 "sin_notebook": 0.0}
    assert "sin_notebook: No se encontró ningún notebook" in out.out
    assert "javier: 01_perceptron.ipynb no es un notebook válido" in out.out
    assert "4 entregas calificadas" in out.out and "01_perceptron" in out.err  # the progress bar
    assert (course / "nbgrader_config.py").is_file()
    for sid in ("ana", "javier", "sin_notebook"):
        assert (course / "autograded" / sid / "01_perceptron" / "01_perceptron.ipynb").is_file()


@pytest.mark.slow
def test_regrading_one_student_changes_only_that_student(tmp_path, capsys):
    course = _course(tmp_path, {"ana": "ana_perez", "diego": "diego_fernandez"})
    report = batch.autograde("01_perceptron", course, root=REPO, jobs=1, progress=False)
    assert [r.score for r in report.results] == [20.0, 0.0]
    shutil.copyfile(EXAMPLES / "camila_rojas.ipynb", course / "submitted" / "diego" / "01_perceptron" / "01_perceptron.ipynb")
    batch.autograde("01_perceptron", course, root=REPO, jobs=1, progress=False, students=["diego"])
    scores = read_scores(db_url_for(course), "01_perceptron")
    assert (scores["ana"]["score"], scores["diego"]["score"]) == (20.0, 18.0)


def test_a_course_with_nothing_submitted_is_set_up_and_starts_no_grading_process(tmp_path, monkeypatch):
    """Grading processes start before the course is set up (they import meanwhile), but only if there is work."""
    course = tmp_path / "curso"
    course.mkdir()
    monkeypatch.setattr(batch, "_executor", lambda *a: pytest.fail("a grading process was started"))
    report = batch.autograde("01_perceptron", course, root=REPO, progress=False)
    assert report.results == [] and report.graded == 0
    assert (course / "nbgrader_config.py").is_file() and (course / "release" / "01_perceptron").is_dir()
    assert read_scores(db_url_for(course), "01_perceptron") == {}


@pytest.mark.parametrize("lang, word, other", [("es", "entrega", "submission"), ("en", "submission", "entrega")])
def test_the_progress_bar_follows_the_language(tmp_path, capsys, lang, word, other):
    """The bar speaks the user's language (--lang), as every other line does."""
    course = tmp_path / "curso"
    course.mkdir()
    batch.autograde("01_perceptron", course, root=REPO, lang=lang)
    err = capsys.readouterr().err
    assert f"?{word}/s]" in err and other not in err, err


def test_weak_isolation_is_refused_for_a_class(tmp_path, monkeypatch, capsys):
    course = _course(tmp_path, {"ana": "ana_perez"})
    monkeypatch.setattr(probe, "detect", lambda: Sandbox(mode="plain", drop_uid=False, seccomp=False))
    code = main(["--root", str(REPO), "autograde", "01_perceptron", "--course", str(course)])
    assert code == 3 and "--allow-weak-sandbox" in capsys.readouterr().err
    assert not (course / "gradebook.db").exists()


def test_a_missing_course_folder_is_one_clear_sentence(tmp_path, capsys):
    code = main(["--root", str(REPO), "--lang", "en", "autograde", "01_perceptron", "--course", str(tmp_path / "nope")])
    assert code == 4 and "does not exist" in capsys.readouterr().err


@pytest.mark.slow
def test_a_second_run_grades_only_what_changed(tmp_path, capsys):
    course = _course(tmp_path, {"ana": "ana_perez", "diego": "diego_fernandez", "sin_notebook": None})
    first = batch.autograde("01_perceptron", course, root=REPO, jobs=2, progress=False)
    assert first.skipped == [] and first.graded == 3
    again = batch.autograde("01_perceptron", course, root=REPO, jobs=2, progress=False)
    assert sorted(again.skipped) == ["ana", "diego", "sin_notebook"] and again.graded == 0
    assert [(r.student, r.score) for r in again.results] == [(r.student, r.score) for r in first.results]
    shutil.copyfile(EXAMPLES / "camila_rojas.ipynb", course / "submitted" / "diego" / "01_perceptron" / "01_perceptron.ipynb")
    code = main(["--root", str(REPO), "autograde", "01_perceptron", "--course", str(course), "--jobs", "2"])
    out = capsys.readouterr().out
    assert code == 0 and "1 entregas calificadas" in out and "2 sin cambios" in out and "--force" in out
    assert read_scores(db_url_for(course), "01_perceptron")["diego"]["score"] == 18.0
    rubric = REPO / "rubric" / "duoc.yaml"
    write_grades(course, rubric, out=tmp_path / "antes.csv", root=REPO)
    before = class_table(batch.autograde("01_perceptron", course, root=REPO, progress=False).results)
    forced = batch.autograde("01_perceptron", course, root=REPO, jobs=2, progress=False, force=True)
    assert forced.skipped == [] and forced.graded == 3
    # determinism: grading the same class again gives the same table and a byte-identical grades file
    write_grades(course, rubric, out=tmp_path / "despues.csv", root=REPO)
    assert class_table(forced.results) == before
    assert (tmp_path / "despues.csv").read_bytes() == (tmp_path / "antes.csv").read_bytes()


def test_a_second_autograde_on_the_same_course_is_refused(tmp_path, capsys):
    from dlgrader.course.lock import autograde_lock

    course = _course(tmp_path, {"ana": "ana_perez"})
    with autograde_lock(course):
        code = main(["--root", str(REPO), "autograde", "01_perceptron", "--course", str(course)])
    err = capsys.readouterr().err
    assert code == 6 and "Otro dlgrader autograde está calificando este curso (pid " in err
    assert not (course / "gradebook.db").exists()


def _autograde_cmd(course, jobs: int = 1, *extra: str) -> list[str]:
    return [sys.executable, "-m", "dlgrader.cli", "--root", str(REPO), "autograde", "01_perceptron",
            "--course", str(course), "--jobs", str(jobs), *extra]


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["kill", "term"])
def test_a_run_stopped_at_any_point_leaves_nothing_and_the_next_grades_everyone_once(tmp_path, sig):
    """SIGKILL or SIGTERM to autograde alone (as timeout, systemd, a CI cancel send it) at start-up, then after the
    first saved results: 5 s later no process it started is left, re-parented or not; the third run completes the
    class. SIGTERM ends it as Ctrl+C does: one line saying how many were graded and kept, exit 128 + 15."""
    expected = {"ana": 20.0, "camila": 18.0, "diego": 0.0, "sofia": 16.0, "sin_notebook": 0.0}
    course = _course(tmp_path, {"ana": "ana_perez", "camila": "camila_rojas", "diego": "diego_fernandez",
                                "sofia": "sofia_ramirez", "sin_notebook": None})
    results = course / "dlgrader" / "results" / "01_perceptron"

    def run_until(ready) -> None:
        tag, env = tagged_env()
        proc = subprocess.Popen(_autograde_cmd(course), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        wait_for(lambda: ready() or proc.poll() is not None, 120)
        assert proc.poll() is None, "the run ended before the stop point"
        saved = len(list(results.glob("*.json"))) if results.is_dir() else 0
        proc.send_signal(sig)
        err = proc.communicate(timeout=30)[1].decode()
        assert left_after(tag) == []
        if sig == signal.SIGTERM:  # (before autograde's handlers, at import, SIGTERM just ends it: nothing started)
            graded = len(list(results.glob("*.json"))) if results.is_dir() else 0
            assert proc.returncode == 128 + signal.SIGTERM or (proc.returncode == -signal.SIGTERM and graded == 0)
            assert f"interrumpido: {graded} entregas calificadas y guardadas" in err or proc.returncode < 0, err
            assert graded >= saved

    run_until(lambda: (course / "dlgrader" / "autograde.lock").exists())
    run_until(lambda: results.is_dir() and len(list(results.glob("*.json"))) >= 2)
    done_before = {p.stem for p in results.glob("*.json")}
    final = batch.autograde("01_perceptron", course, root=REPO, jobs=2, progress=False)
    assert set(final.skipped) == done_before and final.graded == len(expected) - len(done_before)
    scores = read_scores(db_url_for(course), "01_perceptron")
    assert {sid: row["score"] for sid, row in scores.items()} == expected
    with gradebook.open_gradebook(db_url_for(course)) as gb:  # nbgrader's own view: one submission per student
        subs = [s.student.id for s in gb.find_assignment("01_perceptron").submissions]
    assert sorted(subs) == sorted(expected)
    assert not list(results.glob("*.tmp"))


@pytest.mark.slow
def test_a_fork_server_stopped_mid_run_costs_no_grade_and_leaves_nothing(tmp_path):
    """SIGKILL, then SIGTERM, to the fork server while one of its workers grades: the submission is graded again
    (the death was not its code's), the run completes with every score right, and nothing is left afterwards."""
    from dlgrader.material.paths import find_material
    from hostile_kinds import write_kind

    examples = ["ana_perez", "camila_rojas", "sofia_ramirez", "bruno_gonzalez"]
    course = _course(tmp_path, {f"s{i}": ex for i, ex in enumerate(examples)})
    for sid in ("z_duerme_1", "z_duerme_2"):  # last, and long: a worker to find for each stop, however late the
        write_kind("duerme", find_material(REPO).assignment("01_perceptron"),  # first one comes (honest ones replay
                   course / "submitted" / sid / "01_perceptron" / "01_perceptron.ipynb")  # in a fraction of a second)
    results = course / "dlgrader" / "results" / "01_perceptron"
    saved = lambda: len(list(results.glob("*.json"))) if results.is_dir() else 0  # noqa: E731
    tag, env = tagged_env()
    proc = subprocess.Popen(_autograde_cmd(course), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    stopped = []

    def stop_a_serving_fork_server(sig) -> bool:  # one whose worker is grading, not one already stopped
        procs = {p.pid: p for p in family(tag)}
        for p in procs.values():
            holder = procs.get(p.ppid)
            server = procs.get(holder.ppid) if holder is not None else None
            if p.comm == "dlgrader-worker" and server is not None and server.is_fork_server \
                    and server.pid not in stopped:
                try:
                    os.kill(server.pid, sig)
                except ProcessLookupError:  # it ended meanwhile
                    return False
                stopped.append(server.pid)
                return True
        return False

    # Not before the first result: at start-up the sandbox probe forks a worker of its own, and a probe whose fork
    # server is killed under it finds the sandbox broken (autograde then refuses, exit 3), which is not this test's.
    wait_for(lambda: saved() >= 1 or proc.poll() is not None, 120)
    for sig in (signal.SIGKILL, signal.SIGTERM):
        wait_for(lambda: stop_a_serving_fork_server(sig) or proc.poll() is not None, 120)
        assert proc.poll() is None, f"the run ended before the fork server was stopped: {proc.stderr.read().decode()}"
        before = saved()  # the next stop falls on another submission (one lost twice is reported, not graded)
        wait_for(lambda: saved() > before or proc.poll() is not None, 120)
    assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()
    scores = read_scores(db_url_for(course), "01_perceptron")
    expected = {"ana_perez": 20.0, "camila_rojas": 18.0, "sofia_ramirez": 16.0, "bruno_gonzalez": 20.0}
    assert {sid: row["score"] for sid, row in scores.items()} == \
        {f"s{i}": expected[ex] for i, ex in enumerate(examples)} | {"z_duerme_1": 0.0, "z_duerme_2": 0.0}
    assert left_after(tag) == []


@pytest.mark.slow
def test_postgresql_gradebook_gives_the_same_grades_file_as_sqlite(tmp_path, empty_postgres):
    """The same class graded into SQLite and into PostgreSQL: byte-identical grades files."""
    server, template = empty_postgres
    students = {"ana": "ana_perez", "camila": "camila_rojas", "sin_notebook": None}
    rubric = REPO / "rubric" / "duoc.yaml"
    files = []
    for name, db_url in (("sqlite", None), ("postgresql", server.new_database(template))):
        course = _course(tmp_path / name, students)
        code = main(["--root", str(REPO), "autograde", "01_perceptron", "--course", str(course), "--jobs", "2"]
                    + (["--db", db_url] if db_url else []))
        assert code == 0
        files.append(tmp_path / f"{name}.csv")
        write_grades(course, rubric, db_url=db_url, out=files[-1], root=REPO)
    assert files[0].read_bytes() == files[1].read_bytes()
    assert b"ana,90.9," in files[0].read_bytes()  # 20 of 22 points: the written answers are not graded yet


@pytest.mark.slow
def test_the_gradebook_stays_readable_while_a_class_is_graded(tmp_path):
    """What formgrader does while autograde writes: open nbgrader's Gradebook and read, again and again."""
    import subprocess
    import sys
    import time

    course = _course(tmp_path, {"ana": "ana_perez", "camila": "camila_rojas", "diego": "diego_fernandez"})
    db = db_url_for(course)
    proc = subprocess.Popen([sys.executable, "-m", "dlgrader.cli", "--root", str(REPO), "autograde", "01_perceptron",
                             "--course", str(course), "--jobs", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    reads, seen = 0, set()
    while proc.poll() is None:
        if (course / "gradebook.db").exists():
            try:
                scores = read_scores(db, "01_perceptron")
            except Exception as exc:  # noqa: BLE001 - a registration in progress is the one expected miss
                assert "01_perceptron" in str(exc), exc
            else:
                reads += 1
                seen |= {sid for sid, row in scores.items() if row["score"] is not None}
        time.sleep(0.1)
    assert proc.returncode == 0, proc.stderr.read()
    assert reads >= 10 and seen  # reads went on during the run and saw grades arrive
    assert {sid: row["score"] for sid, row in read_scores(db, "01_perceptron").items()} == \
        {"ana": 20.0, "camila": 18.0, "diego": 0.0}


@pytest.mark.slow
def test_a_dask_cluster_grades_like_local_processes_and_only_the_caller_writes(tmp_path, capsys):
    """``--executor dask``: a LocalCluster's worker processes grade from the files sent to them."""
    from distributed import LocalCluster

    students = {"ana": "ana_perez", "javier": "javier_lopez", "grande": None}
    local, remote = _course(tmp_path / "local", students), _course(tmp_path / "remote", students)
    for course in (local, remote):  # over the size limit: never read whole, same sentence on every node
        with open(course / "submitted" / "grande" / "01_perceptron" / "01_perceptron.ipynb", "wb") as f:
            f.truncate(25 * 2**20)
    expected = batch.autograde("01_perceptron", local, root=REPO, jobs=2, progress=False)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        code = main(["--root", str(REPO), "autograde", "01_perceptron", "--course", str(remote),
                     "--executor", "dask", "--scheduler", cluster.scheduler_address])
    assert code == 0, capsys.readouterr().err
    scores = read_scores(db_url_for(remote), "01_perceptron")
    assert {sid: row["score"] for sid, row in scores.items()} == {r.student: r.score for r in expected.results}
    assert (scores["ana"]["score"], scores["javier"]["score"]) == (20.0, 0.0)
    got = {r.student: r for r in batch.autograde("01_perceptron", remote, root=REPO, progress=False).results}
    for r in expected.results:  # the saved results (written by the caller) carry the same feedback
        assert [c.message for c in got[r.student].checks] == [c.message for c in r.checks]
        assert got[r.student].problems == r.problems
        assert got[r.student].source.endswith(f"{r.student}/01_perceptron/01_perceptron.ipynb")
    assert "25 MB" in got["grande"].problems[0].es


@pytest.mark.slow
def test_a_cancelled_dask_run_leaves_no_sandbox_on_the_nodes(tmp_path):
    """autograde killed while the nodes grade hostile submissions that sleep in every function: the scheduler
    cancels its tasks, each node stops the grading in progress, and its fork servers close once idle."""
    from distributed import Client, LocalCluster

    from dlgrader.grading.task import CANCEL_POLL_SECONDS, NODE_IDLE_SECONDS
    from dlgrader.material.paths import find_material
    from hostile_kinds import write_kind

    course = _course(tmp_path, {"ana": "ana_perez"})
    for sid in ("duerme_1", "duerme_2", "duerme_3"):
        write_kind("duerme", find_material(REPO).assignment("01_perceptron"),
                   course / "submitted" / sid / "01_perceptron" / "01_perceptron.ipynb")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        nodes = list(client.run(os.getpid).values())

        def on_nodes(kind) -> list:
            return [p for node in nodes for p in family(root=node) if kind(p)]

        tag, env = tagged_env()
        proc = subprocess.Popen(_autograde_cmd(course, 2, "--executor", "dask", "--scheduler",
                                               cluster.scheduler_address),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        wait_for(lambda: len(on_nodes(lambda p: p.is_worker)) >= 2 or proc.poll() is not None, 120)
        assert proc.poll() is None, "the run ended before it was killed"
        proc.kill()
        proc.wait()
        assert left_after(lambda: on_nodes(lambda p: p.is_worker), 2 + CANCEL_POLL_SECONDS) == []
        assert left_after(lambda: on_nodes(lambda p: p.is_fork_server or p.comm == "bwrap"), NODE_IDLE_SECONDS + 5) == []
    assert left_after(tag) == []


def test_dask_without_a_scheduler_address_is_one_clear_sentence(tmp_path, capsys):
    course = _course(tmp_path, {"ana": "ana_perez"})
    code = main(["--root", str(REPO), "autograde", "01_perceptron", "--course", str(course), "--executor", "dask"])
    assert code == 4 and "--scheduler" in capsys.readouterr().err


def test_a_user_error_raised_in_a_grading_process_reaches_the_caller_whole():
    """Broken graders in a grading process, or a Dask node without isolation, stop the run with their sentence."""
    import pickle

    from dlgrader.errors import ConfigError, UnsafeSandbox
    from dlgrader.text import Text

    for kind in (ConfigError, UnsafeSandbox):
        back = pickle.loads(pickle.dumps(kind(Text("en español", "in English"))))
        assert type(back) is kind and back.message("es") == "en español" and str(back) == "in English"


def test_a_grading_process_does_not_load_the_gradebook_stack():
    """What a grading process imports stays lean: nbgrader and nbformat would cost it 2 s and slow every collection."""
    import subprocess
    import sys

    code = ("import sys, dlgrader.grading.task as g; g.start_process(); "
            "print(sorted(m for m in ('nbgrader', 'nbformat', 'jsonschema', 'sqlalchemy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
