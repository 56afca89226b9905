"""Build the student bundle: the public assignments plus the engine, nothing hidden.

The bundle is an allow-list (``assignments/``, ``src/dlgrader/``, ``pyproject.toml``,
a student README), never a copy-then-delete, so a new hidden folder can't leak by
being forgotten. :func:`leaks` scans a bundle for hidden material.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import DlgraderError
from ..text import Text
from .notebook import read_cell_file
from .paths import Material, find_material

STUDENT_README = """# Curso de Deep Learning — tareas

1. Instala: `python -m venv .venv && . .venv/bin/activate && pip install -e .`
   (en Windows: `.venv\\Scripts\\activate`).
2. Abre `assignments/NN_x/NN_x.ipynb` en Jupyter y completa las funciones.
3. Comprueba tu trabajo: ejecuta la última celda del notebook o `dlgrader check NN_x`
   (`--lang en` para inglés). Las verificaciones públicas son solo una parte: al entregar,
   verificaciones ocultas revisarán más casos.
"""

ENGINE = Path(__file__).resolve().parents[1]  # src/dlgrader: every subpackage ships
_SKIPPED = ("__pycache__", "*.pyc", ".ipynb_checkpoints", "*.egg-info")
_SKIP = shutil.ignore_patterns(*_SKIPPED)


def build_release(out: str | Path, *, root: str | Path | None = None) -> Path:
    material = find_material(root)
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise DlgraderError(Text(f"La carpeta {out} ya existe y no está vacía; elige otra con --out.",
                                 f"The folder {out} exists and is not empty; choose another with --out."))
    out.mkdir(parents=True, exist_ok=True)
    shutil.copytree(material.assignments, out / "assignments", ignore=_SKIP, dirs_exist_ok=True)
    # the engine without the instructor's scaffold (material/templates: an example reference, mutants)
    shutil.copytree(ENGINE, out / "src" / "dlgrader", ignore=shutil.ignore_patterns(*_SKIPPED, "templates"))
    pyproject = material.root / "pyproject.toml"
    if pyproject.is_file():
        shutil.copy2(pyproject, out / "pyproject.toml")
    (out / "README.md").write_text(STUDENT_README, encoding="utf-8")
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


def leaks(bundle: Path, material: Material) -> list[str]:
    """Files of the bundle that come from hidden folders or contain reference code."""
    hidden_names = {p.name for d in material.hidden_dirs() for p in d.rglob("*") if p.is_file()}
    bodies = _bodies(material)
    found = []
    for f in sorted(p for p in bundle.rglob("*") if p.is_file()):
        rel = f.relative_to(bundle)
        if rel.parts[0] in ("solutions", "graders", "tests", "examples") or "mutants" in rel.parts:
            found.append(str(rel))
            continue
        if f.name in hidden_names and f.name.startswith("test_"):
            found.append(str(rel))
            continue
        try:
            text = f.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        if any(b in text for b in bodies):
            found.append(str(rel))
    return found
