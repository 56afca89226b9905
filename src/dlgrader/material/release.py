"""Build the student bundle: the public assignments and a wheel of the engine carrying them, nothing hidden.

The bundle is an allow-list (``assignments/``, the wheel of :mod:`.wheel`, a student README taken from
the project README's "Para estudiantes" section), never a copy-then-delete, so a new hidden folder can't
leak by being forgotten. :func:`leaks` scans a bundle, the wheel's contents included, for hidden material.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from ..errors import ConfigError, DlgraderError
from ..text import Text
from .notebook import read_cell_file
from .paths import Material, find_material
from .wheel import SKIP, read_project, wheel_files, write_wheel

ENGINE = Path(__file__).resolve().parents[1]  # src/dlgrader: every subpackage ships
STUDENTS_HEADING = "## Para estudiantes"
_SKIP = shutil.ignore_patterns(*SKIP)
_HIDDEN_FOLDERS = {"solutions", "graders", "mutants"}
# the instructor's scaffold (dlgrader new: an example reference, its mutants) stays out of the students' wheel
INSTRUCTOR_ONLY = ("material/templates",)


def _project_dir(material: Material) -> Path:
    """The checkout whose pyproject.toml describes this engine (beside src/, or the course material's root)."""
    for folder in (ENGINE.parents[1], material.root):
        if (folder / "pyproject.toml").is_file() and (folder / "README.md").is_file():
            return folder
    raise ConfigError(Text(f"No encuentro pyproject.toml y README.md de dlgrader junto a {ENGINE} ni en "
                           f"{material.root}.",
                           f"Cannot find dlgrader's pyproject.toml and README.md beside {ENGINE} or in "
                           f"{material.root}."))


def student_readme(project_readme: str) -> str:
    """The bundle's README: the project README's section for students, as it stands."""
    start = project_readme.find(STUDENTS_HEADING)
    if start < 0:
        raise ConfigError(Text(f"El README no tiene la sección «{STUDENTS_HEADING}».",
                               f"The README has no «{STUDENTS_HEADING}» section."))
    end = project_readme.find("\n## ", start + len(STUDENTS_HEADING))
    body = project_readme[start + len(STUDENTS_HEADING):end if end >= 0 else None].strip()
    return "# Curso de Deep Learning — tareas\n\n" + body + "\n"


def build_release(out: str | Path, *, root: str | Path | None = None) -> Path:
    material = find_material(root)
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise DlgraderError(Text(f"La carpeta {out} ya existe y no está vacía; elige otra con --out.",
                                 f"The folder {out} exists and is not empty; choose another with --out."))
    project_dir = _project_dir(material)
    readme = student_readme((project_dir / "README.md").read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    shutil.copytree(material.assignments, out / "assignments", ignore=_SKIP, dirs_exist_ok=True)
    (out / "README.md").write_text(readme, encoding="utf-8")
    files = wheel_files(ENGINE, material.assignments, leave_out=INSTRUCTOR_ONLY)
    write_wheel(out, read_project(project_dir / "pyproject.toml"), files, readme)
    found = leaks(out, material)
    if found:
        shutil.rmtree(out)
        raise DlgraderError(Text(f"La entrega a estudiantes filtraría material oculto ({found[0]}); no se generó.",
                                 f"The student bundle would leak hidden material ({found[0]}); nothing was written."))
    return out


def _bodies(material: Material) -> list[str]:
    """Distinctive lines of every reference cell: a leak shows up as one of them."""
    lines = []
    sol = material.root / "solutions"
    for path in sorted(sol.glob("*/solution.py")) if sol.is_dir() else []:
        for source in read_cell_file(path).values():
            for ln in source.splitlines():
                s = ln.strip()
                if len(s) >= 25 and not s.startswith(("def ", "#", '"""', "return", "import", "from ")):
                    lines.append(s)
    return lines


def _contents(bundle: Path):
    """(name, parts, bytes) of every file of the bundle and of every member of a wheel in it."""
    for f in sorted(p for p in bundle.rglob("*") if p.is_file()):
        rel = f.relative_to(bundle)
        yield str(rel), rel.parts, f.read_bytes()
        if f.suffix == ".whl":
            with zipfile.ZipFile(f) as wheel:
                for member in wheel.namelist():
                    yield f"{rel}/{member}", tuple(member.split("/")), wheel.read(member)


def leaks(bundle: Path, material: Material) -> list[str]:
    """Files of the bundle (and members of its wheel) that come from hidden folders or contain reference code."""
    hidden_names = {p.name for d in material.hidden_dirs() for p in d.rglob("*") if p.is_file()}
    bodies = _bodies(material)
    found = []
    for name, parts, data in _contents(bundle):
        if parts[0] in ("tests", "examples") or _HIDDEN_FOLDERS & set(parts):
            found.append(name)
            continue
        if parts[-1] in hidden_names and parts[-1].startswith("test_"):
            found.append(name)
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if any(b in text for b in bodies):
            found.append(name)
    return found
