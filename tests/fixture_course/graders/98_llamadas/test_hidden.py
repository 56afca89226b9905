from hypothesis import given, strategies as st

from dlgrader.grading import check, expect, grader_settings

DOMAIN = range(21)


@check("usa_valor")
@grader_settings(max_examples=21)
@given(st.integers(0, 20))
def test_usa(student, n):
    expect(student.usa(n) == 3 * n + 1, es=f"usa({n}) mal", en=f"usa({n}) wrong")


@check("usa_integracion")
def test_integracion(student):
    expect(student.usa(2) == 7, es="usa(2) debe ser 7", en="usa(2) must be 7")


@check("base_valor")
def test_base(student):
    for n in DOMAIN:
        expect(student.base(n) == 3 * n, es=f"base({n}) mal", en=f"base({n}) wrong")
