"""The demo class of $aid: who the students are and what each notebook exercises.

Read by ``examples/make_examples.py``; each Submission replaces some solution cells of the release notebook.
"""

from make_examples import Submission

STUDENTS = [
    Submission("estudiante_completo", "Ana", "Ejemplo", "complete: the reference's idea",
               cells={"duplicar": "def duplicar(x):\n    return 2.0 * np.asarray(x, dtype=float)\n"}),
    Submission("estudiante_enteros", "Bruno", "Ejemplo", "common mistake: integers stay integers",
               cells={"duplicar": "def duplicar(x):\n    return 2 * x\n"}),
    Submission("estudiante_sin_resolver", "Carla", "Ejemplo", "untouched release notebook (the stub raises)"),
]
