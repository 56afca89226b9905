"""Course rubric (``rubric/*.yaml``): which assignments feed which evaluation, their weights, the grade scale.

Read and validated here, every mistake named by its key; :mod:`.grades` turns scores into grades with it.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Mapping

import yaml

from ..errors import ConfigError
from ..text import Text
from .scales import SCALES, LinearScale

HUNDRED = Decimal(100)


def _number(value, where: str, what: str) -> Decimal:
    if isinstance(value, Decimal) and value.is_finite():
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ConfigError(Text(f"{where}: {what} debe ser un número (con punto decimal), no {value!r}.",
                               f"{where}: {what} must be a number (with a decimal point), not {value!r}."))
    return Decimal(str(value))


def _keys(table, allowed: set[str], required: set[str], where: str) -> None:
    if not isinstance(table, dict):
        raise ConfigError(Text(f"{where}: se esperaba una tabla de claves y valores.",
                               f"{where}: expected a mapping of keys to values."))
    unknown = sorted(set(map(str, table)) - allowed)
    if unknown:
        raise ConfigError(Text(f"{where}: clave desconocida {unknown[0]!r} (válidas: {', '.join(sorted(allowed))}).",
                               f"{where}: unknown key {unknown[0]!r} (valid: {', '.join(sorted(allowed))})."))
    missing = sorted(required - set(table))
    if missing:
        raise ConfigError(Text(f"{where}: falta la clave {missing[0]!r}.", f"{where}: missing key {missing[0]!r}."))


SCALE_KEYS = {"min": "lowest", "max": "highest", "pass": "passing", "exigencia": "exigencia"}


def _scale(table, where: str) -> LinearScale:
    """The ``scale`` table: a kind (its country's rules) and, optionally, other numbers for its grades."""
    if not isinstance(table, dict) or "kind" not in table:
        raise ConfigError(Text(f"{where}: falta la clave 'kind' (conocidas: {', '.join(SCALES)}).",
                               f"{where}: missing key 'kind' (known: {', '.join(SCALES)})."))
    kind = table["kind"]
    if not isinstance(kind, str) or kind not in SCALES:
        raise ConfigError(Text(f"{where}: escala desconocida {kind!r} (conocidas: {', '.join(SCALES)}).",
                               f"{where}: unknown scale kind {kind!r} (known: {', '.join(SCALES)})."))
    extra = {"promotion"} if kind == "argentina" else set()
    _keys(table, {"kind", *SCALE_KEYS, *extra}, {"kind"}, where)
    numbers = {SCALE_KEYS.get(k, k): _number(v, where, k) for k, v in table.items() if k != "kind"}
    scale = SCALES[kind](**numbers)
    if not (scale.lowest < scale.passing < scale.highest and 0 < scale.exigencia < 1):
        raise ConfigError(Text(f"{where}: la escala debe cumplir min < pass < max y 0 < exigencia < 1.",
                               f"{where}: the scale must satisfy min < pass < max and 0 < exigencia < 1."))
    return scale


@dataclass(frozen=True)
class LatePolicy:
    """A late submission loses ``per_day`` percent of its points per started day after the due time, up to ``cap``."""

    per_day: Decimal
    cap: Decimal
    due: Mapping[str, datetime]  # assignment id -> due time, naive UTC like nbgrader's timestamps

    def factor(self, assignment_id: str, timestamp: str | None) -> Decimal:
        """The share of the points a submission keeps (1 when on time, unknown or without a due time)."""
        due = self.due.get(assignment_id)
        if due is None or not timestamp:
            return Decimal(1)
        late = datetime.fromisoformat(timestamp) - due
        if late <= timedelta(0):
            return Decimal(1)
        days = math.ceil(late / timedelta(days=1))
        return 1 - min(self.per_day * days, self.cap) / HUNDRED


def _late(table, where: str, assignments: set[str]) -> LatePolicy:
    _keys(table, {"per_day_percent", "max_percent", "due"}, {"per_day_percent", "due"}, where)
    per_day = _number(table["per_day_percent"], where, "per_day_percent")
    cap = _number(table.get("max_percent", 100), where, "max_percent")
    if not (0 <= per_day <= 100 and 0 <= cap <= 100):
        raise ConfigError(Text(f"{where}: per_day_percent y max_percent deben estar entre 0 y 100.",
                               f"{where}: per_day_percent and max_percent must be between 0 and 100."))
    if not isinstance(table["due"], dict):
        raise ConfigError(Text(f"{where}: due debe asociar cada tarea con su fecha de entrega.",
                               f"{where}: due must map each assignment to its due time."))
    due = {}
    for aid, when in table["due"].items():
        if aid not in assignments:
            raise ConfigError(Text(f"{where}: la tarea {aid!r} no está en ninguna evaluación.",
                                   f"{where}: assignment {aid!r} is in no evaluation."))
        if not isinstance(when, datetime) or when.utcoffset() is None:
            raise ConfigError(Text(
                f"{where}: la fecha de {aid} debe llevar hora y zona, p. ej. 2026-09-14T23:59:00-03:00; "
                f"se leyó {when!r}.",
                f"{where}: the due time of {aid} needs a time and an offset, e.g. 2026-09-14T23:59:00-03:00; "
                f"read {when!r}."))
        due[aid] = when.astimezone(timezone.utc).replace(tzinfo=None)
    return LatePolicy(per_day, cap, due)


@dataclass(frozen=True)
class Evaluation:
    id: str
    title: Text
    weight: Decimal  # percent of the course
    assignments: tuple[str, ...]


@dataclass(frozen=True)
class Rubric:
    institution: str
    course: Text | None
    scale: LinearScale
    evaluations: tuple[Evaluation, ...]
    max_points: Mapping[str, Decimal]  # the assignments the rubric uses
    source: Path
    no_submission: str = "zero"  # what an LMS export writes for a student who submitted nothing: zero or blank
    late: LatePolicy | None = None


class _UniqueKeys(yaml.SafeLoader):
    """A repeated key in YAML is silently last-wins; in a rubric it is a mistake to report."""


def _mapping(loader: _UniqueKeys, node: yaml.MappingNode, deep: bool = False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if isinstance(key, (str, int, float, bool)) and key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"repeated key {key!r}", key_node.start_mark)
        if isinstance(key, (str, int, float, bool)):
            seen.add(key)
    return loader.construct_mapping(node, deep)


_UniqueKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def _text(table: dict, key: str, where: str) -> Text:
    es, en = table.get(f"{key}_es"), table.get(f"{key}_en")
    if not isinstance(es, str) or not isinstance(en, str) or not es.strip() or not en.strip():
        raise ConfigError(Text(f"{where}: {key}_es y {key}_en deben ser textos no vacíos.",
                               f"{where}: {key}_es and {key}_en must be non-empty strings."))
    return Text(es, en)


def _evaluation(table, n: int, where: str, known: Mapping[str, float], used: dict[str, str]) -> Evaluation:
    where = f"{where}, evaluations[{n}]"
    _keys(table, {"id", "title_es", "title_en", "weight", "assignments"},
          {"id", "title_es", "title_en", "weight", "assignments"}, where)
    eid = table["id"]
    if not isinstance(eid, str) or not eid:
        raise ConfigError(Text(f"{where}: id debe ser un texto.", f"{where}: id must be a string."))
    where = f"{where} ({eid})"
    weight = _number(table["weight"], where, "weight")
    if weight <= 0:
        raise ConfigError(Text(f"{where}: el peso debe ser positivo.", f"{where}: the weight must be positive."))
    assignments = table["assignments"] or []
    if not isinstance(assignments, list):
        raise ConfigError(Text(f"{where}: assignments debe ser una lista.", f"{where}: assignments must be a list."))
    for aid in assignments:
        if not isinstance(aid, str) or aid not in known:
            names = ", ".join(sorted(known)) or "-"
            raise ConfigError(Text(f"{where}: tarea desconocida {aid!r} (conocidas: {names}).",
                                   f"{where}: unknown assignment {aid!r} (known: {names})."))
        if aid in used:
            raise ConfigError(Text(f"{where}: la tarea {aid!r} ya alimenta la evaluación {used[aid]!r}; "
                                   "cada tarea cuenta en una sola evaluación.",
                                   f"{where}: assignment {aid!r} already feeds evaluation {used[aid]!r}; "
                                   "each assignment counts in one evaluation only."))
        used[aid] = eid
    return Evaluation(eid, _text(table, "title", where), weight, tuple(assignments))


def _not_graded(ids, where: str, known: Mapping[str, float], used: Mapping[str, str]) -> None:
    """``not_graded``: assignments of the material this course leaves out on purpose (known, and in no evaluation)."""
    if not isinstance(ids, list):
        raise ConfigError(Text(f"{where}: not_graded debe ser una lista de tareas.",
                               f"{where}: not_graded must be a list of assignments."))
    for aid in ids:
        if aid not in known:
            raise ConfigError(Text(f"{where}: not_graded nombra una tarea desconocida {aid!r}.",
                                   f"{where}: not_graded names an unknown assignment {aid!r}."))
        if aid in used:
            raise ConfigError(Text(f"{where}: {aid!r} está en not_graded y en la evaluación {used[aid]!r}.",
                                   f"{where}: {aid!r} is in not_graded and in evaluation {used[aid]!r}."))


def load_rubric(path: str | os.PathLike, known_assignments: Mapping[str, float]) -> Rubric:
    """Read and validate a rubric; ``known_assignments`` maps each assignment id to its maximum points."""
    path = Path(path)
    where = str(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeys)  # noqa: S506 (a SafeLoader)
    except FileNotFoundError as exc:
        raise ConfigError(Text(f"No existe la rúbrica {path}.", f"The rubric {path} does not exist.")) from exc
    except yaml.YAMLError as exc:
        raise ConfigError(Text(f"{where} no es YAML válido: {exc}.", f"{where} is not valid YAML: {exc}.")) from exc
    _keys(data, {"institution", "course_es", "course_en", "scale", "evaluations", "no_submission", "late",
                 "not_graded"},
          {"institution", "scale", "evaluations"}, where)
    course = _text(data, "course", where) if ("course_es" in data or "course_en" in data) else None
    scale = _scale(data["scale"], f"{where}, scale")
    no_submission = data.get("no_submission", "zero")
    if no_submission not in ("zero", "blank"):
        raise ConfigError(Text(f"{where}: no_submission debe ser zero o blank, no {no_submission!r}.",
                               f"{where}: no_submission must be zero or blank, not {no_submission!r}."))
    if not isinstance(data["evaluations"], list) or not data["evaluations"]:
        raise ConfigError(Text(f"{where}: evaluations debe ser una lista no vacía.",
                               f"{where}: evaluations must be a non-empty list."))
    used: dict[str, str] = {}
    evaluations = tuple(_evaluation(t, n, where, known_assignments, used)
                        for n, t in enumerate(data["evaluations"], 1))
    ids = [e.id for e in evaluations]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise ConfigError(Text(f"{where}: la evaluación {dup[0]!r} está repetida.",
                               f"{where}: evaluation {dup[0]!r} is repeated."))
    total = sum((e.weight for e in evaluations), Decimal(0))
    if total != HUNDRED:
        raise ConfigError(Text(f"{where}: los pesos de las evaluaciones suman {total} %; deben sumar 100 %.",
                               f"{where}: the evaluation weights add up to {total} %; they must add up to 100 %."))
    max_points = {aid: _number(known_assignments[aid], where, aid) for aid in used}
    if any(v <= 0 for v in max_points.values()):
        raise ConfigError(Text(f"{where}: toda tarea de la rúbrica debe valer más de 0 puntos.",
                               f"{where}: every assignment in the rubric must be worth more than 0 points."))
    institution = data["institution"]
    if not isinstance(institution, str) or not institution.strip():
        raise ConfigError(Text(f"{where}: institution debe ser un texto.", f"{where}: institution must be a string."))
    late = _late(data["late"], f"{where}, late", set(used)) if "late" in data else None
    _not_graded(data.get("not_graded", []), where, known_assignments, used)
    return Rubric(institution, course, scale, evaluations, max_points, path, no_submission, late)
