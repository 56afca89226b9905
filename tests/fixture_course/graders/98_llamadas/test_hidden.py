from dlgrader.grading import check, expect

DOMAIN = range(21)


@check("usa_valor")
def test_usa(student):
    for n in DOMAIN:
        expect(student.usa(n) == 3 * n + 1, es=f"usa({n}) mal", en=f"usa({n}) wrong")


@check("usa_integracion")
def test_integracion(student):
    expect(student.usa(2) == 7, es="usa(2) debe ser 7", en="usa(2) must be 7")


@check("base_valor")
def test_base(student):
    for n in DOMAIN:
        expect(student.base(n) == 3 * n, es=f"base({n}) mal", en=f"base({n}) wrong")
