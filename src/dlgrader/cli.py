"""The ``dlgrader`` command: parse, call the API, render, pick the exit code. Nothing else.

Exit codes: 0 done; 1 checks failed (``check``); 2 bad input; 3 unsafe sandbox;
4 broken configuration (manifest, rubric, graders); 5 some submissions could not be graded;
6 another autograde holds the course.
"""

from __future__ import annotations

import argparse
import json
import sys

from .errors import DlgraderError, Interrupted
from .text import LANGS, Text


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dlgrader", description="Autograded deep-learning exercises (es/en).")
    p.add_argument("--root", help="course material folder (with assignments/, solutions/, graders/)")
    p.add_argument("--lang", choices=LANGS, default="es", help="language of messages (default: es)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    c = sub.add_parser("check", help="student: run the public checks on your notebook")
    c.add_argument("assignment")
    c.add_argument("--notebook", help="notebook to check (default: the assignment's notebook)")
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
    e.add_argument("--db")
    e.add_argument("--out")

    ro = sub.add_parser("roster", help="import the class list (names, e-mails, LMS ids) into the gradebook")
    ro.add_argument("action", choices=["import"])
    ro.add_argument("file", help="CSV with an id column and any of first_name, last_name, email, lms_user_id")
    ro.add_argument("--course", required=True)
    ro.add_argument("--db")

    rp = sub.add_parser("report", help="feedback pages for students and a class page with figures (HTML)")
    rp.add_argument("--course", required=True)
    rp.add_argument("--rubric", help="add each student's grades and the grade distribution per evaluation")
    rp.add_argument("--db")
    rp.add_argument("--out", help="folder to write (default: COURSE/report)")

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
        return _run(args, lang)
    except DlgraderError as exc:
        print("error: " + exc.message(lang), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt as exc:  # Ctrl+C; autograde also turns SIGTERM and SIGHUP into an Interrupted
        stopped = exc if isinstance(exc, Interrupted) else Interrupted()
        print(stopped.message(lang), file=sys.stderr)
        return stopped.exit_code


def _run(args, lang: str) -> int:
    from .reports.terminal import WRITTEN, submission_report

    if args.command == "check":
        from .api import check_notebook

        result = check_notebook(args.assignment, args.notebook, root=args.root, student=args.student)
        print(submission_report(result, lang, public_only=True))
        return 0 if all(c.passed for c in result.checks) else 1
    if args.command == "grade":
        from .api import grade_file
        from .sandbox.isolation import require
        from .sandbox.probe import detect

        sandbox = detect()
        require(sandbox, args.allow_weak_sandbox)  # as autograde: a weak worker could read solutions/
        result = grade_file(args.assignment, args.submission, root=args.root, student=args.student, sandbox=sandbox)
        if args.gradescope:
            from .lms.gradescope import write_gradescope_results

            write_gradescope_results(args.gradescope, result, lang)
        if args.json:
            print(json.dumps(result.to_json(lang), ensure_ascii=False, indent=2))
        else:
            print(submission_report(result, lang))
        return 0
    if args.command == "autograde":
        from .grading.batch import autograde
        from .reports.terminal import autograde_summary

        report = autograde(args.assignment, args.course, root=args.root, jobs=args.jobs,
                           allow_weak_sandbox=args.allow_weak_sandbox, db_url=args.db, force=args.force,
                           executor=args.executor, scheduler=args.scheduler, lang=lang)
        print(autograde_summary(report, lang))
        return 5 if report.failures else 0
    if args.command == "grades":
        from .reports.terminal import write_grades

        print(write_grades(args.course, args.rubric, db_url=args.db, out=args.out, root=args.root, lang=lang))
        return 0
    if args.command == "export":
        from .lms.export import export

        path = export(args.course, args.to, rubric=args.rubric, db_url=args.db, out=args.out, root=args.root,
                      identity=args.identity, assignment=args.assignment, lang=lang)
        print(WRITTEN(lang) + str(path))
        return 0
    if args.command == "roster":
        from .course.roster import import_roster

        ids = import_roster(args.file, args.course, args.db)
        print(Text(f"{len(ids)} estudiantes en el libro de calificaciones.",
                   f"{len(ids)} students in the gradebook.")(lang))
        return 0
    if args.command == "report":
        from .reports.html import write_report

        index = write_report(args.course, out=args.out, rubric=args.rubric, root=args.root, db_url=args.db, lang=lang)
        print(WRITTEN(lang) + str(index))
        return 0
    if args.command == "similarity":
        from .reports.similarity import similar_pairs, similarity_report

        pairs = similar_pairs(args.course, args.assignment, root=args.root, threshold=args.threshold)
        print(similarity_report(pairs, lang))
        return 0
    if args.command == "release":
        from .material.release import build_release

        out = build_release(args.out, root=args.root)
        print(Text("Paquete para estudiantes en ", "Student bundle in ")(lang) + str(out))
        return 0
    if args.command == "demo":
        from .demo import run_demo

        return run_demo(out=args.out, root=args.root, jobs=args.jobs, lang=lang, only=args.assignments)
    if args.command == "build":
        from .material.build import build, stale_notebooks
        from .material.paths import find_material

        material = find_material(args.root)
        done = [p for aid in (args.assignments or material.assignment_ids())
                for p in (stale_notebooks if args.check else build)(material.assignment(aid))]
        verb = Text("desactualizado", "out of date") if args.check else Text("reescrito", "rewritten")
        for path in done:
            print(f"{verb(lang)}: {path}")
        if not done:
            print(Text("Los notebooks están al día.", "The notebooks are up to date.")(lang))
        return 1 if args.check and done else 0
    if args.command == "doctor":
        from .sandbox.probe import detect

        sb = detect()
        print(f"{Text('nivel de aislamiento', 'isolation level')(lang)}: {sb.level}")
        for layer in sb.layers:
            print(f"  {'✓' if layer.active else '✗'} {layer.name}: {layer.detail}")
        if args.course:
            from .nbgrader_autograde import course_setup

            _print_course_setup(course_setup(args.course), lang)
        return 0
    raise AssertionError(args.command)


def _print_course_setup(setup: dict, lang: str) -> None:
    if setup["config"] is None:
        print(Text("Esta carpeta no tiene nbgrader_config.py: ejecuta dlgrader autograde en ella primero.",
                   "This folder has no nbgrader_config.py: run dlgrader autograde in it first.")(lang))
        return
    graded_by = Text("califica con dlgrader", "grades with dlgrader") if setup["dlgrader_autograde"] else \
        Text("NO califica con dlgrader", "does NOT grade with dlgrader")
    rows = [(Text("configuración de nbgrader", "nbgrader configuration"), setup["config"]),
            (Text("carpeta del curso", "course folder"), setup["root"]),
            (Text("libro de calificaciones", "gradebook"), setup["db_url"]),
            (Text("intercambio (exchange)", "exchange"), setup["exchange"]),
            (Text("autograde de nbgrader", "nbgrader's autograde"), graded_by(lang))]
    for label, value in rows:
        print(f"{label(lang)}: {value}")
    if setup["add"]:
        print(Text("Agrega al final de nbgrader_config.py:\n", "Add at the end of nbgrader_config.py:\n")(lang)
              + "c = get_config()  # noqa: F821\n" + setup["add"])


if __name__ == "__main__":
    sys.exit(main())
