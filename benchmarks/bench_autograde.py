"""dlgrader autograde against nbgrader autograde on the same class, side by side in one run.

    python benchmarks/bench_autograde.py --students 40                       # assignment 01
    python benchmarks/bench_autograde.py --students 40 --assignment 04_descenso_gradiente
    python benchmarks/bench_autograde.py --students 20 --assignment 08_crispdm
    python benchmarks/bench_autograde.py --students 300 --no-variants       # the issue's class of 300

The class is a realistic mix of the assignment's demo notebooks (complete,
partial, wrong, hostile, a file that is not JSON), repeated to N. nbgrader runs
each notebook top to bottom in a kernel (its grade cells are comments here, so
that is all it does); dlgrader grades every hidden check in the sandbox.
Prints seconds and submissions per minute for each (dlgrader also with cold
workers, DLGRADER_WARM=0, and without replaying the reference's examples,
DLGRADER_REPLAY=0), the ratio to nbgrader, the grading
time per submission (median, p95), worker start-up warm (forked by the fork
server) and cold (a new sandboxed Python) side by side, and the peak resident
memory of a worker grading the reference. Both courses' gradebooks are created
before timing; a run where a submission could not be graded says so.
Demo students with an infinite loop are left out: nbgrader would wait for its
cell timeout on them.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def mix(aid: str) -> list[Path]:
    """The demo class's notebooks, without the infinite loops (see the module docstring)."""
    spec = importlib.util.spec_from_file_location("students", REPO / "examples" / aid / "students.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(REPO / "examples"))
    spec.loader.exec_module(module)
    keep = [s.id for s in module.STUDENTS if s.submitted and "infinite loop" not in s.what and "bucle" not in s.what]
    return [REPO / "examples" / aid / f"{sid}.ipynb" for sid in keep]


def lay_out(course: Path, aid: str, notebook: str, n: int) -> None:
    notebooks = mix(aid)
    for i in range(n):
        folder = course / "submitted" / f"e{i:04d}" / aid
        folder.mkdir(parents=True)
        shutil.copyfile(notebooks[i % len(notebooks)], folder / notebook)
        (folder / "timestamp.txt").write_text("2026-09-01 10:00:00.000000 UTC", encoding="utf-8")


def run_dlgrader(course: Path, aid: str, jobs: int | None, warm: bool = True,
                 replay: bool = True, kept: Path | None = None) -> tuple[float, list[float]]:
    from dlgrader.sandbox import warm as warm_module  # not ``warm``: that name is this function's flag
    from dlgrader.grading.batch import autograde

    # each run pays for its own fork server, as a new command would, and for its own recording of the reference
    # (its new grading processes record it) unless ``kept``: the folder of an earlier run's tables (table_cache.py)
    warm_module.shutdown()
    os.environ["DLGRADER_WARM"] = "1" if warm else "0"  # inherited by the grading processes
    os.environ["DLGRADER_REPLAY"] = "1" if replay else "0"
    os.environ["DLGRADER_CACHE_DIR"] = str(kept or tempfile.mkdtemp(dir=course.parent, prefix="cache-"))
    t0 = time.perf_counter()
    report = autograde(aid, course, root=REPO, jobs=jobs, progress=False, force=True)
    seconds = time.perf_counter() - t0
    if report.failures:  # a submission that failed to grade would make the run look faster than it is
        print(f"warning: {len(report.failures)} submissions could not be graded: {report.failures}")
    return seconds, sorted(r.seconds for r in report.results)


def startup(preimport: list[str], n: int, warm: bool) -> list[float]:
    """Seconds from asking for a worker to its "ready", n times (the first, which starts the fork server, excluded)."""
    os.environ["DLGRADER_WARM"] = "1" if warm else "0"
    from dlgrader.sandbox import warm as warm_module
    from dlgrader.sandbox.probe import detect
    from dlgrader.sandbox.session import WorkerSession

    times = []
    for _ in range(n + 1):
        s = WorkerSession(detect(), hidden=[], preimport=preimport, memory_mb=512, call_timeout=20, load_timeout=20)
        s.start()
        assert s.warm == warm, "the fork server did not start: see dlgrader.sandbox.warm"
        times.append(s.startup_seconds)
        s.close()
    warm_module.shutdown()
    return sorted(times[1:])


PEAK = "def dlgrader_bench_peak():\n    return int(open('/proc/self/status').read().split('VmHWM:')[1].split()[0])\n"


def worker_peak_mb(aid: str) -> float:
    """Peak resident memory (VmHWM) of the worker that grades the reference with every hidden check."""
    from dlgrader.grading import runner
    from dlgrader.material.notebook import Cell, read_cell_file, program_from_cells
    from dlgrader.material.paths import find_material
    from dlgrader.sandbox.probe import detect
    from dlgrader.sandbox.session import WorkerSession

    material = find_material(REPO)
    a = material.assignment(aid)
    program = program_from_cells(read_cell_file(material.solution_path(aid)), a.notebook_path)
    program.cells.append(Cell("bench", PEAK, True))
    peaks = []
    close = WorkerSession.close

    def measured_close(self):
        if self.proc is not None and self.gone is None:
            try:
                peaks.append(self.call("dlgrader_bench_peak", (), {}) / 1024)
            except Exception:  # noqa: BLE001 - a worker that already died has no figure
                pass
        close(self)

    WorkerSession.close = measured_close
    try:
        runner.grade_program(a, program, material=material, sandbox=detect())
    finally:
        WorkerSession.close = close
    return max(peaks)


def run_nbgrader(course: Path, aid: str) -> float:
    """nbgrader's own autograde on a course laid out by dlgrader (same release notebook, same gradebook shape)."""
    env = dict(os.environ, JUPYTER_PLATFORM_DIRS="1", JUPYTER_CONFIG_DIR=str(course / ".jupyter"))
    nbgrader = Path(sys.executable).with_name("nbgrader")
    t0 = time.perf_counter()
    proc = subprocess.run([str(nbgrader), "autograde", aid, "--force"], cwd=course, env=env,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        print(proc.stdout[-2000:], proc.stderr[-2000:], file=sys.stderr)
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--students", type=int, default=40)
    ap.add_argument("--assignment", default="01_perceptron")
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--no-variants", action="store_true",
                    help="skip the cold-worker and replay-off runs (for a large class: they add two more gradings)")
    args = ap.parse_args()
    from dlgrader.course import folders as course_mod
    from dlgrader.material.paths import find_material

    aid = args.assignment
    assignment = find_material(REPO).assignment(aid)
    base = Path(tempfile.mkdtemp(prefix="dlgrader-bench-"))
    ours, theirs = base / "dlgrader", base / "nbgrader"
    lay_out(ours, aid, assignment.notebook, args.students)
    lay_out(theirs, aid, assignment.notebook, args.students)
    for course in (ours, theirs):  # both gradebooks exist before the clock starts (it cost dlgrader's first run ~4 s)
        course_mod.init_course(course, assignment, assignment.notebook_path)
    kept = Path(tempfile.mkdtemp(dir=base, prefix="cache-"))
    t_ours, per = run_dlgrader(ours, aid, args.jobs, kept=kept)  # records into an empty folder
    t_later, _ = run_dlgrader(ours, aid, args.jobs, kept=kept)  # the same class again: the recording reused
    if not args.no_variants:
        t_cold, _ = run_dlgrader(ours, aid, args.jobs, warm=False)
        t_full, _ = run_dlgrader(ours, aid, args.jobs, replay=False)
    t_theirs = run_nbgrader(theirs, aid)
    preimport = ["numpy"] + (["torch"] if assignment.needs_torch else [])
    warm, cold = startup(preimport, 30, True), startup(preimport, 10, False)
    peak = worker_peak_mb(aid)
    n = args.students

    def p95(xs):
        return xs[min(len(xs) - 1, int(0.95 * len(xs)))]

    print(f"class: {n} notebooks of {aid} ({len(mix(aid))} demo students repeated), {os.cpu_count()} cores")
    print(f"dlgrader autograde: {t_ours:.1f} s, {60 * n / t_ours:.1f} per minute "
          f"(per submission: median {statistics.median(per):.2f} s, p95 {p95(per):.2f} s)")
    print(f"dlgrader autograde, a later run (the reference's recording kept): {t_later:.1f} s, "
          f"{60 * n / t_later:.1f} per minute")
    if not args.no_variants:
        print(f"dlgrader autograde, cold workers (DLGRADER_WARM=0): {t_cold:.1f} s, {60 * n / t_cold:.1f} per minute")
        print(f"dlgrader autograde, hypothesis on every check (DLGRADER_REPLAY=0): {t_full:.1f} s, "
              f"{60 * n / t_full:.1f} per minute")
    print(f"nbgrader autograde: {t_theirs:.1f} s, {60 * n / t_theirs:.1f} per minute")
    print(f"throughput ratio dlgrader / nbgrader: {t_theirs / t_ours:.2f} (a later run: {t_theirs / t_later:.2f})")
    print(f"worker start-up with {'+'.join(preimport)}: warm median {1000 * statistics.median(warm):.0f} ms, "
          f"p95 {1000 * p95(warm):.0f} ms; cold median {1000 * statistics.median(cold):.0f} ms, "
          f"p95 {1000 * p95(cold):.0f} ms")
    print(f"peak resident memory of the worker grading the reference: {peak:.0f} MB")
    shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
