"""dlgrader: autograded deep-learning exercises with a sandboxed grader.

Students call :func:`dlgrader.check` from the notebook's last cell; instructors use
the ``dlgrader`` command. See README.md; the architecture is in DESIGN.md.

Layout, one concern per subpackage (tests/test_layout.py holds the arrows to it)::

    __init__.py  check() for the notebook's last cell; imports nothing else until it is called
    __main__.py  python -m dlgrader
    cli.py       the dlgrader command: parse, call, render, pick the exit code
    api.py       the Python API: grade a file, a student's own check
    demo.py      dlgrader demo: the whole pipeline on examples/
    nbgrader_autograde.py  nbgrader's own autograde (formgrader's button) grades with dlgrader: a preprocessor
    errors.py    the one family of user-facing errors (one sentence, es/en, an exit code)
    text.py      Text(es, en): every sentence a person reads, in both languages
    results.py   CheckResult, SubmissionResult: what grading returns, shared by everyone after it

    sandbox/     the untrusted side and its wire; imports nothing of dlgrader but errors and text
                 isolation (the layers, the command that starts a worker), probe (which layers work here),
                 session (the broker's side of one worker), portable (the same for a student's own
                 check on any OS: a plain worker, a thread on its pipe), faults (what a worker's
                 misbehaviour becomes), python_messages (Python's own messages in Spanish), budget (a
                 submission's wall-clock time), frames (the wire), codec (plain data only), worker,
                 zygote (the fork server), warm (its client), parent (every process dies with the one
                 that started it), stubs and stub_replies (another task's function answered by the
                 broker's reference: the worker's side and the session's), seccomp
    grading/     the broker: pytest + hypothesis against a submission's worker; __init__ re-exports
                 the grader-facing helpers of checks (check, as_array, assert_close, fail, ...)
                 submission (one file, the pipeline in order), runner (one program), restarts,
                 plugin (the pytest plugin), proxy (the student object), calls (a failing example as
                 the calls to type), feedback, causes (one root cause, told once), pytest_session,
                 replay, recordings, table_cache (the reference's examples, replayed),
                 batch (autograde: a class, in parallel, into the gradebook), task (one grading process),
                 layer_models (08's final model: a plain layer list, checked, built and trained in the broker)
                 callbacks (another task's plain-data function answered with the reference, per check)
    material/    the course material: paths, manifest (assignment.toml), notebook (a submission
                 as a program), build (the notebooks' grade cells, from the manifest), release
                 (the student bundle), wheel (the students' wheel, carrying the public material), mutants
    course/      an instructor's nbgrader course: folders, nbgrader_config (the course's
                 nbgrader_config.py), formgrader (the graded copies), store
                 (saved results), lock, gradebook + registration + scores (nbgrader's gradebook),
                 roster, rubric, scales, grades (scores through the rubric)
    lms/         the LMS round trip. In: archive (a download read as hostile input), downloads (each
                 LMS's file naming), matching (files to roster students), picking (which notebook),
                 submissions (dlgrader submissions import), roster (a gradebook download as the class
                 list). Out: columns (shared), canvas, moodle, blackboard, gradescope, export (the
                 dispatch), csvfile + template (the LMS's own gradebook file filled in), feedback
                 (pages packed for the LMS)
    reports/     what people read: terminal (tables), lms_tables (the LMS commands' tables), submission (a
                 student's result as text), html (the report's pages: view, student_page, class_page,
                 charts, pages), similarity
    content/     what notebooks import: quiz (per-student variants), datasets (the CRISP-DM case)
    student/     the student's check path: check (the notebook's last cell), locate (which notebook it
                 runs in, by what the front end says), history (what the kernel ran: the file, unsaved
                 code), colab (Colab's notebook, from its kernel API), grade_cells (what a grade cell does:
                 fails closed outside dlgrader, checks under nbgrader validate)

Arrows run one way::

    cli -> api -> grading -> sandbox
                  grading -> course          (autograde records what it grades)
           api -> course | lms | reports     (lms and reports read course)
    student -> api                           (dlgrader.check, dlgrader.grade_cell)
    nbgrader_autograde -> api | course       (nbgrader's autograde)
    errors, text, results: from anywhere; material: from grading, course, lms, reports and above
"""

__version__ = "0.1.0"


def check(assignment: str | None = None, notebook: str | None = None, lang: str = "es") -> None:
    """Run the public checks of the current notebook from inside Jupyter."""
    from .student.check import check_from_notebook

    check_from_notebook(assignment, notebook, lang)


def grade_cell(assignment: str, check_id: str, lang: str = "es") -> None:
    """What a notebook's grade cell runs: fails closed unless dlgrader grades the notebook (student/grade_cells.py)."""
    from .student.grade_cells import grade_cell as run

    run(assignment, check_id, lang)
