"""Hidden checks of $aid: properties on generated inputs, with the reference as the oracle."""

import numpy as np
from hypothesis import given, strategies as st
from hypothesis.extra.numpy import array_shapes, arrays

from dlgrader.grading import as_array, assert_close, assert_equal, check, expect, fail, grader_settings, show

SHAPES = array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=4)
REALS = arrays(np.float64, SHAPES, elements=st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False))
INTEGERS = arrays(np.int64, SHAPES, elements=st.integers(-1000, 1000))


@check("duplicar_valores")
@grader_settings()
@given(x=REALS)
def test_duplicar_valores(student, reference, x):
    got = as_array(student.duplicar(x), "duplicar(x)")
    expect(got.shape == x.shape,
           f"duplicar(x) con x de forma {x.shape} devolvió forma {got.shape}; debe ser la misma forma.",
           f"duplicar(x) with x of shape {x.shape} returned shape {got.shape}; it must be the same shape.")
    assert_close(got, reference.duplicar(x),
                 es=f"duplicar({show(x)}) devolvió {show(got)}; se esperaba {show(reference.duplicar(x))}.",
                 en=f"duplicar({show(x)}) returned {show(got)}; expected {show(reference.duplicar(x))}.")


@check("duplicar_reales")
@grader_settings()
@given(x=INTEGERS)
def test_duplicar_reales(student, x):
    got = student.duplicar(x)
    if not isinstance(got, np.ndarray):
        fail(f"duplicar({show(x)}) devolvió {type(got).__name__}; se esperaba un arreglo de NumPy.",
             f"duplicar({show(x)}) returned {type(got).__name__}; expected a NumPy array.")
    expect(got.dtype == np.float64,
           f"duplicar({show(x)}) (enteros) devolvió dtype {got.dtype}; se esperaba float64.",
           f"duplicar({show(x)}) (integers) returned dtype {got.dtype}; expected float64.",
           "Convierte la entrada, por ejemplo con np.asarray(x, dtype=float).",
           "Convert the input, for example with np.asarray(x, dtype=float).")


@check("duplicar_no_muta")
@grader_settings()
@given(x=st.one_of(REALS, INTEGERS))
def test_duplicar_no_muta(student, x):
    _, args_after, _ = student.duplicar.with_inputs(x)
    assert_equal(as_array(args_after[0], "x"), x,
                 es=f"duplicar modificó su argumento: x era {show(x)} y después de la llamada vale "
                    f"{show(args_after[0])}. Trabaja sobre una copia.",
                 en=f"duplicar modified its argument: x was {show(x)} and after the call it is "
                    f"{show(args_after[0])}. Work on a copy.")
