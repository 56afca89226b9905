"""What hostile and broken submissions cost a class, measured side by side with honest ones.

    python benchmarks/bench_reliability.py hostile --students 40 --hostile 10 --rounds 2
    python benchmarks/bench_reliability.py broken --students 500

``hostile``: a class of N copies of the 01 demo class (honest notebooks, and the cheap hostile ones: an
``__eq__`` always true, numpy monkeypatched, a hunt for the reference), graded with ``autograde``, and the
same class with H of them replaced by the costly kinds of tests/hostile_kinds.py in turn (every function
sleeps, every function loops, every call exhausts the memory, the cell sleeps at import, the disk is walked at
import). The two classes are graded alternately, ``--rounds`` times each, and every run records the reference
itself (no kept table), so the ratio compares like with like. Then each kind is graded alone with ``dlgrader
grade`` beside an honest notebook (alternately), as the issue measured them. It prints every time, the ratio,
and the bound the budget promises: H submissions cost at most ``submission_budget`` each, shared by the jobs.

``broken``: N notebooks, a share broken in every kind of tests/broken_corpus.py, the rest copies of the demo
class; it prints the batch time, that every broken file got a one-line reason, that every honest student got
the score its notebook gets when graded alone, and that no file of the course material changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_autograde import mix  # noqa: E402
from broken_corpus import KINDS, write_kind  # noqa: E402
from hostile_kinds import KINDS as HOSTILE_KINDS, write_kind as write_hostile  # noqa: E402

AID = "01_perceptron"
EXAMPLES = REPO / "examples" / AID
HONEST = ["ana_perez", "bruno_gonzalez", "camila_rojas", "sofia_ramirez", "diego_fernandez", "hector_silva",
          "mateo_castro", "gabriela_munoz", "isabel_torres", "karina_vega"]


def material_hashes() -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in ("solutions", "graders", "assignments", "src") for p in (REPO / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


def lay_out_class(course: Path, n: int, hostile: int, assignment) -> dict[str, str]:
    """N submissions of the demo mix, the first ``hostile`` of them replaced by the costly kinds in turn."""
    notebooks, kinds, what = mix(AID), list(HOSTILE_KINDS), {}
    for i in range(n):
        target = course / "submitted" / f"e{i:04d}" / AID / f"{AID}.ipynb"
        target.parent.mkdir(parents=True)
        if i < hostile:
            write_hostile(kinds[i % len(kinds)], assignment, target)
            what[f"e{i:04d}"] = kinds[i % len(kinds)]
        else:
            shutil.copyfile(notebooks[i % len(notebooks)], target)
    return what


def grade_class(n: int, hostile: int, jobs: int | None, assignment) -> tuple[float, dict]:
    from dlgrader.grading.batch import autograde

    course = Path(tempfile.mkdtemp(prefix="dlgrader-bench-")) / "curso"
    kinds = lay_out_class(course, n, hostile, assignment)
    t0 = time.perf_counter()
    report = autograde(AID, course, root=REPO, jobs=jobs, progress=False)
    seconds = time.perf_counter() - t0
    if report.failures:
        print(f"warning: {len(report.failures)} submissions could not be graded: {report.failures}")
    costs = {}
    for r in report.results:
        if r.student in kinds:
            costs.setdefault(kinds[r.student], []).append(r.seconds)
    shutil.rmtree(course.parent, ignore_errors=True)
    return seconds, costs


def grade_alone(path: Path) -> float:
    """Wall-clock seconds of ``dlgrader grade AID PATH --json`` in a new process, as a person would run it."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "dlgrader.cli", "--root", str(REPO), "grade", AID, str(path), "--json"],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def span(values: list[float]) -> str:
    return f"{min(values):.1f}–{max(values):.1f} s" if len(values) > 1 else f"{values[0]:.1f} s"


