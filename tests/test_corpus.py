"""A class mixing honest, hostile and broken notebooks: the batch completes and nothing honest moves.

The broken files come from tests/broken_corpus.py (invalid JSON, nbformat 3,
deleted, duplicated or reordered cells, changed metadata, binary junk, a 3 GB
file, deep nesting, non-UTF-8, very long lines). benchmarks/bench_reliability.py
runs the same mix at the size of a large class (500) and prints the figures.
"""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from broken_corpus import KINDS, write_kind
from conftest import REPO
from dlgrader.grading.batch import autograde

EXAMPLES = REPO / "examples" / "01_perceptron"
HONEST = {"ana_perez": 20, "camila_rojas": 18, "sofia_ramirez": 16, "diego_fernandez": 0,
          "hector_silva": 1, "mateo_castro": 0, "gabriela_munoz": 0}
# kinds that cannot be read as a notebook at all: zero, with a one-line reason
UNREADABLE = {"truncated_json", "empty_file", "binary_junk", "not_utf8", "nbformat_3", "json_list", "deep_nesting",
              "cells_not_a_list", "gigabytes"}


def _fingerprint() -> dict[str, str]:
    """Every file of the course material the graders and reference live in."""
    return {str(p.relative_to(REPO)): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in ("solutions", "graders", "assignments", "src") for p in sorted((REPO / folder).rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


@pytest.mark.slow
def test_a_class_with_every_kind_of_broken_notebook(tmp_path):
    before = _fingerprint()
    good = json.loads((EXAMPLES / "ana_perez.ipynb").read_text(encoding="utf-8"))
    course = tmp_path / "curso"
    for sid in HONEST:
        folder = course / "submitted" / sid / "01_perceptron"
        folder.mkdir(parents=True)
        shutil.copyfile(EXAMPLES / f"{sid}.ipynb", folder / "01_perceptron.ipynb")
    for kind in KINDS:
        write_kind(kind, good, course / "submitted" / f"roto_{kind}" / "01_perceptron" / "01_perceptron.ipynb")
    report = autograde("01_perceptron", course, root=REPO, jobs=2, progress=False)
    assert not report.failures, report.failures
    got = {r.student: r for r in report.results}
    assert len(got) == len(HONEST) + len(KINDS)
    assert {sid: got[sid].score for sid in HONEST} == HONEST  # the same as each graded alone (test_demo)
    for kind in UNREADABLE:
        r = got[f"roto_{kind}"]
        assert r.score == 0 and len(r.problems) >= 1 and "\n" not in r.problems[0]("es"), (kind, r.to_json())
    # readable but damaged: graded on what is there, each saying what was wrong when something was
    assert got["roto_cells_reordered"].score == 20 and got["roto_metadata_stripped"].score == 0
    for kind in ("solutions_deleted", "grade_ids_renamed", "metadata_stripped", "source_not_text"):
        assert got[f"roto_{kind}"].problems, kind  # a zero always says why
    assert got["roto_big_outputs"].score == got["roto_very_long_line"].score == 20
    assert got["roto_cells_duplicated"].score == 20 and got["roto_cells_duplicated"].problems
    assert _fingerprint() == before


def test_a_gigabyte_notebook_is_identified_without_being_read(tmp_path):
    """autograde fingerprints every submission in its own process: a 3 GB file must not cost 3 GB there."""
    import subprocess
    import sys

    big = tmp_path / "enorme.ipynb"
    with open(big, "wb") as f:
        f.truncate(3 * 2**30)  # sparse: no disk, but 3 GB if read
    # VmHWM, this process's own peak: ru_maxrss would carry the peak of the (large) pytest process it was forked
    # from, which Linux keeps across exec.
    code = ("import re, sys\nfrom pathlib import Path\nfrom datetime import datetime\n"
            "from dlgrader.course.store import fingerprint\n"
            "a = fingerprint(Path(sys.argv[1]), datetime(2026, 9, 1))\n"
            "b = fingerprint(Path(sys.argv[1]), datetime(2026, 9, 2))\n"
            "hwm = re.search(r'VmHWM:\\s+(\\d+) kB', Path('/proc/self/status').read_text()).group(1)\n"
            "print(a != b, int(hwm) // 1024)\n")
    out = subprocess.run([sys.executable, "-c", code, str(big)], capture_output=True, text=True, check=True).stdout
    differs, peak_mb = out.split()
    assert differs == "True"  # a resubmission (new timestamp) is still told apart
    assert int(peak_mb) < 500, out
