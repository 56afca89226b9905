"""The one Python API: every ``dlgrader`` command is a function here that returns data.

The CLI (cli.py) parses arguments, calls one of these, renders what it returns and
maps errors to exit codes; nothing else. Policy lives here, so every caller gets it:
grading for the record (:func:`grade`, :func:`autograde`) refuses weak isolation unless
told ``allow_weak_sandbox``; a student's own public check (:func:`check`) never does,
since it is their own code on their own machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping

from .errors import ConfigError, DlgraderError
from .grading.submission import grade_submission
from .material.paths import find_material
from .results import SubmissionResult
from .sandbox import probe
from .sandbox.isolation import Sandbox, require
from .sandbox.portable import PORTABLE
from .text import Text

if TYPE_CHECKING:  # the instructor's side (nbgrader, the rubric) is imported when used: a student's check is quick
    from .course.grades import Grades
    from .grading.batch import AutogradeReport
    from .lms.feedback import FeedbackExport
    from .lms.submissions import ImportReport
    from .lms.template import FilledTemplate


def grade_file(assignment_id: str, path: str | Path, *, root: str | Path | None = None, sandbox: Sandbox | None = None,
               public_only: bool = False, student: str | None = None, release: Path | None = None,
               replays: bool = False) -> SubmissionResult:
    """Grade one submission with the sandbox given (else the strongest found); the caller decides the policy.

    ``replays``: worth it when this process grades many submissions (see grading/replay.py); same verdicts.
    """
    material = find_material(root)
    return grade_submission(material, material.assignment(assignment_id), path, sandbox=sandbox,
                            public_only=public_only, student=student, release=release, replays=replays)


def check(assignment_id: str, notebook: str | Path | None = None, *, root: str | Path | None = None,
          student: str | None = None) -> SubmissionResult:
    """A student's own run of the public checks on their saved notebook; never refused for weak isolation.

    Their own code on their own machine, any OS: a plain worker process (sandbox/portable.py), no sandbox.
    ``notebook``: by default the assignment's notebook in the current folder (where Jupyter or nbgrader's
    fetch put it), else the course material's. ``student``: their id, for the quiz's per-student variants.
    """
    material = find_material(root)
    assignment = material.assignment(assignment_id)
    here = Path.cwd() / assignment.notebook
    path = Path(notebook) if notebook else here if here.is_file() else assignment.notebook_path
    return grade_file(assignment_id, path, root=material.root, public_only=True, student=student, sandbox=PORTABLE)


def grade(assignment_id: str, submission: str | Path, *, root: str | Path | None = None, student: str | None = None,
          allow_weak_sandbox: bool = False, gradescope: str | Path | None = None, lang: str = "es") -> SubmissionResult:
    """Grade one submission for the record, with every check; refused on weak isolation unless allowed.

    A weakly isolated submission could read the hidden solutions or write Gradescope's results itself.
    ``gradescope``: also write Gradescope's ``results.json`` there.
    """
    sandbox = probe.detect()
    require(sandbox, allow_weak_sandbox)
    result = grade_file(assignment_id, submission, root=root, student=student, sandbox=sandbox)
    if gradescope:
        from .lms.gradescope import write_gradescope_results

        write_gradescope_results(gradescope, result, lang)
    return result


def autograde(assignment_id: str, course: str | Path, **options) -> "AutogradeReport":
    """Grade a class into nbgrader's gradebook (grading/batch.py; refused on weak isolation unless allowed)."""
    from .grading.batch import autograde as grade_class

    return grade_class(assignment_id, course, **options)


def grades(course: str | Path, rubric: str | Path, *, db_url: str | None = None, out: str | Path | None = None,
           root: str | Path | None = None, lang: str = "es") -> "Grades":
    """Final grades through the rubric, written as CSV (default: ``COURSE/grades_RUBRIC.csv``)."""
    from .course.grades import grades_with

    return grades_with(course, rubric, out, db_url=db_url, root=root, lang=lang)


def export(course: str | Path, to: str, *, columns: Iterable[tuple[str, str]] | Mapping[str, str] = (),
           **options) -> "Path | FilledTemplate":
    """The file (or folder) an LMS imports (lms/export.py); with ``template``, the LMS's download filled in.

    ``columns``: (assignment id or "final", the LMS column's title or id) pairs; an assignment given twice is
    refused. Returns the path written, or with ``template`` a ``FilledTemplate`` saying what changed.
    """
    from .lms.export import export as write

    pairs = list(columns.items() if isinstance(columns, Mapping) else columns)
    keys = [key for key, _ in pairs]
    twice = sorted({key for key in keys if keys.count(key) > 1})
    if twice:
        raise ConfigError(Text(f"--column {twice[0]} aparece dos veces.", f"--column {twice[0]} is given twice."))
    return write(course, to, columns=dict(pairs), **options)


