"""A student's check runs on any OS: a plain worker and a thread on its pipe (sandbox/portable.py), with the
verdicts and feedback of the sandboxed worker, and nothing Windows lacks.

Windows is stood in for by tests/windows_standin/sitecustomize.py, which takes fork, process groups, poll,
fcntl and resource out of every interpreter started with it on PYTHONPATH (the worker inherits it).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from dlgrader import api
from dlgrader.api import grade_file
from dlgrader.sandbox.faults import WorkerGone
from dlgrader.sandbox.portable import PORTABLE, PortableSession
from dlgrader.sandbox.probe import _Cell
from dlgrader.sandbox.session import WorkerSession

STANDIN = Path(__file__).parent / "windows_standin"
EXAMPLES = REPO / "examples"
# Beyond all of 01's demo class (a time-out, a syntax error, broken JSON, a renamed function, an object whose
# __eq__ lies, numpy monkeypatched in the worker), two partly right notebooks of each other assignment.
OTHERS = {"02_activaciones": ["isabel_torres", "camila_rojas"],
          "03_backprop": ["sofia_ramirez", "camila_rojas"],
          "04_descenso_gradiente": ["gabriela_munoz", "camila_rojas"],
          "05_optimizadores": ["camila_rojas", "felipe_soto"],
          "06_convolucion": ["hector_silva", "karina_vega"],
          "07_regularizacion": ["camila_rojas", "sofia_ramirez"],
          "09_prueba_unidad1": ["elena_martinez", "isabel_torres"]}


def _hunting_the_disk(assignment_id: str) -> set[str]:
    """Hostile examples that look for the reference on disk: they score wherever it lies unhidden (this
    checkout), never on a student's machine, whose own code is all the portable path runs."""
    text = (EXAMPLES / assignment_id / "students.py").read_text(encoding="utf-8")
    return {m.group(1) for m in re.finditer(r'Submission\("(\w+)",((?:(?!Submission\().)*)', text, re.S)
            if "hostile" in m.group(2) and "disk" in m.group(2)}


def _notebooks() -> list[tuple[str, str]]:
    aid = "01_perceptron"
    ones = [(aid, p.stem) for p in sorted((EXAMPLES / aid).glob("*.ipynb")) if p.stem not in _hunting_the_disk(aid)]
    return ones + [(aid, name) for aid, names in OTHERS.items() for name in names]


def _verdicts(result) -> dict:
    return {"checks": [(c.id, c.passed, c.points, c.feedback("es"), c.feedback("en")) for c in result.checks],
            "problems": [(p.es, p.en) for p in result.problems]}


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    """The public material as students get it (no solutions/ or graders/ anywhere near)."""
    return api.release(tmp_path_factory.mktemp("student") / "bundle", root=REPO)


def test_the_hunting_examples_are_found():
    assert _hunting_the_disk("01_perceptron") == {"mateo_castro"}
    assert "mateo_castro" not in {name for _, name in _notebooks()}


@pytest.mark.parametrize("assignment_id, example", _notebooks())
def test_portable_and_sandboxed_give_the_same_verdicts_and_feedback(sandbox, bundle, assignment_id, example):
    path = EXAMPLES / assignment_id / f"{example}.ipynb"
    portable = grade_file(assignment_id, path, root=bundle, public_only=True, sandbox=PORTABLE)
    sandboxed = grade_file(assignment_id, path, root=bundle, public_only=True, sandbox=sandbox)
    assert _verdicts(portable) == _verdicts(sandboxed)


def test_the_student_check_runs_in_the_portable_worker(monkeypatch):
    """api.check never starts the sandbox (nor probes for it): a student's laptop has none of it."""
    import dlgrader.grading.runner as runner
    from dlgrader.sandbox import probe

    made = []
    original = runner.session_class
    monkeypatch.setattr(runner, "session_class", lambda sb: made.append(sb.mode) or original(sb))
    monkeypatch.setattr(probe, "detect", lambda: pytest.fail("a student's check probed for the sandbox"))
    result = api.check("01_perceptron", EXAMPLES / "01_perceptron" / "ana_perez.ipynb", root=REPO)
    assert result.score == result.max_score == 7 and set(made) == {"portable"}


# ---------------------------------------------------------------- the session itself, as the sandboxed one


CELLS = [_Cell("c", "import os\ndef bucle():\n    while True:\n        pass\n"
                   "def salir():\n    os._exit(3)\ndef doble(x):\n    return 2 * x\n")]


@pytest.mark.parametrize("fn", ["bucle", "salir"])
def test_a_hang_or_a_crash_is_the_same_fault_in_both_sessions(sandbox, fn):
    texts = []
    for session in (PortableSession(PORTABLE, hidden=[], preimport=["numpy"], memory_mb=512, call_timeout=1,
                                    load_timeout=20),
                    WorkerSession(sandbox, hidden=[], preimport=["numpy"], memory_mb=512, call_timeout=1,
                                  load_timeout=20)):
        with session:
            session.start()
            session.load(CELLS)
            assert session.call("doble", (21,), {}) == 42
            with pytest.raises(WorkerGone) as gone:
                session.call(fn, (), {})
            texts.append((gone.value.text, gone.value.timed_out))
            assert session.proc is None  # closed: killed and reaped
    assert texts[0] == texts[1] and texts[0][1] is (fn == "bucle")


