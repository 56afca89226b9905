"""Grade a whole class in parallel and record every check in nbgrader's gradebook.

Brokers run in a pool of processes (one submission at a time each, each with its
own sandboxed worker; what they run is task.py); only this process writes
the gradebook, as each result arrives, so a crash loses at most the submissions
still being graded. Nothing it starts outlives it: the grading processes die with
it (sandbox/parent.py), and SIGTERM or SIGHUP end a run as Ctrl+C does, keeping
what was recorded. For a class of some size, the processes first record the
reference's examples and tapes, a share each; the merged table is handed to them
all, and they replay it (replay.py).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from ..course import folders, gradebook, store
from ..course.formgrader import write_autograded
from ..course.lock import autograde_lock
from ..course.scores import read_scores, write_submission
from ..errors import ConfigError, Interrupted, UnsafeSandbox
from ..material.paths import find_material
from ..results import CheckResult, SubmissionResult
from ..sandbox.isolation import require
from ..sandbox import probe
from ..text import Text
from . import recordings, replay, table_cache
from .task import Shipped, grade_one, record_share, start_process, table_file

# Submissions per grading process from which replay pays for its recording (README, "Performance").
REPLAY_FROM = 4
BAR_UNIT = Text("entrega", "submission")  # the progress bar follows --lang
BAR_RECORDING = Text("ejemplos de la referencia", "the reference's examples")


@dataclass
class AutogradeReport:
    assignment: str
    results: list[SubmissionResult]
    failures: dict[str, str] = field(default_factory=dict)  # student -> why it could not be graded
    seconds: float = 0.0
    db_url: str = ""
    manual_points: float = 0.0  # written answers left for formgrader
    skipped: list[str] = field(default_factory=list)  # unchanged since they were graded: not graded again

    @property
    def per_minute(self) -> float:
        return 60.0 * self.graded / self.seconds if self.seconds else 0.0

    @property
    def graded(self) -> int:
        """Submissions graded in this run (the skipped ones were graded before)."""
        return len(self.results) - len(self.skipped)


def no_notebook_result(assignment, student: str) -> SubmissionResult:
    """A student folder without a notebook: every check zero, with the reason."""
    why = Text("No se encontró ningún notebook (.ipynb) en la entrega.", "No notebook (.ipynb) was found in the submission.")
    checks = [CheckResult(c.id, c.title, 0.0, c.points, False, c.public, why) for c in assignment.checks]
    return SubmissionResult(assignment.id, student, checks, [why])


def autograde(assignment_id: str, course_dir: str | Path, *, root: str | Path | None = None, jobs: int | None = None,
              allow_weak_sandbox: bool = False, db_url: str | None = None, progress: bool = True,
              students: list[str] | None = None, force: bool = False, executor: str = "processes",
              scheduler: str | None = None, lang: str = "es") -> AutogradeReport:
    """Grade every ``submitted/<student>/<assignment>/`` of an nbgrader course directory.

    One run at a time per course (a second is refused). A submission whose
    content and timestamp are those already graded, and whose score is in
    the gradebook, is not graded again unless ``force``: a run killed halfway
    and started again finishes the class, grading each student once.
    ``lang``: of the progress bar.
    """
    t0 = time.perf_counter()
    material = find_material(root)
    assignment = material.assignment(assignment_id)
    sandbox = probe.detect()
    require(sandbox, allow_weak_sandbox)
    course_dir = Path(course_dir)
    if not course_dir.is_dir():
        raise ConfigError(Text(f"No existe la carpeta del curso {course_dir}.", f"The course folder {course_dir} does not exist."))
    with autograde_lock(course_dir), _Stopper() as stop:
        return _autograde(material, assignment, course_dir, sandbox, t0, stop, jobs=jobs, db_url=db_url,
                          progress=progress, students=students, force=force, executor=executor, scheduler=scheduler,
                          allow_weak=allow_weak_sandbox, lang=lang)


class _Stopper:
    """Ctrl+C, SIGTERM and SIGHUP (what timeout, systemd, a JupyterHub cull, a CI cancel, a closed terminal send)
    stop the run alike: an :class:`Interrupted` in the main thread, once (a second signal is ignored). Inside
    :meth:`held` (grading processes starting, one result being recorded) it waits for the block's end."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)

    def __init__(self):
        self.before: dict = {}
        self.holding, self.pending, self.raised = 0, None, False

    def __enter__(self) -> "_Stopper":
        if threading.current_thread() is threading.main_thread():  # only the main thread may set handlers
            for sig in self.SIGNALS:
                if signal.getsignal(sig) is not signal.SIG_IGN:  # a SIGINT a shell told this process to ignore stays so
                    self.before[sig] = signal.signal(sig, self._interrupt)
        return self

    def __exit__(self, *exc) -> None:
        for sig, handler in self.before.items():
            signal.signal(sig, handler)

    def _interrupt(self, signum, frame) -> None:
        if self.holding:
            self.pending = self.pending or signum
        elif not self.raised:
            self.raised = True
            raise Interrupted(signum)

    @contextlib.contextmanager
    def held(self):
        self.holding += 1
        try:
            yield
        finally:
            self.holding -= 1
        if not self.holding and self.pending is not None and not self.raised:
            self.raised = True
            raise Interrupted(self.pending)


