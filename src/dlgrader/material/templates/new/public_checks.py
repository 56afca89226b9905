"""Public checks of $aid: only the statement's own example (students run these with the notebook's last cell)."""

import numpy as np

from dlgrader.grading import as_array, assert_close, check, show


@check("duplicar_curso")
def test_duplicar_curso(student):
    call = "duplicar(np.array([1.0, -2.0, 0.5]))"
    got = as_array(student.duplicar(np.array([1.0, -2.0, 0.5])), call, shape=(3,))
    assert_close(got, [2.0, -4.0, 1.0],
                 es=f"{call} devolvió {show(got)}; se esperaba [2.0, -4.0, 1.0].",
                 en=f"{call} returned {show(got)}; expected [2.0, -4.0, 1.0].")
