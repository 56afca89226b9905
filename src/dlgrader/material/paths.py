"""Where the course material lives: the instructor's checkout or a student's bundle.

The root holds ``assignments/`` (public) and, for instructors only,
``solutions/`` and ``graders/`` (hidden). It is found from ``--root``, the
``DLGRADER_ROOT`` variable, the current directory and its parents, the
checkout this package was installed from, or the public material a student's
wheel carries (``dlgrader release``: :data:`BUNDLED`), in that order.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from ..text import Text
from .manifest import Assignment, load_manifest


@dataclass(frozen=True)
class Material:
    root: Path

    @property
    def assignments(self) -> Path:
        return self.root / "assignments"

    def solution_path(self, assignment_id: str) -> Path:
        return self.root / "solutions" / assignment_id / "solution.py"

    def grader_dir(self, assignment_id: str) -> Path:
        return self.root / "graders" / assignment_id

    def mutants_dir(self, assignment_id: str) -> Path:
        return self.grader_dir(assignment_id) / "mutants"

    def hidden_dirs(self) -> list[Path]:
        """Folders a worker must never see."""
        return [p for p in (self.root / "solutions", self.root / "graders") if p.exists()]

    def assignment_ids(self) -> list[str]:
        if not self.assignments.is_dir():
            return []
        return sorted(p.name for p in self.assignments.iterdir() if (p / "assignment.toml").is_file())

    def assignment(self, assignment_id: str) -> Assignment:
        folder = self.assignments / assignment_id
        if not (folder / "assignment.toml").is_file():
            known = ", ".join(self.assignment_ids()) or "-"
            raise ConfigError(Text(
                f"No existe la tarea {assignment_id!r} en {self.assignments}; las disponibles son: {known}.",
                f"There is no assignment {assignment_id!r} in {self.assignments}; available: {known}."))
        return load_manifest(folder)


# Where a student's wheel puts the course's public material (material/wheel.py): a notebook with no
# course folder around it (Colab, a file fetched alone) is still checked against it.
BUNDLED = Path(__file__).resolve().parents[1] / "course_material"


def _looks_like_root(p: Path) -> bool:
    return (p / "assignments").is_dir()


def find_material(root: str | os.PathLike | None = None) -> Material:
    """Locate the course material; a clear error says how to point at it."""
    candidates: list[Path] = []
    if root:
        candidates.append(Path(root))
    elif os.environ.get("DLGRADER_ROOT"):
        candidates.append(Path(os.environ["DLGRADER_ROOT"]))
    else:
        here = Path.cwd().resolve()
        candidates += [here, *here.parents]
        candidates += [Path(__file__).resolve().parents[3], BUNDLED]
    for c in candidates:
        if _looks_like_root(c):
            return Material(c.resolve())
    raise ConfigError(Text(
        "No encuentro la carpeta assignments/; ejecuta dlgrader desde la carpeta del curso o usa --root.",
        "Cannot find the assignments/ folder; run dlgrader from the course folder or pass --root."))


def course_assignments(root: str | os.PathLike | None = None) -> dict[str, Assignment]:
    """Every assignment of the course material by id, or none when the material is not at hand."""
    try:
        material = find_material(root)
    except ConfigError:
        return {}
    return {aid: material.assignment(aid) for aid in material.assignment_ids()}