def _saved(course_dir: Path, assignment_id: str, db_url: str) -> dict[str, tuple[str | None, SubmissionResult]]:
    """Results already recorded in both places: the saved file and the gradebook."""
    folder = store.results_dir(course_dir, assignment_id)
    if not folder.is_dir():
        return {}
    try:
        in_gradebook = {sid for sid, row in read_scores(db_url, assignment_id).items()
                        if row["score"] is not None}
    except ConfigError:
        return {}
    saved = {}
    for path in folder.glob("*.json"):
        try:
            fp, result = store.read_result(path)
        except (OSError, ValueError, KeyError, TypeError):
            continue  # unreadable: grade again
        if result.student in in_gradebook:
            saved[result.student] = (fp, result)
    return saved


def _executor(kind: str, jobs: int, scheduler: str | None):
    """Local grading processes (default), or a Dask cluster's workers (``--executor dask --scheduler ADDR``)."""
    if kind == "processes":
        return _ProcessPool(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                            initializer=start_process, initargs=(os.getpid(),))
    if kind != "dask":
        raise ConfigError(Text(f"Ejecutor desconocido: {kind}.", f"Unknown executor: {kind}."))
    try:
        from distributed import Client
    except ImportError:
        raise ConfigError(Text("--executor dask necesita Dask: pip install 'dlgrader[dask]'.",
                               "--executor dask needs Dask: pip install 'dlgrader[dask]'.")) from None
    if not scheduler:
        raise ConfigError(Text("--executor dask necesita --scheduler DIRECCIÓN (p. ej. tcp://10.0.0.5:8786).",
                               "--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)."))
    return _DaskPool(Client(scheduler, timeout=30))


class _ProcessPool(ProcessPoolExecutor):
    """Local grading processes; a run that stops early (interrupted, broken graders) kills them at once
    instead of waiting for the submissions they are grading (their sandboxes die with them)."""

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            for process in list((self._processes or {}).values()):  # 3.14 has terminate_workers(); 3.11 not
                process.kill()
            self.shutdown(wait=True, cancel_futures=True)
        return super().__exit__(exc_type, exc, tb)


class _DaskPool:
    """The part of a concurrent.futures executor autograde uses, on a Dask client (closed on exit)."""

    def __init__(self, client):
        self.client = client
        self.executor = client.get_executor(pure=False)

    def submit(self, fn, *args):
        return self.executor.submit(fn, *args)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.executor.shutdown(wait=exc[0] is None)
        self.client.close()


def _autograde(material, assignment, course_dir: Path, sandbox, t0: float, stop: _Stopper, *, jobs, db_url, progress,
               students, force, executor, scheduler, allow_weak, lang) -> AutogradeReport:
    assignment_id = assignment.id
    todo = [s for s in folders.iter_submissions(course_dir, assignment_id) if students is None or s[0] in students]
    jobs = max(1, jobs or os.cpu_count() or 1)
    report = AutogradeReport(assignment_id, [], manual_points=assignment.max_points - assignment.auto_points)
    try:
        with contextlib.ExitStack() as stack:  # leaving it early kills the grading processes (_ProcessPool)
            with stop.held():  # a process stopped while it starts would print its own traceback
                pool = stack.enter_context(_executor(executor, jobs, scheduler)) if todo else None
                if executor == "processes" and todo:  # started now, they import while the course is set up
                    for _ in range(jobs):
                        pool.submit(int)
            _grade_class(material, assignment, course_dir, sandbox, pool, todo, report, stop, jobs=jobs,
                         db_url=db_url, progress=progress, force=force, remote=executor == "dask",
                         allow_weak=allow_weak, lang=lang)
    except KeyboardInterrupt as exc:  # Ctrl+C, SIGTERM or SIGHUP (_Stopper): what was recorded stays
        raise Interrupted(getattr(exc, "signum", signal.SIGINT), report.graded) from None
    report.results.sort(key=lambda r: r.student or "")
    report.seconds = time.perf_counter() - t0
    return report


