"""How long honest submissions keep their workers busy, beside each assignment's time limits.

    python benchmarks/bench_budget.py [ASSIGNMENT ...] [--rounds 2]

The honest submissions of an assignment are the reference, every mutant (one common mistake each) and every
alternative correct implementation, each graded as ``dlgrader grade`` does (every check under hypothesis, no
replay: the slowest way a submission is graded). What is timed is what each limit counts: the whole
submission, from its first worker being ready to its last check (``submission_budget``); its slowest call
(``call_timeout``) and the most CPU a call used (``call_cpu``); its notebook's load (``load_timeout``). Rounds go through the assignments in turn, so a
slow minute of the machine falls on all of them. It prints, per assignment, the median, p95 and maximum of
each, and each limit as a multiple of its p95 (at least 3, so that load never changes an honest grade).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from dlgrader.grading.runner import grade_program
from dlgrader.material.notebook import program_from_cells, read_cell_file
from dlgrader.material.paths import find_material
from dlgrader.sandbox.budget import Budget
from dlgrader.sandbox.cpu import cpu_seconds
from dlgrader.sandbox.probe import detect
from dlgrader.sandbox.session import WorkerSession

_slowest: dict[str, float] = {}  # "load", "call", "cpu": the slowest of the submission being graded


def _timing(request):
    def timed_request(self, msg, timeout, during, label=None, cpu_limit=None):
        pid = self._worker_pid()
        t0, c0 = time.monotonic(), cpu_seconds(pid) if pid else None
        try:
            return request(self, msg, timeout, during, label, cpu_limit)
        finally:
            kind = "load" if msg.get("op") == "load" else "call"
            _slowest[kind] = max(_slowest.get(kind, 0.0), time.monotonic() - t0)
            c1 = cpu_seconds(pid) if pid else None
            if kind == "call" and c0 is not None and c1 is not None:
                _slowest["cpu"] = max(_slowest.get("cpu", 0.0), c1 - c0)
    return timed_request


WorkerSession.request = _timing(WorkerSession.request)  # a benchmark's own instrument, never the engine's


def honest(material, aid: str) -> dict[str, dict[str, str]]:
    """name -> solution cells: the reference, each mutant laid over it, each alternative."""
    reference = read_cell_file(material.solution_path(aid))
    cells = {"reference": reference}
    for path in sorted(material.mutants_dir(aid).glob("*.py")):
        cells[f"mutant {path.stem}"] = reference | read_cell_file(path)
    for path in sorted((material.root / "tests" / "alternatives" / aid).glob("*.py")):
        cells[f"alternative {path.stem}"] = read_cell_file(path)
    return cells


def timed(material, aid: str, cells: dict[str, str], sandbox) -> tuple[float, float, float, float]:
    """Seconds from the first worker's "ready" to the end of grading (what submission_budget counts), of the
    slowest call, of the most CPU a call used, and of the load."""
    assignment = material.assignment(aid)
    program = program_from_cells(cells, assignment.notebook_path)
    _slowest.clear()
    with Budget(None) as clock:  # no limit: measured only
        grade_program(assignment, program, material=material, sandbox=sandbox, student="reference", budget=clock)
        return (time.monotonic() - clock.started, _slowest.get("call", 0.0), _slowest.get("cpu", 0.0),
                _slowest.get("load", 0.0))


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("assignments", nargs="*")
    ap.add_argument("--rounds", type=int, default=1, help="times each submission is graded (in turns)")
    args = ap.parse_args()
    material = find_material(None)
    aids = args.assignments or [a for a in material.assignment_ids() if material.solution_path(a).is_file()]
    sandbox = detect()
    population = {aid: honest(material, aid) for aid in aids}
    for aid in aids:  # each assignment's pytest session and fork server start before anything is timed
        timed(material, aid, population[aid]["reference"], sandbox)
    seconds: dict[str, list[tuple[float, float, float, float]]] = {aid: [] for aid in aids}
    for r in range(args.rounds):
        for aid in aids:
            seconds[aid] += [timed(material, aid, cells, sandbox) for cells in population[aid].values()]
            print(f"round {r + 1}: {aid} done", file=sys.stderr)
    print(f"{'':29} {'whole submission':^34} {'slowest call':^18} {'CPU of a call':^18} {'load':^18}")
    print(f"{'assignment':24} {'n':>4} {'median':>6} {'p95':>6} {'max':>6} {'budget':>6} {'×p95':>5}"
          + f" {'p95':>5} {'max':>5} {'limit':>5}" * 3)
    for aid in aids:
        a = material.assignment(aid)
        whole, call, cpu, load = (list(x) for x in zip(*seconds[aid]))
        row = f"{aid:24} {len(whole):4} {statistics.median(whole):6.2f} {p95(whole):6.2f} {max(whole):6.2f} "
        row += f"{a.submission_budget:6.1f} {a.submission_budget / p95(whole):5.1f}"
        for values, limit in ((call, a.call_timeout), (cpu, a.call_cpu), (load, a.load_timeout)):
            row += f" {p95(values):5.2f} {max(values):5.2f} {limit:5.1f}"
        print(row)


if __name__ == "__main__":
    main()