def import_submissions(assignment_id: str, archive: str | Path, lms: str, course: str | Path, *,
                       root: str | Path | None = None, db_url: str | None = None,
                       timezone: str | None = None) -> "ImportReport":
    """An LMS's "download all submissions" (zip or folder) into ``submitted/`` (lms/submissions.py)."""
    from .lms.submissions import import_submissions as bring

    return bring(find_material(root).assignment(assignment_id), archive, lms, course, db_url=db_url,
                 timezone=timezone)


def import_roster(file: str | Path, course: str | Path, db_url: str | None = None,
                  lms: str | None = None) -> list[str]:
    """Names, e-mails and LMS ids into the gradebook; returns the student ids.

    ``lms``: the file is that LMS's gradebook download (lms/roster.py), not a class list of dlgrader's columns.
    """
    from .course.roster import import_roster as load, import_rows

    if lms is None:
        return load(file, course, db_url)
    from .lms.roster import roster_from_download

    return import_rows(lambda path: roster_from_download(path, lms), file, course, db_url)


def report(course: str | Path, **options) -> Path:
    """Feedback pages per student and a class page (reports/html.py); returns the class page."""
    from .reports.html import write_report

    return write_report(course, **options)


def feedback(assignment_id: str, course: str | Path, to: str, *, rubric: str | Path | None = None,
             root: str | Path | None = None, db_url: str | None = None, out: str | Path | None = None,
             lang: str = "es") -> "FeedbackExport":
    """Each student's feedback page (``report``'s, rebuilt first) packed for the LMS (lms/feedback.py)."""
    from .lms.feedback import write_feedback

    index = report(course, rubric=rubric, root=root, db_url=db_url, lang=lang)
    return write_feedback(course, assignment_id, to, Path(index).parent / "estudiantes", out=out, lang=lang)


def similarity(assignment_id: str, course: str | Path, *, root: str | Path | None = None, threshold: float = 0.8):
    """Pairs of submissions whose normalised code is suspiciously alike (reports/similarity.py)."""
    from .reports.similarity import similar_pairs

    return similar_pairs(course, assignment_id, root=root, threshold=threshold)


def release(out: str | Path, *, root: str | Path | None = None) -> Path:
    """The student bundle: public material and the engine, nothing hidden."""
    from .material.release import build_release

    return build_release(out, root=root)


def build(assignment_ids: list[str] | tuple[str, ...] = (), *, root: str | Path | None = None,
          check_only: bool = False) -> list[Path]:
    """Write the notebooks' grade cells from assignment.toml (all assignments by default); the files changed.

    ``check_only``: change nothing, return the notebooks that are out of date.
    """
    from .material.build import build as write, stale_notebooks

    material = find_material(root)
    step = stale_notebooks if check_only else write
    return [p for aid in (assignment_ids or material.assignment_ids()) for p in step(material.assignment(aid))]


def new(assignment_id: str, *, root: str | Path | None = None) -> list[Path]:
    """Scaffold a new assignment with a working example task (material/scaffold.py); the files written."""
    from .material.scaffold import new_assignment

    return new_assignment(find_material(root).root if root is None else root, assignment_id)


def unrated(root: str | Path | None = None) -> dict[str, list[str]]:
    """Assignments a course's rubrics neither grade nor mark ``not_graded`` (they count nowhere): rubric -> ids.

    Only when the material has rubrics (``rubric/*.yaml``); an unreadable rubric is the rubric command's to report.
    """
    import yaml

    material = find_material(root)
    missing = {}
    for path in sorted((material.root / "rubric").glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            listed = {str(a) for e in data.get("evaluations") or [] for a in (e.get("assignments") or [])}
            listed |= {str(a) for a in data.get("not_graded") or []}  # left out on purpose
        except (yaml.YAMLError, AttributeError, TypeError):
            continue
        left = [aid for aid in material.assignment_ids() if aid not in listed]
        if left:
            missing[path.name] = left
    return missing


@dataclass
class Doctor:
    """What isolation this machine gives and, for a course, what nbgrader's tools use there."""

    sandbox: Sandbox
    course: dict | None = None
    unrated: dict[str, list[str]] | None = None  # rubric file -> assignments it does not list


def doctor(course: str | Path | None = None, *, root: str | Path | None = None) -> Doctor:
    setup = None
    if course is not None:
        from .course.nbgrader_config import course_setup

        setup = course_setup(course)
    try:
        missing = unrated(root)
    except DlgraderError:  # no course material here (a student's machine): nothing to say about rubrics
        missing = None
    return Doctor(probe.detect(), setup, missing)


def demo(out: str | Path | None = None, **options):
    """The whole pipeline on examples/ in a throw-away course (demo.py)."""
    from .demo import run_demo

    return run_demo(out, **options)