def _grade_class(material, assignment, course_dir: Path, sandbox, pool, todo, report: AutogradeReport,
                 stop: _Stopper, *, jobs, db_url, progress, force, remote, allow_weak, lang) -> None:
    """Set the course up, then grade on ``pool`` what is new and write each result to ``report`` as it arrives."""
    assignment_id = assignment.id
    release = folders.release_notebook(course_dir, assignment)
    db_url = report.db_url = folders.init_course(course_dir, assignment, release, db_url=db_url)
    release = folders.release_notebook(course_dir, assignment)  # now the course's own copy
    saved = {} if force else _saved(course_dir, assignment_id, db_url)

    bar = tqdm(total=len(todo), desc=f"{assignment_id}", unit=BAR_UNIT(lang), disable=not progress)
    with gradebook.open_gradebook(db_url) as gb, bar:  # one gradebook for the run: SQLAlchemy compiles once
        def record(result: SubmissionResult, nb_path, timestamp, fp: str) -> None:
            # the saved result is written last: its presence means the gradebook and formgrader copy are done
            with stop.held():  # a stop waits for the end of this result, then keeps it
                write_submission(gb, assignment, result, result.student, timestamp)
                write_autograded(course_dir, result.student, assignment, nb_path, result, release=release)
                store.write_result(course_dir, result, fp)
                report.results.append(result)

        pending = []
        for student, nb_path, timestamp in todo:
            fp = store.fingerprint(nb_path, timestamp)
            if student in saved and saved[student][0] == fp:
                report.results.append(saved[student][1])
                report.skipped.append(student)
                bar.update()
            elif nb_path is None:
                record(no_notebook_result(assignment, student), None, timestamp, fp)
                bar.update()
            else:
                pending.append((student, nb_path, timestamp, fp))
        # Replay (see replay.py) costs a grading of the reference's property checks first, shared out among the
        # grading processes (a Dask node records its own); from a few submissions per process on, it saves more.
        # A table kept from an earlier run (table_cache.py) costs nothing: then even a few submissions replay.
        replays = replay.enabled() and assignment.replay and bool(pending)
        kept = None if remote or not replays else table_cache.load(assignment_id, recordings.table_key(assignment, material))
        replays = replays and (kept is not None or len(pending) >= REPLAY_FROM * jobs)
        with contextlib.ExitStack() as stack:
            table_path = None
            if replays and not remote:
                table = kept
                if table is None:  # the grading processes record the reference first, a share each
                    bar.set_postfix_str(BAR_RECORDING(lang))  # says what the first seconds are spent on
                    shares = [pool.submit(record_share, str(material.root), assignment_id, sandbox, part, jobs)
                              for part in range(jobs)]
                    table = replay.Table.merged([f.result() for f in shares])
                    table_cache.save(assignment_id, table)
                    bar.set_postfix_str("")
                table_path = stack.enter_context(table_file(table))
            futures = {}
            for student, nb_path, timestamp, fp in pending:
                notebook, rel = (Shipped.read(nb_path), Shipped.read(release)) if remote else (str(nb_path), str(release))
                fut = pool.submit(grade_one, str(material.root), assignment_id, student, notebook, rel,
                                  None if remote else sandbox, allow_weak, replays, table_path)
                futures[fut] = (student, nb_path, timestamp, fp)
            for fut in as_completed(futures):
                student, nb_path, timestamp, fp = futures[fut]
                try:
                    result = SubmissionResult.from_record(fut.result())
                except (ConfigError, UnsafeSandbox):  # broken graders, or a node that cannot isolate: stop
                    for f in futures:
                        f.cancel()
                    raise
                except Exception as exc:  # noqa: BLE001 - one submission's internal error must not stop the class
                    report.failures[student] = f"{type(exc).__name__}: {exc}"[:300]
                else:
                    result.source = str(nb_path)
                    record(result, nb_path, timestamp, fp)
                bar.update()
