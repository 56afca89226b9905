"""An assignment's manifest (``assignment.toml``): the one place where checks and points live.

The notebook's nbgrader metadata, the gradebook's grade cells and the rubric's
maximum scores are all derived from it.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from ..text import Text

MANIFEST = "assignment.toml"
# The default time limits, at least 3x the p95 of honest submissions (the reference, every mutant, every
# alternative) graded as `dlgrader grade` does, measured by benchmarks/bench_budget.py on a shared 2-core
# machine (README, "Reliability"). A whole NumPy submission: p95 3.8-7.7 s, so 25 s (3.2x the slowest, 06).
# A PyTorch one (08): p95 9.6 s, but a model may train for 30 s in its last checks, so 120 s. One call of a
# NumPy assignment: p95 at most 0.04 s of CPU (0.19 s at most in 08, whose calls train an epoch and keep all of
# call_timeout), so 1 s of CPU, which stops a busy loop well before its 5 s. Loading a notebook: p95 0.03 s
# (3.2 s at most, 08's), so 10 s, which bounds a notebook that works at import.
NUMPY_BUDGET, TORCH_BUDGET = 25.0, 120.0
NUMPY_CALL_CPU, LOAD_TIMEOUT = 1.0, 10.0


@dataclass(frozen=True)
class Task:
    """A solution cell the student fills (its nbgrader grade_id) and the names it defines."""

    id: str
    names: tuple[str, ...]
    # takes and returns plain data only (no callable, no object living in the worker): in other tasks' checks the
    # worker's names for it call the reference back (grading/callbacks.py), so one mistake costs points once
    plain: bool = False
    isolated: bool = False  # plain = "worker": the reference answers from a worker of its own (time, memory limits)


@dataclass(frozen=True)
class Check:
    """One graded property: all-or-nothing, partial credit comes from having many."""

    id: str
    task: str
    points: float
    public: bool
    title: Text
    integration: bool = False  # runs the student's own functions throughout, callbacks off (one per assignment)


@dataclass(frozen=True)
class Manual:
    """A manually graded cell (a written answer), scored in nbgrader's formgrader."""

    id: str
    points: float
    title: Text


@dataclass(frozen=True)
class Assignment:
    id: str
    title: Text
    notebook: str
    root: Path  # assignments/NN_x
    tasks: tuple[Task, ...]
    checks: tuple[Check, ...]
    manual: tuple[Manual, ...] = ()
    needs_torch: bool = False
    call_timeout: float = 5.0  # one call of a student function
    call_cpu: float = NUMPY_CALL_CPU  # the CPU time one call may use (sandbox/cpu.py); at most call_timeout
    load_timeout: float = LOAD_TIMEOUT  # loading the notebook (its solution cells run)
    check_budget: float = 60.0  # one check, every call it makes
    submission_budget: float = NUMPY_BUDGET  # everything of one submission (sandbox/budget.py)
    memory_mb: int = 1024
    replay: bool = True  # replay the reference's examples in autograde (see grading/replay.py)

    @property
    def notebook_path(self) -> Path:
        return self.root / self.notebook

    @property
    def public_checks_path(self) -> Path:
        return self.root / "public_checks.py"

    @property
    def auto_points(self) -> float:
        return sum(c.points for c in self.checks)

    @property
    def max_points(self) -> float:
        return self.auto_points + sum(m.points for m in self.manual)

    def reference_names(self, check: Check) -> tuple[str, ...]:
        """The other tasks' plain functions that are the reference's during ``check`` (none for its integration check)."""
        if check.integration:
            return ()
        return tuple(n for t in self.tasks if t.plain and t.id != check.task for n in t.names)

    def check(self, check_id: str) -> Check:
        for c in self.checks:
            if c.id == check_id:
                return c
        raise KeyError(check_id)


def _text(table: dict, key: str, where: str) -> Text:
    try:
        return Text(str(table[f"{key}_es"]), str(table[f"{key}_en"]))
    except KeyError as exc:
        raise ConfigError(Text(f"{where}: falta la clave {exc.args[0]}.", f"{where}: missing key {exc.args[0]}.")) from exc


