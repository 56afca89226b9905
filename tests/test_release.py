"""``dlgrader release`` ships the public material only: no hidden file, no reference code."""

from __future__ import annotations

import hashlib
import re

import pytest

from conftest import REPO
from dlgrader.cli import main
from dlgrader.material.notebook import read_cell_file
from dlgrader.material.paths import find_material
from dlgrader.material.release import leaks


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    out = tmp_path_factory.mktemp("release") / "bundle"
    assert main(["--root", str(REPO), "release", "--out", str(out)]) == 0
    return out


def test_no_file_from_solutions_or_graders(bundle):
    hidden = [p for d in ("solutions", "graders") for p in (REPO / d).rglob("*") if p.is_file()]
    assert hidden, "the checkout has hidden material to protect"
    hidden_hashes = {_sha(p) for p in hidden}
    shipped = [p for p in bundle.rglob("*") if p.is_file()]
    assert not [p for p in shipped if _sha(p) in hidden_hashes]
    assert not [p for p in shipped if {"solutions", "graders", "mutants", "tests", "examples"} & set(p.relative_to(bundle).parts)]


def test_no_reference_function_body(bundle):
    texts = {p: _squash(p.read_text(encoding="utf-8", errors="replace")) for p in bundle.rglob("*") if p.is_file()}
    for solution in sorted((REPO / "solutions").glob("*/solution.py")):
        for cell, source in read_cell_file(solution).items():
            body = source.split("\n", 1)[1] if source.startswith("def ") else source
            lines = [ln for ln in body.splitlines() if ln.strip() and not ln.strip().startswith(("#", '"""'))]
            assert lines, cell
            squashed = _squash("\n".join(lines))
            assert not [p for p, t in texts.items() if squashed in t], f"the body of {cell} was shipped"


def test_bundle_has_every_notebook_and_the_engine(bundle):
    for aid in find_material(REPO).assignment_ids():
        assert (bundle / "assignments" / aid / f"{aid}.ipynb").is_file()
    engine = bundle / "src" / "dlgrader"
    assert (engine / "sandbox" / "worker.py").is_file() and (engine / "grading" / "pytest_grading.ini").is_file()
    assert not list(engine.rglob("__pycache__"))


def test_leak_scanner_finds_a_planted_reference_body(bundle, tmp_path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(bundle, copy)
    solution = (REPO / "solutions" / "01_perceptron" / "solution.py").read_text(encoding="utf-8")
    (copy / "assignments" / "apuntes.py").write_text(solution, encoding="utf-8")
    assert leaks(copy, find_material(REPO)) == ["assignments/apuntes.py"]
    assert leaks(bundle, find_material(REPO)) == []


def test_release_refuses_a_non_empty_folder(bundle, capsys):
    assert main(["--root", str(REPO), "release", "--out", str(bundle)]) == 2
    assert "no está vacía" in capsys.readouterr().err


def test_student_check_works_in_the_bundle_with_public_checks_only(bundle, capsys):
    nb = bundle / "assignments" / "01_perceptron" / "01_perceptron.ipynb"
    assert main(["--root", str(bundle), "check", "01_perceptron", "--notebook", str(nb)]) == 1
    out = capsys.readouterr().out
    assert "✗" in out and "verificaciones ocultas" in out and "(oculta)" not in out
