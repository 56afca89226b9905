"""The ``dlgrader`` command: parse, call the API, render, pick the exit code. Nothing else.

Exit codes: 0 done; 1 checks failed (``check``); 2 bad input; 3 unsafe sandbox;
4 broken configuration (manifest, rubric, graders); 5 some submissions could not be graded;
6 another autograde holds the course.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys

from . import api
from .errors import DlgraderError, Interrupted
from .reports import submission
from .text import LANGS, Text


def _common(parser: argparse.ArgumentParser, default) -> None:
    """--root and --lang, accepted before or after the command (after it, SUPPRESS keeps what came before)."""
    parser.add_argument("--root", default=default(None),
                        help="course material folder (with assignments/, solutions/, graders/)")
    parser.add_argument("--lang", choices=LANGS, default=default("es"), help="language of messages (default: es)")


def _pair(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip() or not value.strip():
        raise argparse.ArgumentTypeError(f"expected ASSIGNMENT=TITLE or ASSIGNMENT=ID, not {text!r}")
    return key.strip(), value.strip()


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dlgrader", description="Autograded deep-learning exercises (es/en).")
    _common(p, lambda value: value)
    common = argparse.ArgumentParser(add_help=False)
    _common(common, lambda value: argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    sub.add_parser = functools.partial(sub.add_parser, parents=[common])

    c = sub.add_parser("check", help="student: run the public checks on your notebook")
    c.add_argument("assignment")
    c.add_argument("--notebook", help="notebook to check (default: the assignment's notebook in this folder, "
                                      "else in the course material)")
    c.add_argument("--student", help="your student id (quizzes draw your variant of each question from it)")

    g = sub.add_parser("grade", help="grade one submission with every check")
    g.add_argument("assignment")
    g.add_argument("submission", help=".ipynb notebook (or .py cell file)")
    g.add_argument("--json", action="store_true", help="print one JSON document")
    g.add_argument("--student", help="the student's id (quizzes grade that student's variant)")
    g.add_argument("--gradescope", metavar="RESULTS_JSON",
                   help="also write Gradescope's results.json (e.g. /autograder/results/results.json)")
    g.add_argument("--allow-weak-sandbox", action="store_true", help="grade even without strong isolation")

    a = sub.add_parser("autograde", help="grade a class into nbgrader's gradebook")
    a.add_argument("assignment")
    a.add_argument("--course", required=True, help="nbgrader course directory")
    a.add_argument("--jobs", type=int, default=None, help="parallel graders (default: all cores)")
    a.add_argument("--db", help="gradebook SQLAlchemy URL (default: sqlite in the course directory)")
    a.add_argument("--allow-weak-sandbox", action="store_true", help="grade even without strong isolation")
    a.add_argument("--force", action="store_true", help="regrade submissions already graded and unchanged")
    a.add_argument("--executor", choices=["processes", "dask"], default="processes",
                   help="where submissions are graded: local processes (default) or a Dask cluster's workers")
    a.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (with --executor dask)")

    gr = sub.add_parser("grades", help="final grades with a rubric")
    gr.add_argument("--course", required=True)
    gr.add_argument("--rubric", required=True)
    gr.add_argument("--db")
    gr.add_argument("--out", help="CSV file to write (default: COURSE/grades_RUBRIC.csv)")

    e = sub.add_parser("export", help="write a file the LMS imports")
    e.add_argument("--course", required=True)
    e.add_argument("--to", required=True, choices=["canvas", "moodle", "blackboard", "blackboard-xls", "gradescope"])
    e.add_argument("--rubric", help="add the final grade and apply the rubric's no_submission rule")
    e.add_argument("--identity", choices=["email", "username", "idnumber"], default="email",
                   help="Moodle: the user field that identifies students (default: email)")
    e.add_argument("--assignment", help="Gradescope: the assignment whose results.json files to write")
    e.add_argument("--template", metavar="DOWNLOAD.csv",
                   help="fill in the gradebook file downloaded from the LMS (ids and other columns untouched)")
    e.add_argument("--column", action="append", default=[], metavar="ASSIGNMENT=TITLE|ID", type=_pair,
                   help="the LMS column an assignment (or 'final') goes to, by title or by the LMS's id; repeatable")
    e.add_argument("--db")
    e.add_argument("--out")

    ro = sub.add_parser("roster", help="import the class list (names, e-mails, LMS ids) into the gradebook")
    ro.add_argument("action", choices=["import"])
    ro.add_argument("file", help="CSV with an id column and any of first_name, last_name, email, lms_user_id; "
                                 "or, with --lms, the gradebook file that LMS downloads")
    ro.add_argument("--course", required=True)
    ro.add_argument("--lms", choices=["canvas", "moodle", "blackboard"],
                    help="the file is this LMS's gradebook download (names, ids, e-mails from its columns)")
    ro.add_argument("--db")

    si = sub.add_parser("submissions", help="bring an LMS's 'download all submissions' into the course")
    si.add_argument("action", choices=["import"])
    si.add_argument("assignment")
    si.add_argument("archive", help="the LMS's download: a .zip file or the folder it was unpacked into")
    si.add_argument("--lms", required=True, choices=["canvas", "moodle", "blackboard", "folder"],
                    help="whose naming the download follows (folder: one <student>.ipynb or <student>/ each)")
    si.add_argument("--course", required=True)
    si.add_argument("--db")
    si.add_argument("--timezone", help="Blackboard: the server's time zone, e.g. America/Santiago (default: this "
                                       "machine's)")

    rp = sub.add_parser("report", help="feedback pages for students and a class page with figures (HTML)")
    rp.add_argument("--course", required=True)
    rp.add_argument("--rubric", help="add each student's grades and the grade distribution per evaluation")
    rp.add_argument("--db")
    rp.add_argument("--out", help="folder to write (default: COURSE/report)")

    fb = sub.add_parser("feedback", help="each student's feedback page, packed the way the LMS takes it back")
    fb.add_argument("assignment")
    fb.add_argument("--course", required=True)
    fb.add_argument("--to", required=True, choices=["moodle", "canvas", "blackboard", "folder"])
    fb.add_argument("--rubric", help="add each student's grades to their page")
    fb.add_argument("--db")
    fb.add_argument("--out", help="where to write (default: COURSE/lms/feedback/ASSIGNMENT)")

    sm = sub.add_parser("similarity", help="pairs of submissions whose code is suspiciously alike")
    sm.add_argument("assignment")
    sm.add_argument("--course", required=True)
    sm.add_argument("--threshold", type=float, default=0.8, help="similarity from 0 to 1 to flag (default: 0.8)")

    r = sub.add_parser("release", help="build the student bundle (nothing hidden)")
    r.add_argument("--out", required=True)

    d = sub.add_parser("demo", help="the whole pipeline on examples/")
    d.add_argument("assignments", nargs="*", help="only these assignments' example classes (default: all)")
    d.add_argument("--out", help="where to build the demo course (default: a new temporary folder)")
    d.add_argument("--jobs", type=int, default=None)

    n = sub.add_parser("new", help="scaffold a new assignment with a working example task (see CONTRIBUTING.md)")
    n.add_argument("assignment", help="its id: two digits and a name, e.g. 10_atencion")

    b = sub.add_parser("build", help="write the notebooks' grade cells (code and points) from assignment.toml")
    b.add_argument("assignments", nargs="*", help="only these assignments (default: all)")
    b.add_argument("--check", action="store_true", help="change nothing; exit 1 if a notebook is out of date")

    dr = sub.add_parser("doctor", help="what isolation this machine gives (and, with --course, what nbgrader uses)")
    dr.add_argument("--course", help="also say which gradebook, exchange and autograde this course's nbgrader uses")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    lang = args.lang
    try:
        return COMMANDS[args.command](args, lang)
    except DlgraderError as exc:
        print("error: " + exc.message(lang), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt as exc:  # Ctrl+C; autograde also turns SIGTERM and SIGHUP into an Interrupted
        stopped = exc if isinstance(exc, Interrupted) else Interrupted()
        print(stopped.message(lang), file=sys.stderr)
        return stopped.exit_code


def _tables():
    """The instructor's tables (reports/terminal.py), imported when used: they read nbgrader's gradebook."""
    from .reports import terminal

    return terminal


# One function per command: call the API, render what it returns, pick the exit code.

def _check(args, lang: str) -> int:
    result = api.check(args.assignment, args.notebook, root=args.root, student=args.student)
    print(submission.checked_line(result)(lang) + "\n")
    print(submission.submission_report(result, lang, public_only=True))
    return 0 if all(c.passed for c in result.checks) else 1


def _grade(args, lang: str) -> int:
    result = api.grade(args.assignment, args.submission, root=args.root, student=args.student,
                       allow_weak_sandbox=args.allow_weak_sandbox, gradescope=args.gradescope, lang=lang)
    print(json.dumps(result.to_json(lang), ensure_ascii=False, indent=2) if args.json
          else submission.submission_report(result, lang))
    return 0


def _autograde(args, lang: str) -> int:
    report = api.autograde(args.assignment, args.course, root=args.root, jobs=args.jobs,
                           allow_weak_sandbox=args.allow_weak_sandbox, db_url=args.db, force=args.force,
                           executor=args.executor, scheduler=args.scheduler, lang=lang)
    print(_tables().autograde_summary(report, lang))
    return 5 if report.failures else 0


def _grades(args, lang: str) -> int:
    print(_tables().grades_report(api.grades(args.course, args.rubric, db_url=args.db, out=args.out, root=args.root,
                                            lang=lang), lang))
    return 0


def _export(args, lang: str) -> int:
    written = api.export(args.course, args.to, rubric=args.rubric, db_url=args.db, out=args.out, root=args.root,
                         identity=args.identity, assignment=args.assignment, lang=lang, template=args.template,
                         columns=args.column)
    if args.template:
        from .reports.lms_tables import template_summary

        print(template_summary(written, lang))
    else:
        print(submission.WRITTEN(lang) + str(written))
    return 0


def _roster(args, lang: str) -> int:
    ids = api.import_roster(args.file, args.course, args.db, lms=args.lms)
    print(Text(f"{len(ids)} estudiantes en el libro de calificaciones.", f"{len(ids)} students in the gradebook.")(lang))
    return 0


def _submissions(args, lang: str) -> int:
    from .reports.lms_tables import import_summary

    report = api.import_submissions(args.assignment, args.archive, args.lms, args.course, root=args.root,
                                    db_url=args.db, timezone=args.timezone)
    print(import_summary(report, lang))
    return 0


def _report(args, lang: str) -> int:
    index = api.report(args.course, out=args.out, rubric=args.rubric, root=args.root, db_url=args.db, lang=lang)
    print(submission.WRITTEN(lang) + str(index))
    return 0


def _feedback(args, lang: str) -> int:
    from .reports.lms_tables import feedback_summary

    print(feedback_summary(api.feedback(args.assignment, args.course, args.to, rubric=args.rubric, root=args.root,
                                        db_url=args.db, out=args.out, lang=lang), lang))
    return 0


def _similarity(args, lang: str) -> int:
    from .reports.similarity import similarity_report

    print(similarity_report(api.similarity(args.assignment, args.course, root=args.root, threshold=args.threshold),
                            lang))
    return 0


def _release(args, lang: str) -> int:
    print(Text("Paquete para estudiantes en ", "Student bundle in ")(lang) + str(api.release(args.out, root=args.root)))
    return 0


def _demo(args, lang: str) -> int:
    def started(sandbox, course):
        print(_tables().demo_header(sandbox, course, lang))

    def graded(report, grades, scale):
        print()
        print(_tables().autograde_summary(report, lang, grades=grades, scale=scale))

    result = api.demo(args.out, root=args.root, jobs=args.jobs, lang=lang, only=args.assignments,
                      on_start=started, on_class=graded)
    print()
    print(_tables().demo_files(result, lang))
    return 5 if result.failures else 0


def _new(args, lang: str) -> int:
    for path in api.new(args.assignment, root=args.root):
        print(submission.WRITTEN(lang) + str(path))
    print(Text(f"Reemplaza la tarea de ejemplo por la tuya y corre las pruebas: CONTRIBUTING.md. Agrega "
               f"{args.assignment} a una evaluación de cada rúbrica (rubric/*.yaml).",
               f"Replace the example task with yours and run the tests: CONTRIBUTING.md. Add {args.assignment} "
               "to an evaluation of each rubric (rubric/*.yaml).")(lang))
    return 0


def _build(args, lang: str) -> int:
    paths = api.build(args.assignments, root=args.root, check_only=args.check)
    verb = Text("desactualizado", "out of date") if args.check else Text("reescrito", "rewritten")
    for path in paths:
        print(f"{verb(lang)}: {path}")
    if not paths:
        print(Text("Los notebooks están al día.", "The notebooks are up to date.")(lang))
    for line in _tables().unrated_warnings(api.unrated(args.root), lang):
        print(line, file=sys.stderr)
    return 1 if args.check and paths else 0


def _doctor(args, lang: str) -> int:
    print(_tables().doctor_report(api.doctor(args.course, root=args.root), lang))
    return 0


COMMANDS = {"check": _check, "grade": _grade, "autograde": _autograde, "grades": _grades, "export": _export,
            "roster": _roster, "submissions": _submissions, "report": _report, "feedback": _feedback,
            "similarity": _similarity, "release": _release, "demo": _demo, "new": _new, "build": _build,
            "doctor": _doctor}


if __name__ == "__main__":
    sys.exit(main())
