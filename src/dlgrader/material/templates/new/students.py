"""The demo class of $aid: who the students are and what each notebook exercises.

Read by ``examples/make_examples.py``; each Submission replaces some solution cells of the release notebook.
These starter students are not on the course's roster (examples/make_examples.py, ROSTER): give their work to
the roster's students (every one of them listed, ``submitted=False`` for those who hand in nothing) to make
the assignment part of the demo course.
"""

from make_examples import Submission

STUDENTS = [
    Submission("estudiante_completo", "complete: the reference's idea",
               cells={"duplicar": "def duplicar(x):\n    return 2.0 * np.asarray(x, dtype=float)\n"},
               first_name="Ana", last_name="Ejemplo"),
    Submission("estudiante_enteros", "common mistake: integers stay integers",
               cells={"duplicar": "def duplicar(x):\n    return 2 * x\n"}, first_name="Bruno", last_name="Ejemplo"),
    Submission("estudiante_sin_resolver", "untouched release notebook (the stub raises)",
               first_name="Carla", last_name="Ejemplo"),
]
