"""``dlgrader release`` ships the public material only, in a folder and in a wheel pip installs: no hidden
file, no reference code, nothing a student's machine cannot install."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import zipfile

import pytest
from packaging.requirements import Requirement

from conftest import REPO
from dlgrader.cli import main
from dlgrader.material.notebook import read_cell_file
from dlgrader.material.paths import find_material
from dlgrader.material.release import leaks, student_readme

WHEEL = "dlgrader-0.1.0-py3-none-any.whl"
MATERIAL = "dlgrader/course_material/assignments"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _shipped(bundle) -> dict[str, bytes]:
    """Every file of the bundle, and every member of its wheel as ``WHEEL/member``."""
    files = {}
    for path in sorted(p for p in bundle.rglob("*") if p.is_file()):
        rel = str(path.relative_to(bundle))
        files[rel] = path.read_bytes()
        if path.suffix == ".whl":
            with zipfile.ZipFile(path) as wheel:
                files |= {f"{rel}/{m}": wheel.read(m) for m in wheel.namelist()}
    return files


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    out = tmp_path_factory.mktemp("release") / "bundle"
    assert main(["--root", str(REPO), "release", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def wheel(bundle):
    with zipfile.ZipFile(bundle / WHEEL) as w:
        yield w


def test_no_file_from_solutions_or_graders(bundle):
    hidden = [p for d in ("solutions", "graders") for p in (REPO / d).rglob("*") if p.is_file()]
    assert hidden, "the checkout has hidden material to protect"
    hidden_hashes = {_sha(p.read_bytes()) for p in hidden}
    shipped = _shipped(bundle)
    assert any(name.startswith(f"{WHEEL}/{MATERIAL}/") for name in shipped), "the wheel's members are scanned"
    assert not [n for n, data in shipped.items() if _sha(data) in hidden_hashes]
    assert not [n for n in shipped if {"solutions", "graders", "mutants", "tests", "examples"} & set(re.split("/", n))]


def test_no_reference_function_body(bundle):
    texts = {n: _squash(data.decode("utf-8", errors="replace")) for n, data in _shipped(bundle).items()}
    for solution in sorted((REPO / "solutions").glob("*/solution.py")):
        for cell, source in read_cell_file(solution).items():
            body = source.split("\n", 1)[1] if source.startswith("def ") else source
            lines = [ln for ln in body.splitlines() if ln.strip() and not ln.strip().startswith(("#", '"""'))]
            assert lines, cell
            squashed = _squash("\n".join(lines))
            assert not [n for n, t in texts.items() if squashed in t], f"the body of {cell} was shipped"


def test_bundle_has_every_notebook_and_a_wheel_with_the_engine_and_the_public_material(bundle, wheel):
    names = set(wheel.namelist())
    assert {"dlgrader/sandbox/worker.py", "dlgrader/sandbox/portable.py", "dlgrader/grading/pytest_grading.ini",
            "dlgrader/cli.py"} <= names
    for aid in find_material(REPO).assignment_ids():
        assert (bundle / "assignments" / aid / f"{aid}.ipynb").is_file()
        for name in (f"{aid}.ipynb", f"{aid}.en.ipynb", "assignment.toml", "public_checks.py"):
            assert f"{MATERIAL}/{aid}/{name}" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    assert not [n for n in names if n.startswith("dlgrader/material/templates/")]  # dlgrader new's scaffold
    assert sorted(p.name for p in bundle.iterdir()) == ["README.md", "assignments", WHEEL]


