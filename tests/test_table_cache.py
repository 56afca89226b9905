"""Replay tables kept between autograde runs (table_cache.py): reused when nothing changed, private, disposable."""

from __future__ import annotations

import os
import stat

import pytest

from conftest import REPO
from dlgrader.grading import batch, replay, table_cache

from test_autograde import _course

CLASS = {"ana": "ana_perez", "camila": "camila_rojas", "diego": "diego_fernandez", "sofia": "sofia_ramirez"}


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("DLGRADER_CACHE_DIR", str(folder))
    return folder


def _counting(monkeypatch) -> dict:
    """How often this process merged a recording and handed a table to the grading processes."""
    seen = {"recorded": 0, "tables": 0}
    merged, table_file = replay.Table.merged.__func__, batch.table_file

    def counted_merged(cls, shares):
        seen["recorded"] += 1
        return merged(cls, shares)

    def counted_file(table):
        seen["tables"] += table is not None
        return table_file(table)

    monkeypatch.setattr(replay.Table, "merged", classmethod(counted_merged))
    monkeypatch.setattr(batch, "table_file", counted_file)
    return seen


@pytest.mark.slow
def test_a_later_run_reuses_the_recording_and_grades_the_same(tmp_path, cache, monkeypatch):
    seen = _counting(monkeypatch)
    course = _course(tmp_path, CLASS)
    first = batch.autograde("01_perceptron", course, root=REPO, jobs=1, progress=False)
    assert seen == {"recorded": 1, "tables": 1}
    (kept,) = cache.glob("01_perceptron-*.pickle")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600 and stat.S_IMODE(cache.stat().st_mode) == 0o700
    again = batch.autograde("01_perceptron", course, root=REPO, jobs=1, progress=False, force=True)
    assert seen == {"recorded": 1, "tables": 2}  # replayed from the kept table, recorded nothing
    assert [r.to_record() | {"seconds": 0} for r in again.results] == \
        [r.to_record() | {"seconds": 0} for r in first.results]
    late = _course(tmp_path / "tarde", {"rosa": "camila_rojas"})  # one late submission: too few to record for
    report = batch.autograde("01_perceptron", late, root=REPO, jobs=1, progress=False)
    assert seen == {"recorded": 1, "tables": 3} and report.results[0].score == 18.0


def test_a_table_is_kept_per_key_and_replaced_when_anything_changes(cache):
    table = replay.Table("clave-1")
    table.checks["c"] = []
    table_cache.save("01_perceptron", table)
    assert table_cache.load("01_perceptron", "clave-1").checks == {"c": []}
    assert table_cache.load("01_perceptron", "clave-2") is None  # a grader, the reference or the release changed
    table_cache.save("01_perceptron", replay.Table("clave-2"))
    assert table_cache.load("01_perceptron", "clave-1") is None and len(list(cache.iterdir())) == 1


def test_a_folder_others_can_write_is_neither_read_nor_written(cache):
    table_cache.save("01_perceptron", replay.Table("clave"))
    os.chmod(cache, 0o777)
    assert table_cache.load("01_perceptron", "clave") is None  # anyone could have put a pickle there
    table_cache.save("02_activaciones", replay.Table("otra"))
    assert sorted(p.name.split("-")[0] for p in cache.iterdir()) == ["01_perceptron"]


def test_an_unreadable_table_is_recorded_again(cache):
    table_cache.save("01_perceptron", replay.Table("clave"))
    (kept,) = cache.iterdir()
    kept.write_bytes(b"no es un pickle")
    assert table_cache.load("01_perceptron", "clave") is None


def test_an_empty_setting_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("DLGRADER_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    table_cache.save("01_perceptron", replay.Table("clave"))
    assert table_cache.load("01_perceptron", "clave") is None and not any(tmp_path.iterdir())


def test_a_process_that_records_for_itself_reuses_a_kept_table(cache, fixture_material, sandbox, monkeypatch):
    """What a Dask node's processes do: the first records, the others (and later runs) read it."""
    from dlgrader.api import grade_file
    from dlgrader.grading import recordings

    notebook = fixture_material.assignment("99_demo").notebook_path
    first = grade_file("99_demo", notebook, root=fixture_material.root, sandbox=sandbox, replays=True)
    assert len(list(cache.glob("99_demo-*.pickle"))) == 1
    monkeypatch.setattr(recordings, "_TABLES", {})  # as in a new process

    def refuse(*args, **kwargs):
        raise AssertionError("recorded again")

    monkeypatch.setattr(recordings, "record_table", refuse)
    again = grade_file("99_demo", notebook, root=fixture_material.root, sandbox=sandbox, replays=True)
    assert again.to_record() | {"seconds": 0} == first.to_record() | {"seconds": 0}
