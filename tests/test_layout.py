"""The package's layout keeps its promises: no import cycle, the sandbox imports nothing of the grading side,
the arrows run one way (cli -> api -> (grading -> sandbox) | course | lms | reports), no module too long to read.

The import graph is read from the source with ``ast``: every import of a dlgrader module, at the top of a module
or inside a function, relative or absolute. A package's ``__init__`` counts only for what it imports itself.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import dlgrader

SRC = Path(dlgrader.__file__).resolve().parent
MAX_LINES = 350

# Which parts of dlgrader each part may import, one line per package or top-level module (besides itself).
# errors, text and results are plain shared data, usable from anywhere; material (the course material) from
# everything that grades, records or reports.
SHARED = {"errors", "text"}
ALLOWED = {
    "text": set(),
    "errors": {"text"},
    "results": {"text"},
    "sandbox": SHARED,                                               # the untrusted side and its wire
    "material": SHARED,
    "content": SHARED,                                               # what notebooks import
    "course": SHARED | {"results", "material"},
    "grading": SHARED | {"results", "material", "sandbox", "course"},  # course: autograde records what it grades
    "lms": SHARED | {"results", "material", "course"},
    "reports": SHARED | {"results", "material", "course"},
    "api": SHARED | {"results", "material", "sandbox", "grading", "course", "lms", "reports", "demo"},
    "demo": SHARED | {"results", "material", "sandbox", "grading", "course", "lms", "reports"},
    "student": SHARED | {"results", "material", "api", "reports"},  # a notebook's check and grade cells
    "nbgrader_autograde": SHARED | {"results", "material", "sandbox", "course", "api"},  # nbgrader's autograde
    "cli": SHARED | {"results", "api", "reports"},                     # parse, call the API, render
    "__main__": {"cli"},
    "__init__": {"student"},                                         # dlgrader.check()
}
SANDBOX_NEVER = {"grading", "material", "course", "lms", "reports", "content", "student", "api", "cli", "demo"}


def _name(path: Path, src: Path) -> str:
    parts = ["dlgrader", *path.relative_to(src).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules(src: Path) -> dict[str, Path]:
    """Every module of the package; ``templates/`` holds files ``dlgrader new`` copies out, not modules."""
    return {_name(p, src): p for p in sorted(src.rglob("*.py")) if "templates" not in p.relative_to(src).parts}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Every dlgrader module ``name`` imports: ``from p import x`` names p.x when x is a module, else p."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[:len(package.split(".")) - (node.level - 1)]
                base = ".".join(up + ([node.module] if node.module else []))
            found |= {f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names}
    return {m for m in found if m in known and m != name}


def graph(src: Path = SRC) -> dict[str, set[str]]:
    modules = _modules(src)
    return {name: _imports(name, path, set(modules)) for name, path in modules.items()}


def part(module: str) -> str:
    """The row of ALLOWED a module belongs to: its subpackage, or itself at the top level."""
    parts = module.split(".")
    return "__init__" if len(parts) == 1 else parts[1]


def cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the modules along it, or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = "open"
        stack.append(m)
        for n in sorted(edges[m]):
            if state.get(n) == "open":
                return stack[stack.index(n):] + [n]
            if n not in state and (found := visit(n)):
                return found
        state[m] = "done"
        stack.pop()
        return None

    for m in sorted(edges):
        if m not in state and (found := visit(m)):
            return found
    return None


def forbidden(edges: dict[str, set[str]]) -> list[str]:
    """Every import that crosses an arrow the wrong way (or to a part ALLOWED does not know)."""
    out = []
    for m, targets in sorted(edges.items()):
        for t in sorted(targets):
            if part(t) != part(m) and part(t) not in ALLOWED.get(part(m), set()):
                out.append(f"{m} -> {t}")
    return out


def too_long(src: Path = SRC) -> list[str]:
    return [f"{p.relative_to(src)}: {n} lines" for p in sorted(src.rglob("*.py"))
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES]


# ------------------------------------------------------------------ the package as it is


def test_no_import_cycle():
    found = cycle(graph())
    assert found is None, " -> ".join(found)


def test_the_sandbox_imports_nothing_of_the_grading_side():
    """The worker runs this package inside the sandbox: nothing it imports may reach graders or the gradebook."""
    edges = graph()
    crossing = [f"{m} -> {t}" for m, ts in edges.items() if part(m) == "sandbox" for t in ts
                if part(t) in SANDBOX_NEVER]
    assert crossing == []
    assert edges["dlgrader.sandbox"] == set()  # ``python -m dlgrader.sandbox.worker`` loads only what it needs


def test_the_arrows_run_one_way():
    assert forbidden(graph()) == []


def test_every_part_of_the_package_has_a_row_in_the_table():
    assert {part(m) for m in graph()} <= set(ALLOWED)


def test_no_module_is_too_long_to_read_at_once():
    assert too_long() == []


def test_the_package_docstring_names_every_part():
    """dlgrader's docstring is the map of the layout: each subpackage (``name/``) and top-level module
    (``name.py``) appears in it."""
    names = {p.name + "/" for p in SRC.iterdir() if (p / "__init__.py").is_file()}
    names |= {p.name for p in SRC.glob("*.py") if p.name != "__init__.py"}
    assert sorted(n for n in names if n not in dlgrader.__doc__) == []


def _language_switches(src: Path = SRC) -> list[str]:
    """``x if es else y`` and ``x if lang == "es" else y``: what ``Text(es, en)(lang)`` says in one idiom."""
    def switches(test) -> bool:
        if isinstance(test, ast.UnaryOp):
            test = test.operand
        if isinstance(test, ast.Compare):
            test = test.left
        return isinstance(test, ast.Name) and test.id in ("es", "en", "lang", "idioma")

    return [f"{p.relative_to(src)}:{node.lineno}" for p in sorted(src.rglob("*.py")) if p.name != "text.py"
            for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
            if isinstance(node, ast.IfExp) and switches(node.test)]


def test_one_bilingual_idiom():
    """Every sentence in both languages is a Text(es, en), chosen by its call; text.py alone picks."""
    assert _language_switches() == []


# ------------------------------------------------------------------ each check can fail


def test_a_language_switch_is_found(tmp_path):
    src = _copy(tmp_path)
    _add_line(src / "cli.py", 'def _late(lang):\n    return "sí" if lang == "es" else "yes"')
    assert _language_switches(src) == [f"cli.py:{len((src / 'cli.py').read_text().splitlines())}"]


def _copy(tmp_path: Path) -> Path:
    import shutil

    copy = tmp_path / "dlgrader"
    shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _add_line(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")


@pytest.mark.parametrize("where, line", [
    ("sandbox/codec.py", "    from ..grading import runner"),            # inside a function, relative
    ("material/paths.py", "from dlgrader.course import gradebook"),       # absolute
])
def test_a_bad_import_is_found(tmp_path, where, line):
    src = _copy(tmp_path)
    _add_line(src / where, "def _late():\n" + line if line.startswith(" ") else line)
    edges = graph(src)
    assert forbidden(edges), "the bad import went unnoticed"
    if where.startswith("sandbox"):
        assert any(part(t) in SANDBOX_NEVER for m, ts in edges.items() if part(m) == "sandbox" for t in ts)


def test_a_cycle_is_found(tmp_path):
    src = _copy(tmp_path)
    _add_line(src / "errors.py", "def _late():\n    from . import results")
    _add_line(src / "results.py", "from .errors import DlgraderError")
    assert cycle(graph(src)) is not None


def test_a_long_module_is_found(tmp_path):
    src = _copy(tmp_path)
    _add_line(src / "text.py", "\n" * MAX_LINES)
    assert too_long(src) == [f"text.py: {len((src / 'text.py').read_text().splitlines())} lines"]


def test_a_student_s_check_imports_nothing_of_the_instructor_s_side():
    """The check cell, the grade cells and ``dlgrader check`` load no gradebook stack (nbgrader, SQLAlchemy,
    nbformat, yaml: the students' wheel does not even require them), no torch and no plotting: a student's check
    stays quick (the README's timing)."""
    import subprocess
    import sys

    code = ("import sys, dlgrader.cli, dlgrader.student.check, dlgrader.student.grade_cells\n"
            "print(sorted(m for m in ('nbgrader', 'sqlalchemy', 'nbformat', 'yaml', 'torch', 'matplotlib', 'tqdm')\n"
            "             if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
