"""This process's replay tables, one per assignment: recorded from the reference, kept, or handed over.

See :mod:`.replay` for what a table holds and why replaying it gives hypothesis' own verdicts.
"""

from __future__ import annotations

from ..material.manifest import Assignment
from ..material.notebook import program_from_cells, read_cell_file
from ..material.paths import Material
from ..sandbox.isolation import Sandbox
from . import replay, table_cache
from .runner import grade_program

_TABLES: dict[str, replay.Table] = {}


def table_key(assignment: Assignment, material: Material) -> str:
    """What a recording depends on (replay.fingerprint of the graders, checks, reference and release)."""
    files = [assignment.root / "assignment.toml", assignment.public_checks_path, material.solution_path(assignment.id),
             assignment.notebook_path, *sorted(material.grader_dir(assignment.id).glob("test_*.py"))]
    return replay.fingerprint(files, assignment.id)


def record_table(assignment: Assignment, material: Material, sandbox: Sandbox, part: int = 0,
                 parts: int = 1) -> replay.Table:
    """Grade the reference on its property checks (every ``parts``-th from ``part``) and keep what they did."""
    table = replay.Table(table_key(assignment, material), share=(part, parts))
    program = program_from_cells(read_cell_file(material.solution_path(assignment.id)), assignment.notebook_path)
    grade_program(assignment, program, material=material, sandbox=sandbox, record=table)
    return table


def replay_table(assignment: Assignment, material: Material, sandbox: Sandbox) -> replay.Table | None:
    """The reference's examples for this assignment, recorded once per process (None when replay is off).

    A process that records (a Dask node's) keeps it in this user's kept tables (:mod:`.table_cache`): a process
    started later, or a later run, reads it instead.
    """
    if not replay.enabled():
        return None
    key = table_key(assignment, material)
    if key not in _TABLES:
        table = table_cache.load(assignment.id, key)
        if table is None:
            table = record_table(assignment, material, sandbox)
            table_cache.save(assignment.id, table)
        _TABLES[key] = table
    return _TABLES[key]


def install_table(table: replay.Table | None) -> None:
    """Hand a table recorded elsewhere (autograde's caller) to this process."""
    if table is not None:
        _TABLES[table.key] = table
