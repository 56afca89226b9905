"""A class of N mixing honest, hostile and broken notebooks, graded in one batch; prints what happened.

    python benchmarks/bench_reliability.py --students 500

Honest submissions are copies of the demo class of 01 (complete, partial,
wrong, a hostile one that monkeypatches numpy, one that hunts for the
reference on disk); broken ones are every kind of tests/broken_corpus.py in
turn. It prints the batch time, that every broken file got a one-line
reason, that every honest student got the score its notebook gets when graded
alone, and that no file of the course material changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from broken_corpus import KINDS, write_kind  # noqa: E402


EXAMPLES = REPO / "examples" / "01_perceptron"
HONEST = ["ana_perez", "bruno_gonzalez", "camila_rojas", "sofia_ramirez", "diego_fernandez", "hector_silva",
          "mateo_castro", "gabriela_munoz", "isabel_torres", "karina_vega"]


def material_hashes() -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in ("solutions", "graders", "assignments", "src") for p in (REPO / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


def main() -> None:
    # imported here, not at the top: the grading processes re-import this script, and must not import
    # nbgrader through dlgrader.grading.batch (a lean grading process, see grading/task.py)
    from dlgrader.api import grade_file
    from dlgrader.grading.batch import autograde

    ap = argparse.ArgumentParser()
    ap.add_argument("--students", type=int, default=500)
    ap.add_argument("--broken-share", type=float, default=0.5, help="share of broken notebooks (default 0.5)")
    ap.add_argument("--jobs", type=int, default=None)
    args = ap.parse_args()
    before = material_hashes()
    alone = {sid: grade_file("01_perceptron", EXAMPLES / f"{sid}.ipynb", root=REPO).score for sid in HONEST}
    good = json.loads((EXAMPLES / "ana_perez.ipynb").read_text(encoding="utf-8"))
    course = Path(tempfile.mkdtemp(prefix="dlgrader-bench-")) / "curso"
    kinds, honest = list(KINDS), {}
    n_broken = int(args.students * args.broken_share)
    for i in range(args.students):
        target = course / "submitted" / f"e{i:04d}" / "01_perceptron" / "01_perceptron.ipynb"
        if i < n_broken:
            write_kind(kinds[i % len(kinds)], good, target)
        else:
            target.parent.mkdir(parents=True)
            honest[f"e{i:04d}"] = HONEST[i % len(HONEST)]
            shutil.copyfile(EXAMPLES / f"{honest[f'e{i:04d}']}.ipynb", target)
    t0 = time.perf_counter()
    report = autograde("01_perceptron", course, root=REPO, jobs=args.jobs)
    seconds = time.perf_counter() - t0
    got = {r.student: r for r in report.results}
    moved = [sid for sid, ex in honest.items() if got[sid].score != alone[ex]]
    silent = [sid for sid, r in got.items() if sid not in honest and r.score == 0 and not r.problems]
    print(f"students: {args.students} ({n_broken} broken in {len(kinds)} kinds, {len(honest)} honest or hostile)")
    print(f"batch: {seconds:.1f} s, {60 * len(got) / seconds:.0f} per minute, internal failures: {len(report.failures)}")
    print(f"graded: {len(got)}; broken with zero and no reason: {len(silent)}")
    print(f"honest students whose score differs from grading alone: {len(moved)} {moved[:5]}")
    print(f"course material files changed: {sum(before[k] != v for k, v in material_hashes().items())}")
    shutil.rmtree(course.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
