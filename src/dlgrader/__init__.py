"""dlgrader: autograded deep-learning exercises with a sandboxed grader.

Students call :func:`dlgrader.check` from the notebook's last cell; instructors use
the ``dlgrader`` command. See README.md.
"""

__version__ = "0.1.0"


def check(assignment: str | None = None, notebook: str | None = None, lang: str = "es") -> None:
    """Run the public checks of the current notebook from inside Jupyter."""
    from .student.check import check_from_notebook

    check_from_notebook(assignment, notebook, lang)