def test_the_wheel_is_pure_python_and_installs_what_students_have(wheel):
    """py3-none-any (no compiler anywhere); no instructor's package (nbgrader would replace Colab's Jupyter);
    torch only as an extra whose range this machine's pinned build, Colab's and older installs satisfy."""
    info = "dlgrader-0.1.0.dist-info"
    assert "Tag: py3-none-any" in wheel.read(f"{info}/WHEEL").decode()
    assert wheel.read(f"{info}/entry_points.txt").decode() == "[console_scripts]\ndlgrader = dlgrader.cli:main\n"
    metadata = wheel.read(f"{info}/METADATA").decode()
    requires = [Requirement(line.split(": ", 1)[1]) for line in metadata.splitlines()
                if line.startswith("Requires-Dist")]
    plain = {r.name for r in requires if r.marker is None}
    assert plain == {"numpy", "pytest", "hypothesis", "tqdm", "matplotlib", "scikit-learn"}
    (torch,) = [r for r in requires if r.marker is not None]
    assert torch.name == "torch" and str(torch.marker) == 'extra == "torch"'
    assert all(torch.specifier.contains(v) for v in ("2.13.0", "2.8.0", "2.1.0"))  # here, Colab, an older laptop


def test_the_wheel_s_record_matches_its_files(wheel):
    """pip checks every file against RECORD: a wrong hash or size would refuse the install."""
    info = "dlgrader-0.1.0.dist-info"
    rows = [line.split(",") for line in wheel.read(f"{info}/RECORD").decode().splitlines()]
    assert sorted(r[0] for r in rows) == sorted(wheel.namelist())
    for name, digest, size in rows:
        if name == f"{info}/RECORD":
            assert digest == size == ""
            continue
        data = wheel.read(name)
        assert digest == "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        assert int(size) == len(data)


def test_the_same_material_gives_the_same_wheel(bundle, tmp_path):
    again = tmp_path / "again"
    assert main(["--root", str(REPO), "release", "--out", str(again)]) == 0
    assert (again / WHEEL).read_bytes() == (bundle / WHEEL).read_bytes()


def test_the_bundle_readme_is_the_readme_s_section_for_students(bundle):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shipped = (bundle / "README.md").read_text(encoding="utf-8")
    assert shipped == student_readme(readme)
    section = readme.split("## Para estudiantes", 1)[1].split("\n## ", 1)[0].strip()
    assert section and section in shipped and "For instructors" not in shipped


def test_leak_scanner_finds_a_planted_reference_body(bundle, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(bundle, copy)
    solution = (REPO / "solutions" / "01_perceptron" / "solution.py").read_text(encoding="utf-8")
    (copy / "assignments" / "apuntes.py").write_text(solution, encoding="utf-8")
    assert leaks(copy, find_material(REPO)) == ["assignments/apuntes.py"]
    assert leaks(bundle, find_material(REPO)) == []


@pytest.mark.parametrize("member", [f"{MATERIAL}/01_perceptron/apuntes.py", "dlgrader/graders/notas.txt"])
def test_leak_scanner_looks_inside_the_wheel(bundle, tmp_path, member):
    """A reference body in a wheel member, or a member under a hidden folder's name, is a leak."""
    copy = tmp_path / "copy"
    shutil.copytree(bundle, copy)
    solution = (REPO / "solutions" / "01_perceptron" / "solution.py").read_text(encoding="utf-8")
    with zipfile.ZipFile(copy / WHEEL, "a") as wheel:
        wheel.writestr(member, solution if member.endswith(".py") else "nada")
    assert leaks(copy, find_material(REPO)) == [f"{WHEEL}/{member}"]


def test_release_refuses_a_non_empty_folder(bundle, capsys):
    assert main(["--root", str(REPO), "release", "--out", str(bundle)]) == 2
    assert "no está vacía" in capsys.readouterr().err


def test_student_check_works_in_the_bundle_with_public_checks_only(bundle, capsys):
    nb = bundle / "assignments" / "01_perceptron" / "01_perceptron.ipynb"
    assert main(["--root", str(bundle), "check", "01_perceptron", "--notebook", str(nb)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"Notebook revisado: {nb} (guardado el ")
    assert "✗" in out and "verificaciones ocultas" in out and "(oculta)" not in out
