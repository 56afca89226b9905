"""``dlgrader similarity``: pairs of submissions whose solution code is suspiciously alike.

The course requires original work, and copying usually survives renaming,
re-commenting and reformatting. So each submission's solution cells are
reduced to their shape: comments and blank lines dropped, every name that is
not a keyword or builtin becomes ``N``, every number or string ``L``, spacing
normalised. Lines that the release notebook already has (signatures, the
stub's ``raise``) are dropped, since everyone shares them. Two submissions are
then compared line by line (difflib's ratio, 0 to 1), and the matching lines
are shown side by side. A flag is a place for the instructor to look; it
never changes a grade.
"""

from __future__ import annotations

import builtins
import difflib
import io
import keyword
import tokenize
from dataclasses import dataclass
from itertools import combinations

from ..course import folders
from ..errors import ConfigError
from ..material.notebook import read_json_notebook, solution_cells
from ..material.paths import find_material
from ..text import Text

KEEP = set(keyword.kwlist) | set(dir(builtins)) | {"np", "torch", "self"}
MIN_LINES = 4  # fewer own lines than this is an empty or nearly empty submission: nothing to compare


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    score: float
    matches: list[tuple[str, str]]  # (line of a, line of b) in the matching blocks


def _shape_line(tokens: list[tokenize.TokenInfo]) -> str:
    out = []
    for t in tokens:
        if t.type == tokenize.NAME:
            out.append(t.string if t.string in KEEP else "N")
        elif t.type in (tokenize.NUMBER, tokenize.STRING) or t.type == getattr(tokenize, "FSTRING_START", -1):
            out.append("L")
        elif t.type == tokenize.OP:
            out.append(t.string)
    return " ".join(out)


def shape(source: str) -> list[tuple[str, str]]:
    """(normalised line, original line) for each logical line with code; unparseable code line by line."""
    lines = source.splitlines()
    out: list[tuple[str, str]] = []
    try:
        current: list[tokenize.TokenInfo] = []
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type in (tokenize.NEWLINE, tokenize.ENDMARKER) and current:
                first = current[0].start[0] - 1
                out.append((_shape_line(current), lines[first].strip() if first < len(lines) else ""))
                current = []
            elif tok.type not in (tokenize.COMMENT, tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.NEWLINE,
                                  tokenize.ENDMARKER):
                current.append(tok)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        out = [(" ".join(line.split()), line.strip()) for line in lines if line.strip() and not line.strip().startswith("#")]
    return [(s, o) for s, o in out if s]


def _own_lines(nb: dict, template: set[str]) -> list[tuple[str, str]]:
    cells, _ = solution_cells(nb)
    return [(s, o) for gid in sorted(cells) for s, o in shape(cells[gid]) if s not in template]


def compare(a: list[tuple[str, str]], b: list[tuple[str, str]]) -> tuple[float, list[tuple[str, str]]]:
    matcher = difflib.SequenceMatcher(None, [s for s, _ in a], [s for s, _ in b], autojunk=False)
    matches = [(a[m.a + k][1], b[m.b + k][1]) for m in matcher.get_matching_blocks() for k in range(m.size)]
    return matcher.ratio(), matches


def similar_pairs(course_dir, assignment_id: str, *, root=None, threshold: float = 0.8) -> list[Pair]:
    """Every pair of submissions at or above ``threshold``, most alike first."""
    material = find_material(root)
    release, why = read_json_notebook(folders.release_notebook(course_dir, material.assignment(assignment_id)))
    if release is None:
        raise ConfigError(why)
    template_cells, _ = solution_cells(release)
    template = {s for src in template_cells.values() for s, _ in shape(src)}
    code = {}
    for sub in folders.iter_submissions(course_dir, assignment_id):
        nb = read_json_notebook(sub.notebook)[0] if sub.notebook else None
        lines = _own_lines(nb, template) if nb else []
        if len(lines) >= MIN_LINES:
            code[sub.student_id] = lines
    pairs = []
    for a, b in combinations(sorted(code), 2):
        score, matches = compare(code[a], code[b])
        if score >= threshold:
            pairs.append(Pair(a, b, score, matches))
    return sorted(pairs, key=lambda p: (-p.score, p.a, p.b))


def similarity_report(pairs: list[Pair], lang: str = "es", *, max_lines: int = 12) -> str:
    if not pairs:
        return Text("No hay pares sospechosamente parecidos.", "No suspiciously similar pairs.")(lang)
    out = [Text(f"{len(pairs)} pares parecidos (revísalos; esto no cambia ninguna nota):",
                f"{len(pairs)} similar pairs (review them; this changes no grade):")(lang)]
    for p in pairs:
        out.append(f"\n{p.a} ~ {p.b}: {p.score:.2f}")
        width = max((len(x) for x, _ in p.matches[:max_lines]), default=0)
        out += [f"    {x.ljust(width)}  |  {y}" for x, y in p.matches[:max_lines]]
        if len(p.matches) > max_lines:
            out.append(f"    … (+{len(p.matches) - max_lines})")
    return "\n".join(out)
