"""dlgrader autograde against nbgrader autograde on the same class, side by side in one run.

    python benchmarks/bench_autograde.py --students 40

The class is a realistic mix of assignment 01's demo notebooks (complete,
partial, wrong, a monkeypatching one, a file that is not JSON). nbgrader runs
each notebook top to bottom in a kernel (its grade cells are comments here,
so that is all it does); dlgrader grades every hidden check in the sandbox.
Prints seconds and submissions per minute for each, their ratio, and the
grading time per submission (median, p95). The infinite-loop notebook is left
out: nbgrader would wait for its cell timeout on it.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "01_perceptron"
MIX = ["ana_perez", "bruno_gonzalez", "camila_rojas", "karina_vega", "sofia_ramirez", "isabel_torres",
       "diego_fernandez", "hector_silva", "gabriela_munoz", "javier_lopez"]


def lay_out(course: Path, n: int) -> None:
    for i in range(n):
        folder = course / "submitted" / f"e{i:04d}" / "01_perceptron"
        folder.mkdir(parents=True)
        shutil.copyfile(EXAMPLES / f"{MIX[i % len(MIX)]}.ipynb", folder / "01_perceptron.ipynb")
        (folder / "timestamp.txt").write_text("2026-09-01 10:00:00.000000 UTC", encoding="utf-8")


def run_dlgrader(course: Path, jobs: int | None) -> tuple[float, list[float]]:
    from dlgrader.autograde import autograde

    t0 = time.perf_counter()
    report = autograde("01_perceptron", course, root=REPO, jobs=jobs, progress=False)
    return time.perf_counter() - t0, sorted(r.seconds for r in report.results)


def run_nbgrader(course: Path) -> float:
    """nbgrader's own autograde on a course laid out by dlgrader (same release notebook, same gradebook shape)."""
    env = dict(os.environ, JUPYTER_PLATFORM_DIRS="1", JUPYTER_CONFIG_DIR=str(course / ".jupyter"))
    nbgrader = Path(sys.executable).with_name("nbgrader")
    t0 = time.perf_counter()
    proc = subprocess.run([str(nbgrader), "autograde", "01_perceptron", "--force"], cwd=course, env=env,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        print(proc.stdout[-2000:], proc.stderr[-2000:], file=sys.stderr)
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--students", type=int, default=40)
    ap.add_argument("--jobs", type=int, default=None)
    args = ap.parse_args()
    from dlgrader import course as course_mod
    from dlgrader.paths import find_material

    base = Path(tempfile.mkdtemp(prefix="dlgrader-bench-"))
    ours, theirs = base / "dlgrader", base / "nbgrader"
    lay_out(ours, args.students)
    lay_out(theirs, args.students)
    assignment = find_material(REPO).assignment("01_perceptron")
    course_mod.init_course(theirs, assignment, assignment.notebook_path)
    t_ours, per = run_dlgrader(ours, args.jobs)
    t_theirs = run_nbgrader(theirs)
    n = args.students
    p95 = per[min(len(per) - 1, int(0.95 * len(per)))]
    print(f"class: {n} notebooks of 01_perceptron, {os.cpu_count()} cores")
    print(f"dlgrader autograde: {t_ours:.1f} s, {60 * n / t_ours:.1f} per minute "
          f"(per submission: median {statistics.median(per):.2f} s, p95 {p95:.2f} s)")
    print(f"nbgrader autograde: {t_theirs:.1f} s, {60 * n / t_theirs:.1f} per minute")
    print(f"throughput ratio dlgrader / nbgrader: {t_theirs / t_ours:.2f}")
    print(f"peak resident memory of any child process: {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB")
    shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
