"""A corpus of broken notebooks, made from one good submission: what a class really hands in, and worse.

Each kind is a function from the good notebook (a dict) to the bytes of a
file. ``write_kind`` writes it, sparse where the kind is huge, so a 3 GB
output costs no disk.
"""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path


def _dump(nb) -> bytes:
    return json.dumps(nb, ensure_ascii=False).encode("utf-8")


def _solution_indices(nb: dict) -> list[int]:
    return [i for i, c in enumerate(nb["cells"]) if (c.get("metadata", {}).get("nbgrader") or {}).get("solution")]


def _edit(nb: dict, change) -> bytes:
    nb = copy.deepcopy(nb)
    change(nb)
    return _dump(nb)


def _delete_solutions(nb):
    for i in reversed(_solution_indices(nb)[:2]):
        del nb["cells"][i]


def _duplicate_cells(nb):
    nb["cells"] = nb["cells"] + copy.deepcopy(nb["cells"])


def _reorder(nb):
    random.Random(7).shuffle(nb["cells"])


def _rename_grade_ids(nb):
    for i in _solution_indices(nb):
        nb["cells"][i]["metadata"]["nbgrader"]["grade_id"] += "_x"


def _strip_metadata(nb):
    for cell in nb["cells"]:
        cell["metadata"] = {}


def _cells_not_a_list(nb):
    nb["cells"] = {"0": nb["cells"][0]}


def _source_not_text(nb):
    for i in _solution_indices(nb):
        nb["cells"][i]["source"] = 12345


def _huge_output(nb):
    nb["cells"][0]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "x" * 5_000_000}]


KINDS = {
    "truncated_json": lambda nb: _dump(nb)[: len(_dump(nb)) // 2],
    "empty_file": lambda nb: b"",
    "binary_junk": lambda nb: bytes(random.Random(1).randrange(256) for _ in range(50_000)),
    "not_utf8": lambda nb: _dump(nb).decode("utf-8").encode("latin-1", "replace") + b"\xff\xfe",
    "nbformat_3": lambda nb: _dump({"nbformat": 3, "nbformat_minor": 0, "metadata": nb["metadata"],
                                    "worksheets": [{"cells": nb["cells"], "metadata": {}}]}),
    "json_list": lambda nb: b"[1, 2, 3]",
    "deep_nesting": lambda nb: b"[" * 200_000 + b"]" * 200_000,
    "very_long_line": lambda nb: _edit(nb, lambda n: n["cells"].append(
        {"cell_type": "code", "metadata": {}, "source": "x = 1  # " + "a" * 2_000_000, "outputs": [],
         "execution_count": None})),
    "solutions_deleted": lambda nb: _edit(nb, _delete_solutions),
    "cells_duplicated": lambda nb: _edit(nb, _duplicate_cells),
    "cells_reordered": lambda nb: _edit(nb, _reorder),
    "grade_ids_renamed": lambda nb: _edit(nb, _rename_grade_ids),
    "metadata_stripped": lambda nb: _edit(nb, _strip_metadata),
    "cells_not_a_list": lambda nb: _edit(nb, _cells_not_a_list),
    "source_not_text": lambda nb: _edit(nb, _source_not_text),
    "big_outputs": lambda nb: _edit(nb, _huge_output),
    "gigabytes": None,  # a sparse file far above the size limit
}


def write_kind(kind: str, good: dict, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "gigabytes":
        with open(path, "wb") as fh:
            fh.write(b'{"cells": [')
            fh.truncate(3 * 2**30)
        return path
    path.write_bytes(KINDS[kind](good))
    return path