# ---------------------------------------------------------------- without what Windows lacks


def _standin_env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NBGRADER_", "DLGRADER_ROOT", "JPY_"))}
    return env | {"PYTHONPATH": str(STANDIN)}


def probing_notebook(folder: Path) -> Path:
    """01's reference-like example whose escalon cell first asserts, in the worker, that Windows' gaps are there:
    it scores 7/7 only where the worker ran without fork, poll, killpg, fcntl and resource."""
    nb = json.loads((EXAMPLES / "01_perceptron" / "ana_perez.ipynb").read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "escalon")
    probe = ("import os, select, importlib.util\n"
             "assert not any(hasattr(os, n) for n in ('fork', 'killpg')) and not hasattr(select, 'poll')\n"
             "for _m in ('fcntl', 'resource'):\n"
             "    try:\n        __import__(_m)\n        raise AssertionError(_m)\n    except ImportError:\n        pass\n")
    cell["source"] = probe + "".join(cell["source"])
    path = folder / "01_perceptron-Copy1.ipynb"
    path.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    return path


def test_dlgrader_check_without_fork_poll_killpg_fcntl_resource(tmp_path):
    notebook = probing_notebook(tmp_path)
    argv = [sys.executable, "-m", "dlgrader", "check", "01_perceptron", "--notebook", str(notebook), "--lang", "en"]
    done = subprocess.run(argv, cwd=tmp_path, env=_standin_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith(f"Notebook checked: {notebook} (saved ")
    assert "Score: 7/7" in done.stdout
    # the same notebook with those facilities present: the probe in its escalon cell fails, so the test can
    plain = subprocess.run(argv, cwd=tmp_path, env=_standin_env() | {"PYTHONPATH": ""}, capture_output=True,
                           text=True, timeout=300)
    assert plain.returncode == 1 and "Score: 0/7" in plain.stdout and "AssertionError" in plain.stdout, plain.stdout


def test_the_sandboxed_session_would_not_run_there(tmp_path):
    """What the stand-in proves: the old path (poll, process groups) stops there as on Windows."""
    code = ("from dlgrader.api import grade_file\nfrom dlgrader.sandbox.isolation import Sandbox\n"
            f"grade_file('01_perceptron', {str(EXAMPLES / '01_perceptron' / 'ana_perez.ipynb')!r}, "
            "public_only=True, sandbox=Sandbox('plain', False, False))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=_standin_env(), capture_output=True, text=True,
                          timeout=300)
    missing = re.search(r"has no attribute '(poll|killpg)'", done.stderr)
    assert done.returncode != 0 and missing, done.stderr[-2000:]


# ---------------------------------------------------------------- callbacks (grading/callbacks.py)


def test_a_callback_crosses_both_transports(sandbox):
    """Both sessions answer a stub's frame before the reply: a student's check could use callbacks too."""
    from dlgrader.grading.callbacks import ReferenceCalls

    cells = [_Cell("c", "def usa(n):\n    return base(n) + 1\n")]
    for session in (PortableSession(PORTABLE, hidden=[], preimport=["numpy"], memory_mb=512, call_timeout=5,
                                    load_timeout=20),
                    WorkerSession(sandbox, hidden=[], preimport=["numpy"], memory_mb=512, call_timeout=5,
                                  load_timeout=20)):
        answers = ReferenceCalls({"base": lambda n: 3 * n}, frozenset(), lambda: None)
        with session:
            session.start()
            session.load(cells)
            session.bind(["base"], answers)
            answers.begin(["base"])
            assert session.call("usa", (4,), {}) == 13 and answers.used == {"base": 1}


def test_a_student_s_own_check_uses_their_own_functions_and_says_so():
    """The reference never ships, so a public check on the student's machine runs their own propagar_adelante;
    the check it fails says grading would run it again with the course's (propagar fails its own checks)."""
    from dlgrader.grading.runner import grade_program
    from dlgrader.material.notebook import program_from_cells, read_cell_file
    from dlgrader.material.paths import find_material

    material = find_material(REPO)
    a = material.assignment("03_backprop")
    mutant = read_cell_file(material.mutants_dir(a.id) / "propagar_sin_sigmoide_oculta.py")
    program = program_from_cells(read_cell_file(material.solution_path(a.id)) | mutant, a.notebook_path)
    r = grade_program(a, program, material=material, sandbox=PORTABLE, include_hidden=False)
    by_id = {c.id: c for c in r.checks}
    assert not by_id["perdida_curso"].passed  # their own propagar_adelante, as the notebook runs it
    es, en = by_id["perdida_curso"].feedback("es"), by_id["perdida_curso"].feedback("en")
    assert "usa tu propia propagar_adelante(), que no pasa" in es and "your own propagar_adelante(), which fails" in en
    assert "propias" not in by_id["propagar_curso"].feedback("es")  # its sigmoide passes its own checks
    assert not by_id["entrenar_xor_curso"].passed and "propias" not in by_id["entrenar_xor_curso"].feedback("es")
