"""Which of a student's uploads is the notebook to grade, and why.

Students upload renamed copies (``01_perceptron (1).ipynb``, ``-Copy1``, Canvas's ``-1``), both the
Spanish and the English notebook, a ``.zip`` holding the notebook, or a ``.py`` file. Only the latest
attempt counts (Blackboard keeps every attempt); of its notebooks the one with the most solution cells
changed from the release stubs is graded (as :func:`material.notebook.most_answered` does for a
submitted folder); a tie goes to the file named like the release notebook, then to the latest upload.
A ``.py`` in dlgrader's cell format (``# %% [grade_id]`` headers, what ``dlgrader grade`` takes) is
placed into the release notebook's solution cells; any other ``.py`` cannot be graded and is said so.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field

from ..errors import BadArchive
from ..material.notebook import solution_cells
from ..text import Text
from .archive import zip_in_memory
from .downloads import Upload

_PERCENT = re.compile(r"^# %% \[([A-Za-z0-9_\-]+)\]\s*$", re.M)
MAX_NOTEBOOK = 20 * 2**20


@dataclass
class Candidate:
    """A notebook that could be the submission: where it came from and its JSON."""

    label: str  # the student's file name, or "archivo.zip → notebook.ipynb"
    upload: Upload
    data: bytes
    answered: int = -1  # solution cells changed from the stubs; -1 when it is not a readable notebook


@dataclass
class Choice:
    chosen: Candidate | None
    files: list[str]  # every file the student uploaded (latest attempt first)
    reason: Text | None = None  # why this one, when there was a choice
    problems: list[Text] = field(default_factory=list)


def _notebook(data: bytes) -> dict | None:
    try:
        nb = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return nb if isinstance(nb, dict) and isinstance(nb.get("cells"), list) else None


def _from_cell_file(data: bytes, release: dict) -> bytes | None:
    """A ``# %% [grade_id]`` cell file placed into the release notebook's solution cells; None if it has none."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    heads = list(_PERCENT.finditer(text))
    if not heads:
        return None
    answers = {m.group(1): text[m.end():heads[i + 1].start() if i + 1 < len(heads) else len(text)].strip("\n") + "\n"
               for i, m in enumerate(heads)}
    nb = copy.deepcopy(release)
    for cell in nb.get("cells", []):
        gid = ((cell.get("metadata") or {}).get("nbgrader") or {}).get("grade_id")
        if cell.get("cell_type") == "code" and gid in answers and cell["metadata"]["nbgrader"].get("solution"):
            cell["source"] = answers[gid]
    return json.dumps(nb, ensure_ascii=False, indent=1).encode("utf-8")


def _candidates(upload: Upload, release: dict, problems: list[Text]) -> list[Candidate]:
    name = upload.file
    lower = name.lower()
    if lower.endswith(".ipynb"):
        return [Candidate(name, upload, upload.entry.read())] if upload.entry.size <= MAX_NOTEBOOK else []
    if lower.endswith(".py"):
        converted = _from_cell_file(upload.entry.read(), release) if upload.entry.size <= MAX_NOTEBOOK else None
        if converted is None:
            problems.append(Text(f"{name} es un .py sin celdas «# %% [id]»: no se puede calificar; pide el .ipynb.",
                                 f"{name} is a .py without '# %% [id]' cells: it cannot be graded; ask for the .ipynb."))
            return []
        return [Candidate(f"{name} (.py → .ipynb)", upload, converted)]
    if lower.endswith(".zip"):
        try:
            inner = zip_in_memory(upload.entry.read(), name)
        except BadArchive as exc:
            problems.append(Text(f"El .zip subido no se abrió: {exc.text.es}",
                                 f"The uploaded .zip was not opened: {exc.text.en}"))
            return []
        return [Candidate(f"{name} → {e.path}", upload, e.read()) for e in inner
                if e.name.lower().endswith(".ipynb") and e.size <= MAX_NOTEBOOK]
    return []


def choose(uploads: list[Upload], release: dict, release_name: str) -> Choice:
    """The notebook to grade among one student's uploads (all from one download)."""
    latest = max(u.attempt or "" for u in uploads)
    current = [u for u in uploads if (u.attempt or "") == latest]
    files = [u.file for u in current] + [f"{u.file} ({u.attempt})" for u in uploads if u not in current]
    problems: list[Text] = []
    found = [c for u in current for c in _candidates(u, release, problems)]
    stubs, _ = solution_cells(release)
    for c in found:
        nb = _notebook(c.data)
        if nb is not None:
            answers, _ = solution_cells(nb)
            c.answered = sum(1 for gid, src in answers.items() if src.strip() != stubs.get(gid, "").strip())
    if not found:
        problems.append(Text("No subió ningún notebook (.ipynb).", "No notebook (.ipynb) was uploaded."))
        return Choice(None, files, None, problems)
    ranked = sorted(found, key=lambda c: (c.answered, c.upload.file == release_name, c.upload.order, c.label),
                    reverse=True)
    chosen = ranked[0]
    reason = None
    older = len(uploads) - len(current)
    if len(ranked) > 1 or older:
        others = "; ".join(f"{c.label}: {max(c.answered, 0)}" for c in ranked[1:])
        how = Text(f"más respuestas ({chosen.answered})", f"most answers ({chosen.answered})")
        if len(ranked) > 1 and ranked[1].answered == chosen.answered:
            how = Text("empate en respuestas: el nombre del notebook o la subida más reciente",
                       "tied on answers: the notebook's name or the latest upload")
        reason = Text(f"{chosen.label}: {how.es}", f"{chosen.label}: {how.en}")
        if others:
            reason += Text(f"; descartados: {others}", f"; set aside: {others}")
        if older:
            reason += Text(f"; {older} archivo(s) de intentos anteriores", f"; {older} file(s) of earlier attempts")
    return Choice(chosen, files, reason, problems)
