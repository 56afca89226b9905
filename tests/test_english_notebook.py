"""English twins of the student notebooks (``NN.en.ipynb`` beside ``NN.ipynb``).

A twin may only change the words: the cells, their order, ids and metadata (nbgrader,
dlgrader) and every code statement must be those of the Spanish notebook. Only
comments, docstrings, ``raise NotImplementedError("...")`` messages, the check
cell (which checks the notebook it runs in, in English) and the grade cells (written in
each language by ``dlgrader build`` from the manifest: tests/test_nbgrader_cells.py)
may differ.
"""

from __future__ import annotations

import ast
import copy
import json
import re
from pathlib import Path

import pytest

from dlgrader.material.notebook import is_check_cell, strip_magics

REPO = Path(__file__).resolve().parent.parent
ASSIGNMENTS = REPO / "assignments"
SPANISH_ONLY = re.compile(r"[áéíóúñÁÉÍÓÚÑ¿¡]")


def _pairs() -> list[tuple[Path, Path]]:
    pairs = []
    for folder in sorted(p for p in ASSIGNMENTS.iterdir() if p.is_dir()):
        for es in sorted(folder.glob("*.ipynb")):
            if es.name.endswith(".en.ipynb"):
                continue
            en = es.with_name(es.stem + ".en.ipynb")
            if en.is_file():
                pairs.append((es, en))
    return pairs


PAIRS = [pytest.param(es, en, id=es.parent.name) for es, en in _pairs()]


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


# ---------------------------------------------------------------- comparing code


class _Normalise(ast.NodeTransformer):
    """Drop docstrings and the message of ``raise NotImplementedError(<str>)``."""

    def generic_visit(self, node):
        super().generic_visit(node)
        body = getattr(node, "body", None)
        if (isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                and isinstance(body, list) and body and _is_docstring(body[0])):
            node.body = body[1:]
        return node

    def visit_Raise(self, node):
        self.generic_visit(node)
        exc = node.exc
        if (isinstance(exc, ast.Call) and isinstance(exc.func, ast.Name) and exc.func.id == "NotImplementedError"
                and len(exc.args) == 1 and not exc.keywords
                and isinstance(exc.args[0], ast.Constant) and isinstance(exc.args[0].value, str)):
            exc.args = [ast.Constant("<message>")]
        return node


def _is_docstring(stmt: ast.stmt) -> bool:
    return (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
            and isinstance(stmt.value.value, str))


def normalised_code(source: str) -> str:
    """The code of a cell without comments, docstrings or NotImplementedError messages."""
    tree = ast.parse(strip_magics(source))
    return ast.dump(_Normalise().visit(tree))


def _built(cell: dict) -> bool:
    """A grade cell that is not a solution: its code is written by dlgrader build, in the notebook's language."""
    meta = cell["metadata"].get("nbgrader") or {}
    return bool(meta.get("grade")) and not meta.get("solution")


def code_differences(es: dict, en: dict) -> list[str]:
    """Why the code cells of two notebooks differ beyond comments and docstrings (empty: they do not)."""
    es_cells, en_cells = es["cells"], en["cells"]
    if len(es_cells) != len(en_cells):
        return [f"{len(es_cells)} cells in Spanish, {len(en_cells)} in English"]
    problems = []
    for i, (a, b) in enumerate(zip(es_cells, en_cells)):
        if a["cell_type"] != b["cell_type"]:
            problems.append(f"cell {i}: {a['cell_type']} vs {b['cell_type']}")
            continue
        if a["cell_type"] != "code" or is_check_cell(a) or _built(a):
            continue
        try:
            same = normalised_code(_source(a)) == normalised_code(_source(b))
        except SyntaxError as exc:
            problems.append(f"cell {i} ({a.get('id')}): does not parse: {exc}")
            continue
        if not same:
            problems.append(f"cell {i} ({a.get('id')}): the code differs")
    return problems


def _prose(markdown: str) -> str:
    """Markdown without fenced code, code spans or math: what must be English."""
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)
    return re.sub(r"\$[^$]*\$", " ", text)


# ---------------------------------------------------------------- the tests


def test_the_perceptron_has_an_english_notebook():
    assert "01_perceptron" in {es.parent.name for es, _ in _pairs()}


@pytest.mark.parametrize("es_path, en_path", PAIRS)
def test_same_notebook_structure(es_path, en_path):
    es, en = _load(es_path), _load(en_path)
    assert (en["nbformat"], en["nbformat_minor"]) == (es["nbformat"], es["nbformat_minor"])
    assert en["metadata"] == es["metadata"]
    assert len(en["cells"]) == len(es["cells"])
    assert [c["cell_type"] for c in en["cells"]] == [c["cell_type"] for c in es["cells"]]
    assert [c.get("id") for c in en["cells"]] == [c.get("id") for c in es["cells"]]
    for i, (a, b) in enumerate(zip(es["cells"], en["cells"])):
        assert sorted(b) == sorted(a), f"cell {i}: keys differ"
        for key in ("nbgrader", "dlgrader"):
            assert b["metadata"].get(key) == a["metadata"].get(key), f"cell {i}: {key} metadata differs"
        assert b["metadata"] == a["metadata"], f"cell {i}: metadata differs"


