import numpy as np
from dlgrader.grading import check, as_array, assert_close

@check("suma_pub")
def test_pub(student):
    got = as_array(student.suma(np.array([1.0, 2.0])), "suma(x)", shape=())
    assert_close(got, 3.0, es="suma([1,2]) debe ser 3", en="suma([1,2]) must be 3")
