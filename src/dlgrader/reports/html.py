"""``dlgrader report``: a feedback page per student on the roster and a class page for the instructor, as HTML.

``report/index.html`` (reports/class_page.py) and ``report/estudiantes/<id>.html`` (reports/student_page.py),
each one self-contained file: styles inline and figures embedded as SVG, so the folder works offline, can
be zipped or handed to an LMS page by page, and prints. Built only from what autograde saved and the
gradebook (reports/view.py), never from grader source or the reference.
"""

from __future__ import annotations

from pathlib import Path

from .class_page import class_page, mistakes
from .student_page import student_page
from .view import load_view

__all__ = ["write_report", "mistakes"]


def write_report(course_dir, *, out: str | Path | None = None, rubric: str | Path | None = None, root=None,
                 db_url: str | None = None, lang: str = "es") -> Path:
    """Write ``report/index.html`` and ``report/estudiantes/<id>.html`` for every student; returns the index."""
    course_dir = Path(course_dir)
    view = load_view(course_dir, rubric=rubric, root=root, db_url=db_url)
    folder = Path(out) if out else course_dir / "report"
    (folder / "estudiantes").mkdir(parents=True, exist_ok=True)
    for s in view.students:
        (folder / "estudiantes" / f"{s['id']}.html").write_text(student_page(view, s["id"], lang), encoding="utf-8")
    index = folder / "index.html"
    index.write_text(class_page(view, lang), encoding="utf-8")
    return index