def _known_keys(table: dict, allowed: set[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ConfigError(Text(f"{where}: clave desconocida {unknown[0]!r}.", f"{where}: unknown key {unknown[0]!r}."))


def load_manifest(folder: Path) -> Assignment:
    """Read and validate ``folder/assignment.toml``; every inconsistency is a ConfigError."""
    path = Path(folder) / MANIFEST
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(Text(f"No existe {path}.", f"{path} does not exist.")) from exc
    return _parse(Path(folder), text)


@functools.lru_cache(maxsize=32)
def _parse(folder: Path, text: str) -> Assignment:
    """A manifest's text, read once per process: a grading process reads it for every submission."""
    path = folder / MANIFEST
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(Text(f"{path} no es TOML válido: {exc}.", f"{path} is not valid TOML: {exc}.")) from exc
    where = str(path)
    _known_keys(data, {"assignment", "task", "check", "manual"}, where)
    head = data.get("assignment", {})
    _known_keys(head, {"id", "title_es", "title_en", "notebook", "needs_torch", "call_timeout", "call_cpu",
                       "load_timeout", "check_budget", "submission_budget", "memory_mb", "replay"}, where)
    tasks = []
    for t in data.get("task", []):
        _known_keys(t, {"id", "names", "plain"}, where)
        plain = t.get("plain", False)
        if plain not in (True, False, "worker"):
            raise ConfigError(Text(f"{where}: plain de la tarea {t['id']} debe ser true, false o \"worker\".",
                                   f"{where}: plain of task {t['id']} must be true, false or \"worker\"."))
        tasks.append(Task(t["id"], tuple(t["names"]), plain is not False, plain == "worker"))
    task_ids = {t.id for t in tasks}
    checks = []
    for c in data.get("check", []):
        _known_keys(c, {"id", "task", "points", "public", "title_es", "title_en", "integration"}, where)
        if c["task"] not in task_ids:
            raise ConfigError(Text(f"{where}: la verificación {c['id']} nombra una tarea desconocida {c['task']!r}.",
                                   f"{where}: check {c['id']} names an unknown task {c['task']!r}."))
        checks.append(Check(c["id"], c["task"], float(c["points"]), bool(c["public"]), _text(c, "title", where),
                            bool(c.get("integration", False))))
    manual = []
    for m in data.get("manual", []):
        _known_keys(m, {"id", "points", "title_es", "title_en"}, where)
        manual.append(Manual(m["id"], float(m["points"]), _text(m, "title", where)))
    ids = [c.id for c in checks] + [m.id for m in manual] + [t.id for t in tasks]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise ConfigError(Text(f"{where}: identificador repetido {sorted(dup)[0]!r}.",
                               f"{where}: duplicated id {sorted(dup)[0]!r}."))
    integration = [c.id for c in checks if c.integration]
    if len(integration) != (1 if any(t.plain for t in tasks) else 0):
        raise ConfigError(Text(f"{where}: con tareas plain = true, exactamente una verificación lleva integration = true "
                               f"(hay {len(integration)}).",
                               f"{where}: with plain = true tasks, exactly one check has integration = true "
                               f"(there are {len(integration)})."))
    if head.get("id") != Path(folder).name:
        raise ConfigError(Text(f"{where}: el id debe ser el nombre de la carpeta ({Path(folder).name}).",
                               f"{where}: id must equal the folder name ({Path(folder).name})."))
    limits = _time_limits(head, where)
    return Assignment(
        id=head["id"], title=_text(head, "title", where), notebook=head["notebook"], root=Path(folder),
        tasks=tuple(tasks), checks=tuple(checks), manual=tuple(manual),
        needs_torch=bool(head.get("needs_torch", False)), **limits, memory_mb=int(head.get("memory_mb", 1024)),
        replay=bool(head.get("replay", True)),
    )


def _time_limits(head: dict, where: str) -> dict[str, float]:
    """The time limits, nested: a call's CPU within its wall-clock time, a call within its check, a check or
    the load within the submission.

    ``submission_budget`` and ``call_cpu`` default by kind (NumPy or PyTorch; the constants above say how they
    were measured); a check may take at most all of the submission's time (60 s otherwise), the load 10 s; a
    call's CPU, 1 s in a NumPy assignment and all of its time in a PyTorch one.
    """
    torch = bool(head.get("needs_torch"))
    budget = float(head.get("submission_budget", TORCH_BUDGET if torch else NUMPY_BUDGET))
    call = float(head.get("call_timeout", 5.0))
    limits = {"call_cpu": float(head.get("call_cpu", call if torch else min(call, NUMPY_CALL_CPU))),
              "call_timeout": call, "check_budget": float(head.get("check_budget", min(60.0, budget))),
              "load_timeout": float(head.get("load_timeout", min(LOAD_TIMEOUT, budget))), "submission_budget": budget}
    if not (0 < limits["call_cpu"] <= call <= limits["check_budget"] <= budget and 0 < limits["load_timeout"] <= budget):
        shown = ", ".join(f"{k} = {v:g}" for k, v in limits.items())
        raise ConfigError(Text(f"{where}: los límites de tiempo deben cumplir call_cpu ≤ call_timeout ≤ check_budget "
                               f"≤ submission_budget y load_timeout ≤ submission_budget ({shown}).",
                               f"{where}: the time limits must satisfy call_cpu ≤ call_timeout ≤ check_budget ≤ "
                               f"submission_budget and load_timeout ≤ submission_budget ({shown})."))
    return limits
