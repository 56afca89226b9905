"""The students' wheel: the engine and the course's public material, one file pip installs anywhere.

Written as a zip by hand (the wheel format, PEP 427) rather than by a build backend: ``dlgrader
release`` then needs nothing but this package and works offline; the wheel is pure Python
(``py3-none-any``: no compiler on Windows, macOS, Linux or Colab); the same material always gives
the same bytes (sorted entries, fixed timestamps). The public material goes inside the package
(``dlgrader/course_material/assignments``, :data:`.paths.BUNDLED`), so a notebook with no course
folder around it is still checked.

Its requirements are the project's own minus the instructor's side (``[tool.dlgrader.release]`` in
pyproject.toml): nbgrader would also replace Colab's Jupyter with its own.
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import re
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from ..text import Text

PACKAGE = "dlgrader"
MATERIAL_IN_WHEEL = f"{PACKAGE}/course_material/assignments"
SKIP = ("__pycache__", "*.pyc", ".ipynb_checkpoints", "*.egg-info")  # what never ships (release.py too)
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the oldest time a zip can hold: the same files, the same bytes


@dataclass(frozen=True)
class Project:
    """What the wheel's metadata says, read from the project's pyproject.toml."""

    name: str
    version: str
    summary: str
    requires_python: str
    requires: tuple[str, ...]  # the student's side only
    extras: dict[str, tuple[str, ...]]
    scripts: dict[str, str]

    @property
    def wheel_name(self) -> str:
        return f"{self.name}-{self.version}-py3-none-any.whl"


def _requirement_name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.match(r"\s*([A-Za-z0-9._-]+)", requirement).group(1)).lower()


def read_project(pyproject: Path) -> Project:
    """The student's view of the project: its dependencies less ``instructor-only``, the extras it names."""
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        project, release = data["project"], data["tool"]["dlgrader"]["release"]
        instructor_only = {_requirement_name(n) for n in release["instructor-only"]}
        return Project(project["name"], project["version"], project.get("description", ""),
                       project.get("requires-python", ""),
                       tuple(r for r in project["dependencies"] if _requirement_name(r) not in instructor_only),
                       {e: tuple(project["optional-dependencies"][e]) for e in release["extras"]},
                       dict(project.get("scripts", {})))
    except (OSError, KeyError, TypeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(Text(f"No pude leer el proyecto en {pyproject} ({type(exc).__name__}: {exc}).",
                               f"Could not read the project in {pyproject} ({type(exc).__name__}: {exc}).")) from exc


def _metadata(project: Project, readme: str) -> str:
    lines = ["Metadata-Version: 2.1", f"Name: {project.name}", f"Version: {project.version}",
             f"Summary: {project.summary}"]
    if project.requires_python:
        lines.append(f"Requires-Python: {project.requires_python}")
    lines += [f"Requires-Dist: {r}" for r in project.requires]
    for extra, requires in project.extras.items():
        lines.append(f"Provides-Extra: {extra}")
        lines += [f'Requires-Dist: {r}; extra == "{extra}"' for r in requires]
    lines.append("Description-Content-Type: text/markdown")
    return "\n".join(lines) + "\n\n" + readme


def _digest(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def wheel_files(engine: Path, assignments: Path, leave_out: tuple[str, ...] = ()) -> dict[str, Path]:
    """Archive name -> file: the engine's files but its folders ``leave_out`` (relative to it), and the
    public material under :data:`MATERIAL_IN_WHEEL`."""
    files = {}
    for base, prefix, skipped in ((engine, PACKAGE, leave_out), (assignments, MATERIAL_IN_WHEEL, ())):
        for path in sorted(p for p in base.rglob("*") if p.is_file()):
            rel = path.relative_to(base)
            if any(fnmatch.fnmatch(part, pattern) for part in rel.parts for pattern in SKIP):
                continue
            if not any(rel.is_relative_to(folder) for folder in skipped):
                files[f"{prefix}/{rel.as_posix()}"] = path
    return files


def write_wheel(folder: Path, project: Project, files: dict[str, Path], readme: str) -> Path:
    """Write ``project``'s wheel into ``folder`` with ``files`` (archive name -> file) and its metadata."""
    info = f"{project.name}-{project.version}.dist-info"
    entries = {name: path.read_bytes() for name, path in sorted(files.items())}
    entries[f"{info}/METADATA"] = _metadata(project, readme).encode()
    entries[f"{info}/WHEEL"] = (f"Wheel-Version: 1.0\nGenerator: {PACKAGE} release\nRoot-Is-Purelib: true\n"
                                "Tag: py3-none-any\n").encode()
    scripts = "".join(f"{name} = {target}\n" for name, target in project.scripts.items())
    entries[f"{info}/entry_points.txt"] = f"[console_scripts]\n{scripts}".encode()
    entries[f"{info}/top_level.txt"] = f"{PACKAGE}\n".encode()
    record = "".join(f"{name},{_digest(data)},{len(data)}\n" for name, data in entries.items())
    entries[f"{info}/RECORD"] = (record + f"{info}/RECORD,,\n").encode()
    path = folder / project.wheel_name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as wheel:
        for name, data in entries.items():
            member = zipfile.ZipInfo(name, _EPOCH)
            member.external_attr = 0o644 << 16
            member.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(member, data)
    return path
