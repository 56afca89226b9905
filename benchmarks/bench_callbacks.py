"""One mistake, one loss (issue 24): each demo notebook graded with callbacks and without.

    python benchmarks/bench_callbacks.py                       # 03 and 04's demo classes, and the measured mutants
    python benchmarks/bench_callbacks.py --assignment 03_backprop --assignment 06_convolucion

Without callbacks (``DLGRADER_CALLBACKS=0``) every check calls the student's own functions, as before issue 24;
with them, another task's plain function is the reference's (grading/callbacks.py). Prints each submission's
score both ways, the checks it lost, the grading seconds both ways, and how many calls the broker answered.
The measured cases beside the demo notebooks: 03's propagar_adelante without the hidden sigmoid, and 04's
loop-written notebook (bruno_gonzalez, whose indices_lotes calls iteraciones_por_epoca) with a floor instead
of a ceiling, the issue's two examples.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "examples"))

from dlgrader.grading import callbacks, runner  # noqa: E402
from dlgrader.material.notebook import program_from_cells, program_from_notebook, read_cell_file  # noqa: E402
from dlgrader.material.paths import find_material  # noqa: E402
from dlgrader.sandbox.probe import detect  # noqa: E402

FLOOR = "def iteraciones_por_epoca(N, tam_lote):\n    return N // tam_lote\n"


def cases(material, aid: str) -> dict:
    a = material.assignment(aid)
    out = {p.stem: program_from_notebook(p, a.notebook_path) for p in sorted((REPO / "examples" / aid).glob("*.ipynb"))}
    ref = read_cell_file(material.solution_path(aid))
    if aid == "03_backprop":
        mutant = read_cell_file(material.mutants_dir(aid) / "propagar_sin_sigmoide_oculta.py")
        out["mutant propagar_sin_sigmoide_oculta"] = program_from_cells(ref | mutant, a.notebook_path)
    if aid == "04_descenso_gradiente":
        from importlib import import_module

        sys.path.insert(0, str(REPO / "examples" / aid))
        students = import_module("students")  # the demo class's cells (it imports examples/make_examples.py)
        out["bruno_gonzalez + floor"] = program_from_cells(students.P04_LOOPS | {"iteraciones_por_epoca": FLOOR},
                                                           a.notebook_path)
        sys.path.pop(0)
        sys.modules.pop("students", None)
    return out


def grade(a, program, material, sandbox, on: bool):
    os.environ["DLGRADER_CALLBACKS"] = "1" if on else "0"
    answered = Counter()
    original = callbacks.ReferenceCalls.begin

    def begin(self, names):
        answered.update(self.used)
        return original(self, names)

    closing = callbacks.ReferenceCalls.close

    def close(self):
        answered.update(self.used)  # the last check's
        self.used.clear()
        return closing(self)

    callbacks.ReferenceCalls.begin, callbacks.ReferenceCalls.close = begin, close
    try:
        t0 = time.perf_counter()
        r = runner.grade_program(a, program, material=material, sandbox=sandbox)
        return r, time.perf_counter() - t0, sum(answered.values())
    finally:
        callbacks.ReferenceCalls.begin, callbacks.ReferenceCalls.close = original, closing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assignment", action="append",
                        choices=["01_perceptron", "02_activaciones", "03_backprop", "04_descenso_gradiente", "06_convolucion",
                                 "08_crispdm"])
    args = parser.parse_args()
    runner.SHRINK_SECONDS = 0.05  # only a counterexample's size depends on it
    material, sandbox = find_material(REPO), detect()
    for aid in args.assignment or ["03_backprop", "04_descenso_gradiente"]:
        a = material.assignment(aid)
        print(f"\n{aid} ({a.auto_points:g} points)   without callbacks | with callbacks   lost with callbacks")
        total = [0.0, 0.0]
        for name, program in cases(material, aid).items():
            off, t_off, _ = grade(a, program, material, sandbox, False)
            on, t_on, calls = grade(a, program, material, sandbox, True)
            total[0] += t_off
            total[1] += t_on
            lost = ", ".join(c.id for c in on.checks if not c.passed)
            print(f"  {name:36} {off.score:5g} {t_off:6.1f}s | {on.score:5g} {t_on:6.1f}s {calls:6d} calls   {lost}")
        print(f"  total grading time: {total[0]:.1f}s without callbacks, {total[1]:.1f}s with")


if __name__ == "__main__":
    main()
