import numpy as np
from hypothesis import given, strategies as st
from hypothesis.extra.numpy import arrays
from dlgrader.grading import check, as_number, assert_close, grader_settings, expect

@check("suma_prop")
@grader_settings(max_examples=30)
@given(arrays(np.float64, st.integers(0, 5), elements=st.floats(-10, 10)))
def test_prop(student, reference, x):
    got = as_number(student.suma(x), "suma(x)")
    assert_close(got, reference.suma(x), es=f"suma mal", en="sum wrong")

@check("suma_inputs")
def test_inputs(student):
    x = np.array([1.0, 2.0])
    value, (after,), _ = student.suma.with_inputs(x)
    assert_close(as_number(value, "suma(x)"), 3.0, es="suma([1,2]) debe ser 3", en="suma([1,2]) must be 3")
    expect(np.array_equal(after, x), es="mutaste x", en="you mutated x")
