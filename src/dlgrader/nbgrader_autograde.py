"""nbgrader's own autograde grades with dlgrader: a preprocessor in place of ``Execute``.

``nbgrader autograde`` and formgrader's Autograde button (``NbGraderAPI.autograde``)
run ``Autograde.autograde_preprocessors`` (configurable, ``nbgrader/converters/autograde.py``)
on the sanitized copy of a submission: ``Execute`` runs every cell in a kernel, then
``SaveAutoGrades`` stores each grade cell's score as ``determine_grade``
(``nbgrader/utils.py``) reads it from the cell's outputs. :class:`GradeWithDlgrader`
takes ``Execute``'s place: no student code runs in nbgrader's kernel; the notebook is
graded in dlgrader's sandbox, and each grade cell gets the outputs that make
``determine_grade`` read exactly dlgrader's score for that check:

- ``determine_grade`` stops at the first output that is an error, a ``stderr``
  stream or an ``execute_result``; an error or stderr scores 0;
- an ``execute_result`` whose ``text/plain`` is a number from 0 to the cell's
  points scores that number, one above the points raises, and anything else
  (not a number, negative) scores *full* marks.

So a grade cell gets the feedback on ``stdout``, then exactly one ``execute_result``
holding dlgrader's points as a plain decimal. The result is also saved where
``dlgrader autograde`` saves it (reports, and a later ``dlgrader autograde`` that
finds the submission unchanged), and the copy formgrader shows is defanged as
dlgrader's own (course/formgrader.py). A notebook nbgrader cannot read (not JSON) never
reaches a preprocessor: nbgrader fails it as before, and :func:`explain_unreadable`,
its ``pre_convert_hook``, logs dlgrader's one-line reason first.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import nbformat
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, IgnorePattern, LimitOutput,
                                    NbGraderPreprocessor, SaveAutoGrades)
from nbconvert.preprocessors import ClearMetadataPreprocessor
from traitlets import Bool, Unicode
from traitlets.config import Application

from .api import grade_file
from .course.folders import read_timestamp, release_notebook
from .course.formgrader import defang, escape_markdown, score_outputs
from .course.store import fingerprint, write_result
from .material.notebook import read_json_notebook
from .material.paths import find_material
from .results import SubmissionResult
from .sandbox.isolation import require
from .sandbox.probe import detect


class GradeWithDlgrader(NbGraderPreprocessor):
    """Grade the notebook in dlgrader's sandbox and write each grade cell's score as its outputs."""

    root = Unicode("", help="The course material (assignments/, graders/, solutions/); default: found as "
                            "dlgrader finds it.").tag(config=True)
    allow_weak_sandbox = Bool(False, help="Grade even without strong isolation (a weakly isolated submission "
                                          "could read the hidden solutions).").tag(config=True)
    lang = Unicode("es", help="Language of the feedback written into the notebook (es or en).").tag(config=True)

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        aid, student = info["assignment"], info["student"]
        material = find_material(self.root or None)
        assignment = material.assignment(aid)
        sandbox = detect()
        require(sandbox, self.allow_weak_sandbox)
        course_dir = self._course_dir()
        release = release_notebook(course_dir, assignment)
        submitted = Path(course_dir) / "submitted" / student / aid / f"{info['notebook']}.ipynb"
        with tempfile.TemporaryDirectory(prefix="dlgrader-nbgrader-") as tmp:
            path = Path(tmp) / f"{info['notebook']}.ipynb"
            nbformat.write(nb, path)
            result = grade_file(aid, path, root=material.root, sandbox=sandbox, student=student, release=release,
                                replays=True)
        result.source = str(submitted)
        self._write(nb, result)
        stamp = read_timestamp(submitted.parent)
        write_result(course_dir, result, fingerprint(submitted if submitted.is_file() else None, stamp))
        self.log.info("dlgrader: %s %s: %g/%g", student, aid, result.score, result.max_score)
        return nb, resources

    def _course_dir(self) -> str:
        """The course root nbgrader is working in (the converter's), else as the configuration gives it."""
        converter = getattr(self.parent, "parent", None)
        coursedir = getattr(converter, "coursedir", None) or CourseDirectory(parent=self)
        return coursedir.root or "."

    def _write(self, nb, result: SubmissionResult) -> None:
        checks = {c.id: c for c in result.checks}
        for cell in nb.cells:
            defang(cell)
            meta = cell.metadata.get("nbgrader", {})
            if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
                cell.outputs = [nbformat.from_dict(o) for o in score_outputs(checks.get(meta.get("grade_id")),
                                                                                      self.lang)]
        if result.problems:
            note = "**dlgrader:** " + " ".join(escape_markdown(p(self.lang)) for p in result.problems)
            nb.cells.insert(0, nbformat.v4.new_markdown_cell(note))


def explain_unreadable(assignment: str, student: str, notebooks: list[str]) -> None:
    """nbgrader's ``pre_convert_hook``: say in its log why dlgrader could not read a notebook, before nbgrader fails."""
    log = Application.instance().log if Application.initialized() else logging.getLogger("dlgrader")
    for nb_path in notebooks:
        nb, reason = read_json_notebook(Path(nb_path))
        if nb is None:
            log.error("dlgrader: %s: %s", nb_path, reason("es"))


# nbgrader's own pipeline (Autograde.autograde_preprocessors in nbgrader 0.9) with Execute replaced.
PIPELINE = [GradeWithDlgrader, IgnorePattern, ClearMetadataPreprocessor, LimitOutput, SaveAutoGrades,
            AssignLatePenalties, CheckCellMetadata]


def configure(c, *, material: str | None = None, allow_weak_sandbox: bool = False) -> None:
    """What a course's ``nbgrader_config.py`` calls so that nbgrader's autograde grades with dlgrader."""
    c.Autograde.autograde_preprocessors = PIPELINE
    c.Autograde.pre_convert_hook = explain_unreadable
    if material:
        c.GradeWithDlgrader.root = str(material)
    c.GradeWithDlgrader.allow_weak_sandbox = allow_weak_sandbox


