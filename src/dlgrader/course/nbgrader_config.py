"""The course's ``nbgrader_config.py``: nbgrader's tools find the course, its gradebook and exchange, and dlgrader.

nbgrader runs the file as Python (traitlets' ``PyFileConfigLoader``, which puts ``__file__`` in its
namespace), so paths are computed from the file's own folder: a course copied or moved uses its own
gradebook. The last lines hand nbgrader's autograde to dlgrader (``dlgrader.nbgrader_autograde``).
"""

from __future__ import annotations

from pathlib import Path

from ..material.paths import find_material
from .gradebook import sqlite_url

CONFIG = "nbgrader_config.py"
PREPROCESSOR = "dlgrader.nbgrader_autograde.GradeWithDlgrader"  # what makes nbgrader's autograde grade with dlgrader
MARKER = "# Written by dlgrader: delete this line to keep your own changes when dlgrader runs again."


def _default_db(root: Path) -> str:
    return sqlite_url(root / "gradebook.db")


def _db_line(root: Path, db_url: str) -> str:
    if db_url == _default_db(root):  # the default gradebook follows the folder
        return "c.CourseDirectory.db_url = 'sqlite:///' + os.path.join(here, 'gradebook.db')\n"
    return f"c.CourseDirectory.db_url = {db_url!r}\n"


def dlgrader_block(material: Path) -> str:
    """The lines that make nbgrader's autograde (and formgrader's Autograde button) grade with dlgrader."""
    return ("from dlgrader.nbgrader_autograde import configure as dlgrader_configure  # noqa: E402\n"
            f"dlgrader_configure(c, material={str(material)!r})\n")


def _config_text(root: Path, course_id: str, db_url: str, material: Path) -> str:
    """A course's nbgrader_config.py: paths follow the file, so a copied or moved course uses its own files."""
    return (f"{MARKER}\n"
            "# nbgrader's tools (formgrader, nbgrader autograde and validate, the exchange) work in the folder that\n"
            "# holds this file, wherever it is copied or moved, and grade with dlgrader (README: JupyterHub y formgrader).\n"
            "import os\n\n"
            "c = get_config()  # noqa: F821 (nbgrader provides it)\n"
            "here = os.path.dirname(os.path.abspath(__file__))\n"
            "c.CourseDirectory.root = here\n"
            f"c.CourseDirectory.course_id = {course_id!r}\n"
            + _db_line(root, db_url)
            + "# a single-user exchange; on JupyterHub use a shared folder instead (README)\n"
            "c.Exchange.root = os.path.join(here, 'exchange')\n\n"
            + dlgrader_block(material))


def write_config(root: Path, course_id: str, db_url: str, material: Path) -> None:
    """Write dlgrader's nbgrader_config.py, or extend an instructor's own with the dlgrader lines, never replace it.

    A file without dlgrader's first line is the instructor's: the dlgrader lines are appended once (it is a Python
    file nbgrader runs; later lines win). A file that cannot be written is left alone (``dlgrader doctor`` says what
    to add).
    """
    config = root / CONFIG
    try:
        if not config.exists() or config.read_text(encoding="utf-8").startswith(MARKER):
            config.write_text(_config_text(root, course_id, db_url, material), encoding="utf-8")
        elif "dlgrader_configure(" not in config.read_text(encoding="utf-8"):
            with config.open("a", encoding="utf-8") as fh:
                fh.write("\n# Added by dlgrader: nbgrader's autograde grades with dlgrader.\n"
                         "c = get_config()  # noqa: F821\n" + dlgrader_block(material))
    except OSError:
        pass


def course_setup(course_dir: str | Path) -> dict:
    """What nbgrader's tools use in a course folder, read from its nbgrader_config.py as nbgrader loads it.

    Returns the gradebook URL, the course root, the exchange folder and whether autograde grades with dlgrader
    (``None`` values where the file sets nothing and nbgrader falls back to its defaults).
    """
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange.default.exchange import Exchange
    from traitlets.config.loader import PyFileConfigLoader

    folder = Path(course_dir).resolve()
    if not (folder / CONFIG).is_file():
        return {"config": None}
    config = PyFileConfigLoader(CONFIG, path=str(folder)).load_config()
    coursedir = CourseDirectory(config=config)
    graded = any(f"{getattr(p, '__module__', '')}.{getattr(p, '__name__', p)}" == PREPROCESSOR
                 for p in config.Autograde.get("autograde_preprocessors", []))
    return {"config": str(folder / CONFIG), "root": coursedir.root or str(folder),
            "db_url": coursedir.db_url, "course_id": coursedir.course_id,
            "exchange": Exchange(config=config).root, "dlgrader_autograde": graded,
            "add": None if graded else dlgrader_block(find_material().root)}