@pytest.mark.parametrize("es_path, en_path", PAIRS)
def test_same_code_apart_from_comments_and_docstrings(es_path, en_path):
    assert code_differences(_load(es_path), _load(en_path)) == []


@pytest.mark.parametrize("es_path, en_path", PAIRS)
def test_check_cell_checks_its_own_notebook_in_english(es_path, en_path):
    es, en = _load(es_path), _load(en_path)
    checks = [(a, b) for a, b in zip(es["cells"], en["cells"]) if is_check_cell(a)]
    assert len(checks) == 1 and is_check_cell(checks[0][1])

    def call(cell):
        calls = [n for n in ast.walk(ast.parse(_source(cell))) if isinstance(n, ast.Call)
                 and ast.unparse(n.func) == "dlgrader.check"]
        assert len(calls) == 1, _source(cell)
        return calls[0]

    es_call, en_call = call(checks[0][0]), call(checks[0][1])
    assert [ast.literal_eval(a) for a in en_call.args] == [ast.literal_eval(a) for a in es_call.args]
    keywords = {k.arg: ast.literal_eval(k.value) for k in en_call.keywords}
    assert keywords == {"lang": "en"}  # no notebook=: the cell checks the file it runs in, a renamed copy too


@pytest.mark.parametrize("es_path, en_path", PAIRS)
def test_english_notebook_is_clean_and_written_like_the_spanish_one(es_path, en_path):
    text = en_path.read_text(encoding="utf-8")
    en = json.loads(text)
    assert text == json.dumps(en, ensure_ascii=False, indent=1) + "\n"
    for cell in en["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, cell.get("id")


@pytest.mark.parametrize("es_path, en_path", PAIRS)
def test_english_markdown_has_no_spanish_characters(es_path, en_path):
    leaks = []
    for cell in _load(en_path)["cells"]:
        if cell["cell_type"] == "markdown":
            for line in _prose(_source(cell)).splitlines():
                if SPANISH_ONLY.search(line):
                    leaks.append(f"{cell.get('id')}: {line.strip()}")
    assert leaks == []


# ---------------------------------------------------------------- the checks above can fail


def _perceptron_notebook() -> dict:
    return _load(ASSIGNMENTS / "01_perceptron" / "01_perceptron.ipynb")


def _solution_cell(nb: dict) -> dict:
    return next(c for c in nb["cells"] if (c["metadata"].get("nbgrader") or {}).get("solution")
                and c["cell_type"] == "code")


def test_code_comparison_catches_a_changed_statement():
    es = _perceptron_notebook()
    changed = copy.deepcopy(es)
    cell = _solution_cell(changed)
    source = _source(cell)
    assert "raise NotImplementedError(" in source
    cell["source"] = source.replace("raise NotImplementedError(", "raise ValueError(")
    problems = code_differences(es, changed)
    assert len(problems) == 1 and "the code differs" in problems[0], problems


def test_code_comparison_catches_a_changed_import_and_a_dropped_cell():
    es = _perceptron_notebook()
    changed = copy.deepcopy(es)
    first_code = next(c for c in changed["cells"] if c["cell_type"] == "code")
    first_code["source"] = _source(first_code).replace("as np", "as npy")
    assert code_differences(es, changed)
    fewer = copy.deepcopy(es)
    del fewer["cells"][-2]
    assert code_differences(es, fewer)


def test_code_comparison_ignores_comments_docstrings_and_messages():
    es = _perceptron_notebook()
    assert code_differences(es, copy.deepcopy(es)) == []
    reworded = copy.deepcopy(es)
    cell = _solution_cell(reworded)
    source = re.sub(r'"""(.*?)"""', '"""Reworded docstring."""', _source(cell), count=1, flags=re.S)
    source = re.sub(r"#.*", "# another comment", source)
    source = re.sub(r'NotImplementedError\("[^"]*"\)', 'NotImplementedError("another message")', source)
    assert source != _source(cell)
    cell["source"] = source
    assert code_differences(es, reworded) == []


def test_spanish_character_check_catches_untranslated_prose():
    assert SPANISH_ONLY.search(_prose("Escribe tu código aquí."))
    assert not SPANISH_ONLY.search(_prose("Call `escalon` (step function); $\\text{si}$ is math, `año` is code."))