def hostile(args) -> None:
    from dlgrader.material.paths import find_material

    os.environ["DLGRADER_CACHE_DIR"] = ""  # every run records the reference itself: the classes pay alike
    assignment = find_material(REPO).assignment(AID)
    jobs = args.jobs or os.cpu_count() or 1
    honest_runs, hostile_runs, costs = [], [], {}
    for _ in range(args.rounds):
        honest_runs.append(grade_class(args.students, 0, jobs, assignment)[0])
        seconds, kinds = grade_class(args.students, args.hostile, jobs, assignment)
        hostile_runs.append(seconds)
        for kind, values in kinds.items():
            costs.setdefault(kind, []).extend(values)
    bound = max(honest_runs) + args.hostile * assignment.submission_budget / jobs
    print(f"class of {args.students} ({AID}, {jobs} jobs, submission_budget {assignment.submission_budget:g} s), "
          f"{args.rounds} rounds side by side:")
    print(f"  honest class: {', '.join(f'{s:.1f} s' for s in honest_runs)}")
    print(f"  with {args.hostile} hostile: {', '.join(f'{s:.1f} s' for s in hostile_runs)}")
    print("  ratio hostile/honest: " + ", ".join(f"{h / o:.2f}" for h, o in zip(hostile_runs, honest_runs))
          + f" (the budget's bound: {bound:.1f} s, {bound / max(honest_runs):.2f}x)")
    print("  each hostile kind in the class (its grading process's time): "
          + "; ".join(f"{k} {span(v)}" for k, v in sorted(costs.items())))
    with tempfile.TemporaryDirectory(prefix="dlgrader-bench-") as tmp:
        paths = {kind: write_hostile(kind, assignment, Path(tmp, f"{kind}.ipynb")) for kind in HOSTILE_KINDS}
        honest_alone, alone = [], {}
        for _ in range(args.rounds):
            for kind, path in paths.items():  # an honest notebook before each kind: side by side
                honest_alone.append(grade_alone(EXAMPLES / "ana_perez.ipynb"))
                alone.setdefault(kind, []).append(grade_alone(path))
    print(f"graded alone (dlgrader grade {AID} ... --json, a new process each): honest {span(honest_alone)}")
    for kind, values in alone.items():
        print(f"  {kind}: {span(values)} ({max(values) / (sum(honest_alone) / len(honest_alone)):.1f}x the honest mean)")


def broken(args) -> None:
    # imported here, not at the top: the grading processes re-import this script, and must not import
    # nbgrader through dlgrader.grading.batch (a lean grading process, see grading/task.py)
    from dlgrader.api import grade_file
    from dlgrader.grading.batch import autograde

    before = material_hashes()
    alone = {sid: grade_file(AID, EXAMPLES / f"{sid}.ipynb", root=REPO).score for sid in HONEST}
    good = json.loads((EXAMPLES / "ana_perez.ipynb").read_text(encoding="utf-8"))
    course = Path(tempfile.mkdtemp(prefix="dlgrader-bench-")) / "curso"
    kinds, honest_ids = list(KINDS), {}
    n_broken = int(args.students * args.broken_share)
    for i in range(args.students):
        target = course / "submitted" / f"e{i:04d}" / AID / f"{AID}.ipynb"
        if i < n_broken:
            write_kind(kinds[i % len(kinds)], good, target)
        else:
            target.parent.mkdir(parents=True)
            honest_ids[f"e{i:04d}"] = HONEST[i % len(HONEST)]
            shutil.copyfile(EXAMPLES / f"{honest_ids[f'e{i:04d}']}.ipynb", target)
    t0 = time.perf_counter()
    report = autograde(AID, course, root=REPO, jobs=args.jobs)
    seconds = time.perf_counter() - t0
    got = {r.student: r for r in report.results}
    moved = [sid for sid, ex in honest_ids.items() if got[sid].score != alone[ex]]
    silent = [sid for sid, r in got.items() if sid not in honest_ids and r.score == 0 and not r.problems]
    print(f"students: {args.students} ({n_broken} broken in {len(kinds)} kinds, {len(honest_ids)} honest or hostile)")
    print(f"batch: {seconds:.1f} s, {60 * len(got) / seconds:.0f} per minute, internal failures: {len(report.failures)}")
    print(f"graded: {len(got)}; broken with zero and no reason: {len(silent)}")
    print(f"honest students whose score differs from grading alone: {len(moved)} {moved[:5]}")
    print(f"course material files changed: {sum(before[k] != v for k, v in material_hashes().items())}")
    shutil.rmtree(course.parent, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["hostile", "broken"])
    ap.add_argument("--students", type=int, default=None, help="class size (default: 40 hostile, 500 broken)")
    ap.add_argument("--hostile", type=int, default=10, help="hostile: how many of the class are hostile")
    ap.add_argument("--rounds", type=int, default=2, help="hostile: times each class is graded, alternately")
    ap.add_argument("--broken-share", type=float, default=0.5, help="broken: share of broken notebooks")
    ap.add_argument("--jobs", type=int, default=None)
    args = ap.parse_args()
    args.students = args.students or (40 if args.mode == "hostile" else 500)
    (hostile if args.mode == "hostile" else broken)(args)


if __name__ == "__main__":
    main()
