"""Hidden checks of assignment 02 (activations, softmax, losses, normalisation): properties on generated inputs.

PyTorch is the independent oracle wherever its definition is the notebook's (torch.sigmoid, torch.tanh,
F.relu, F.leaky_relu, F.elu, torch.softmax, F.mse_loss, F.binary_cross_entropy, F.nll_loss) and its
autograd gives the derivatives, including the convention at x = 0 (the negative branch). Everything is
float64. Inputs of the value checks stay moderate ([-30, 30]); the stability checks use ±1000 and beyond.
"""

import numpy as np
import torch
import torch.nn.functional as F
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, arrays

from dlgrader.grading import as_array, as_number, check, expect, fail, grader_settings, show

EPS = 1e-12
RTOL, ATOL = 1e-7, 1e-10

# ------------------------------------------------------------------ strategies

REALS = st.floats(-30, 30, allow_nan=False, allow_infinity=False)
EDGES = st.sampled_from([0.0, -0.0, 1e-300, -1e-300, 1e-9, -1e-9, 1.0, -1.0, 0.5, -0.5])
ELEMENTS = st.one_of(REALS, EDGES)
ALFAS = st.integers(1, 99).map(lambda k: k / 100)  # leaky slopes in (0, 1)
ELU_ALFAS = st.integers(1, 40).map(lambda k: k / 20)  # 0.05 ... 2.0
EXTREMES = np.array([-1e4, -1000.0, -745.0, -710.0, -100.0, -40.0, 0.0, 40.0, 100.0, 710.0, 745.0, 1000.0, 1e4])


def shaped(elements=ELEMENTS, min_dims=0, max_dims=3):
    return arrays(np.float64, array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=1, max_side=5),
                  elements=elements)


INPUTS = st.one_of(REALS, EDGES, shaped())  # a Python float or an array of any shape (0-d included)


# ------------------------------------------------------------------ oracles and helpers

def tensor(x, grad: bool = False) -> torch.Tensor:
    return torch.tensor(np.asarray(x, dtype=np.float64), dtype=torch.float64, requires_grad=grad)


def oracle(fn, x) -> np.ndarray:
    with torch.no_grad():
        return fn(tensor(x)).numpy()


def oracle_grad(fn, x) -> np.ndarray:
    """Elementwise derivative by autograd (the sum's gradient, since fn acts elementwise)."""
    t = tensor(x, grad=True)
    fn(t).sum().backward()
    return t.grad.numpy()


def central_difference(fn, x, h: float = 1e-6) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    return np.asarray((oracle(fn, x + h) - oracle(fn, x - h)) / (2 * h))


def described(x) -> str:
    return repr(x) if isinstance(x, float) else f"{show(np.asarray(x))} (forma {np.shape(x)})"


def described_en(x) -> str:
    return repr(x) if isinstance(x, float) else f"{show(np.asarray(x))} (shape {np.shape(x)})"


def returned(got, call: str, shape) -> np.ndarray:
    """Validate an elementwise result: numeric, right shape, an array of reals; nan and inf are reported by compare().

    "Devuelven reales": an array of integers or booleans fails (a Python number is accepted as it is).
    """
    if isinstance(got, (int, float)) and not isinstance(got, bool):
        got = np.asarray(float(got))
    return as_array(got, call, shape=tuple(shape), kind="f", finite=False)


def untouched(fn, x, *rest, call: str):
    """Call fn(x, *rest) and check that x is the same after the call ("no modifican x"); return the value."""
    got, args, _ = fn.with_inputs(x, *rest)
    after = args[0] if args else None
    same = (after == x) if isinstance(x, float) else (
        np.shape(after) == np.shape(x) and bool(np.array_equal(np.asarray(after), x)))
    expect(bool(same),
           f"{call} con x = {described(x)} modificó su argumento: después de la llamada x vale {show(after)}.",
           f"{call} with x = {described_en(x)} modified its argument: after the call x is {show(after)}.",
           "Crea un arreglo nuevo (np.maximum, np.where, x * 2, ...); nada de x[x < 0] = 0 ni x *= ... sobre "
           "el argumento: np.asarray(x) no copia.",
           "Create a new array (np.maximum, np.where, x * 2, ...); no x[x < 0] = 0 or x *= ... on the argument: "
           "np.asarray(x) does not copy.")
    return got


def compare(got, expected, *, call: str, x, what_es: str, what_en: str, rtol: float = RTOL, atol: float = ATOL,
            hint_es: str | None = None, hint_en: str | None = None, arg: str = "x") -> np.ndarray:
    """Fail unless the student's elementwise result matches ``expected``; say what was called and expected."""
    expected = np.asarray(expected, dtype=np.float64)
    arr = returned(got, call, expected.shape)
    if not np.all(np.isfinite(arr)):
        bad = np.asarray(x, dtype=np.float64)[~np.isfinite(arr)] if np.shape(x) == arr.shape else x
        fail(f"{call} con {arg} = {described(x)} devolvió valores no finitos (nan o inf), por ejemplo donde {arg} = "
             f"{show(np.asarray(bad).ravel()[:5])}. Lo esperado: {what_es}.",
             f"{call} with {arg} = {described_en(x)} returned non-finite values (nan or inf), for example where {arg} = "
             f"{show(np.asarray(bad).ravel()[:5])}. Expected: {what_en}.",
             hint_es, hint_en)
    if not np.allclose(arr, expected, rtol=rtol, atol=atol):
        fail(f"{call} con {arg} = {described(x)} devolvió {show(arr)}; se esperaba {show(expected)} ({what_es}).",
             f"{call} with {arg} = {described_en(x)} returned {show(arr)}; expected {show(expected)} ({what_en}).",
             hint_es, hint_en)
    return arr


def loss_value(got, call: str, args_es: str = "", args_en: str = "", hint_es: str | None = None,
               hint_en: str | None = None) -> float:
    """Validate a returned loss; a nan or inf is reported with the arguments and a hint."""
    if isinstance(got, np.ndarray) and got.shape == () and got.dtype.kind == "f":
        got = float(got)
    if isinstance(got, float) and not np.isfinite(got):
        fail(f"{call}{' con ' + args_es if args_es else ''} devolvió {got!r}; una pérdida debe ser un número finito.",
             f"{call}{' with ' + args_en if args_en else ''} returned {got!r}; a loss must be a finite number.",
             hint_es, hint_en)
    return as_number(got, call)


def close(a: float, b: float, rtol: float = 1e-7, atol: float = 1e-10) -> bool:
    return abs(a - b) <= atol + rtol * abs(b)


STABLE_HINT_ES = ("Evita calcular e^x con x grande: por ejemplo, usa e^(−|x|), que está entre 0 y 1, y elige la "
                  "fórmula según el signo de x.")
STABLE_HINT_EN = ("Avoid computing e^x for large x: for example, use e^(−|x|), which lies between 0 and 1, and pick "
                  "the formula by the sign of x.")


# ------------------------------------------------------------------ sigmoide

@check("sigmoide_valores")
@grader_settings(max_examples=20)
@given(x=INPUTS)
def test_sigmoide_valores(student, x):
    expected = oracle(torch.sigmoid, x)
    compare(untouched(student.sigmoide, x, call="sigmoide(x)"), expected, call="sigmoide(x)", x=x,
            what_es="1 / (1 + e^(−x)) elemento a elemento, con la forma de x",
            what_en="1 / (1 + e^(−x)) elementwise, with the shape of x")
    minus = -np.asarray(x, dtype=np.float64) if not isinstance(x, float) else -x
    compare(student.sigmoide(minus), 1.0 - expected, call="sigmoide(-x)", x=x, atol=1e-12,
            what_es="1 − sigmoide(x), porque σ(−x) = 1 − σ(x)",
            what_en="1 − sigmoide(x), because σ(−x) = 1 − σ(x)")


@check("sigmoide_estable")
def test_sigmoide_estable(student):
    expected = oracle(torch.sigmoid, EXTREMES)
    got = compare(student.sigmoide(EXTREMES), expected, call="sigmoide(x)", x=EXTREMES, atol=1e-12,
                  what_es="valores finitos: casi 0 para x muy negativo y casi 1 para x muy positivo",
                  what_en="finite values: almost 0 for very negative x and almost 1 for very positive x",
                  hint_es=STABLE_HINT_ES, hint_en=STABLE_HINT_EN)
    expect(bool(np.all((got >= 0) & (got <= 1))),
           f"sigmoide(x) con x = {show(EXTREMES)} devolvió {show(got)}; todos los valores deben estar en [0, 1].",
           f"sigmoide(x) with x = {show(EXTREMES)} returned {show(got)}; every value must lie in [0, 1].")
    for value in (1000.0, -1000.0):
        got = as_number(student.sigmoide(value), f"sigmoide({value})")
        expect(close(got, float(value > 0), atol=1e-12),
               f"sigmoide({value}) devolvió {got!r}; se esperaba {float(value > 0)!r} (un número finito).",
               f"sigmoide({value}) returned {got!r}; expected {float(value > 0)!r} (a finite number).",
               STABLE_HINT_ES, STABLE_HINT_EN)


@check("derivada_sigmoide_diferencias")
@grader_settings(max_examples=20)
@given(x=INPUTS)
def test_derivada_sigmoide_diferencias(student, x):
    expected = oracle_grad(torch.sigmoid, x)
    numeric = central_difference(torch.sigmoid, x)
    compare(student.derivada_sigmoide(x), expected, call="derivada_sigmoide(x)", x=x, rtol=1e-6, atol=1e-10,
            what_es=f"σ(x)(1 − σ(x)) evaluada en la entrada x; la diferencia central (σ(x+h) − σ(x−h))/(2h) "
                    f"con h = 1e-6 da {show(numeric)}",
            what_en=f"σ(x)(1 − σ(x)) evaluated at the input x; the central difference (σ(x+h) − σ(x−h))/(2h) "
                    f"with h = 1e-6 gives {show(numeric)}",
            hint_es="derivada_sigmoide recibe x (la entrada), no σ(x): calcula s = sigmoide(x) y devuelve s*(1 - s).",
            hint_en="derivada_sigmoide takes x (the input), not σ(x): compute s = sigmoide(x) and return s*(1 - s).")


# ------------------------------------------------------------------ tanh_

@check("tanh_valores")
@grader_settings(max_examples=20)
@given(x=INPUTS)
def test_tanh_valores(student, x):
    expected = oracle(torch.tanh, x)
    identity = np.asarray(2 * oracle(torch.sigmoid, 2 * np.asarray(x, dtype=np.float64)) - 1)
    compare(untouched(student.tanh_, x, call="tanh_(x)"), expected, call="tanh_(x)", x=x, atol=1e-12,
            what_es=f"tanh(x) elemento a elemento, con la forma de x; también 2σ(2x) − 1 = {show(identity)}",
            what_en=f"tanh(x) elementwise, with the shape of x; also 2σ(2x) − 1 = {show(identity)}")


@check("tanh_estable")
def test_tanh_estable(student):
    expected = oracle(torch.tanh, EXTREMES)
    compare(student.tanh_(EXTREMES), expected, call="tanh_(x)", x=EXTREMES, atol=1e-12,
            what_es="valores finitos: −1 para x muy negativo y 1 para x muy positivo",
            what_en="finite values: −1 for very negative x and 1 for very positive x",
            hint_es="Con e^x y e^(−x) por separado, e^1000 es inf e inf/inf es nan: usa np.tanh o una fórmula "
                    "que solo evalúe e^(−2|x|).",
            hint_en="With e^x and e^(−x) separately, e^1000 is inf and inf/inf is nan: use np.tanh or a formula "
                    "that only evaluates e^(−2|x|).")


@check("derivada_tanh_diferencias")
@grader_settings(max_examples=20)
@given(x=INPUTS)
def test_derivada_tanh_diferencias(student, x):
    expected = oracle_grad(torch.tanh, x)
    numeric = central_difference(torch.tanh, x)
    compare(student.derivada_tanh(x), expected, call="derivada_tanh(x)", x=x, rtol=1e-6, atol=1e-10,
            what_es=f"1 − tanh(x)² evaluada en la entrada x; la diferencia central (tanh(x+h) − tanh(x−h))/(2h) "
                    f"con h = 1e-6 da {show(numeric)}",
            what_en=f"1 − tanh(x)² evaluated at the input x; the central difference (tanh(x+h) − tanh(x−h))/(2h) "
                    f"with h = 1e-6 gives {show(numeric)}",
            hint_es="derivada_tanh recibe x (la entrada), no tanh(x): calcula t = tanh_(x) y devuelve 1 - t**2.",
            hint_en="derivada_tanh takes x (the input), not tanh(x): compute t = tanh_(x) and return 1 - t**2.")


# ------------------------------------------------------------------ relu, leaky_relu

@check("relu_valores")
@grader_settings(max_examples=20)
@given(x=INPUTS)
def test_relu_valores(student, x):
    expected = oracle(F.relu, x)
    got = compare(untouched(student.relu, x, call="relu(x)"), expected, call="relu(x)", x=x,
                  what_es="max(0, x) elemento a elemento", what_en="max(0, x) elementwise")
    minus = -np.asarray(x, dtype=np.float64) if not isinstance(x, float) else -x
    mirrored = returned(student.relu(minus), "relu(-x)", np.shape(expected))
    expect(bool(np.allclose(got - mirrored, np.asarray(x, dtype=np.float64), rtol=RTOL, atol=ATOL)),
           f"Con x = {described(x)}, relu(x) − relu(−x) dio {show(got - mirrored)}; se esperaba x.",
           f"With x = {described_en(x)}, relu(x) − relu(−x) gave {show(got - mirrored)}; expected x.")


@check("leaky_relu_valores")
@grader_settings(max_examples=20)
@given(x=INPUTS, alfa=ALFAS)
def test_leaky_relu_valores(student, x, alfa):
    compare(untouched(student.leaky_relu, x, alfa, call=f"leaky_relu(x, {alfa})"),
            oracle(lambda t: F.leaky_relu(t, alfa), x), call=f"leaky_relu(x, {alfa})",
            x=x, what_es=f"x donde x > 0 y {alfa}·x donde x <= 0", what_en=f"x where x > 0 and {alfa}·x where x <= 0",
            hint_es="La pendiente alfa va en el lado negativo; el lado positivo es la identidad.",
            hint_en="The slope alfa goes on the negative side; the positive side is the identity.")
    compare(student.leaky_relu(x), oracle(lambda t: F.leaky_relu(t, 0.1), x), call="leaky_relu(x)", x=x,
            what_es="max(0.1x, x): alfa = 0.1 por omisión, como en el curso",
            what_en="max(0.1x, x): alfa = 0.1 by default, as in the course")


def relu_family_inputs():
    """Arrays with many exact zeros (the convention at x = 0 is part of the checks)."""
    return shaped(st.one_of(REALS, st.sampled_from([0.0, -0.0, 0.0, 1e-300, -1e-300])), min_dims=0, max_dims=3)


@check("derivada_relu_exacta")
@grader_settings(max_examples=20)
@given(x=st.one_of(relu_family_inputs(), EDGES))
def test_derivada_relu_exacta(student, x):
    compare(student.derivada_relu(x), oracle_grad(F.relu, x), call="derivada_relu(x)", x=x, atol=1e-12,
            what_es="1 donde x > 0 y 0 donde x <= 0 (en x = 0 vale 0)",
            what_en="1 where x > 0 and 0 where x <= 0 (at x = 0 it is 0)")


@check("derivada_leaky_relu_exacta")
@grader_settings(max_examples=20)
@given(x=st.one_of(relu_family_inputs(), EDGES), alfa=ALFAS)
def test_derivada_leaky_relu_exacta(student, x, alfa):
    compare(student.derivada_leaky_relu(x, alfa), oracle_grad(lambda t: F.leaky_relu(t, alfa), x),
            call=f"derivada_leaky_relu(x, {alfa})", x=x, atol=1e-12,
            what_es=f"1 donde x > 0 y {alfa} donde x <= 0 (en x = 0 vale {alfa})",
            what_en=f"1 where x > 0 and {alfa} where x <= 0 (at x = 0 it is {alfa})")
    compare(student.derivada_leaky_relu(x), oracle_grad(lambda t: F.leaky_relu(t, 0.1), x),
            call="derivada_leaky_relu(x)", x=x, atol=1e-12,
            what_es="1 donde x > 0 y 0.1 donde x <= 0 (alfa = 0.1 por omisión)",
            what_en="1 where x > 0 and 0.1 where x <= 0 (alfa = 0.1 by default)")


# ------------------------------------------------------------------ elu

@check("elu_valores")
@grader_settings(max_examples=20)
@given(x=INPUTS, alfa=ELU_ALFAS)
def test_elu_valores(student, x, alfa):
    compare(untouched(student.elu, x, alfa, call=f"elu(x, {alfa})"), oracle(lambda t: F.elu(t, alfa), x),
            call=f"elu(x, {alfa})", x=x, atol=1e-12,
            what_es=f"x donde x >= 0 y {alfa}·(e^x − 1) donde x < 0",
            what_en=f"x where x >= 0 and {alfa}·(e^x − 1) where x < 0")
    compare(student.elu(x), oracle(F.elu, x), call="elu(x)", x=x, atol=1e-12,
            what_es="alfa = 1 por omisión: x donde x >= 0 y e^x − 1 donde x < 0",
            what_en="alfa = 1 by default: x where x >= 0 and e^x − 1 where x < 0")
    compare(student.elu(EXTREMES, alfa), oracle(lambda t: F.elu(t, alfa), EXTREMES), call=f"elu(x, {alfa})",
            x=EXTREMES, atol=1e-12, what_es=f"valores finitos: −{alfa} para x muy negativo y x para x positivo",
            what_en=f"finite values: −{alfa} for very negative x and x for positive x")


@check("derivada_elu_valores")
@grader_settings(max_examples=20)
@given(x=st.one_of(relu_family_inputs(), EDGES), alfa=ELU_ALFAS)
def test_derivada_elu_valores(student, x, alfa):
    compare(student.derivada_elu(x, alfa), oracle_grad(lambda t: F.elu(t, alfa), x), call=f"derivada_elu(x, {alfa})",
            x=x, rtol=1e-6, atol=1e-12,
            what_es=f"1 donde x > 0 y {alfa}·e^x donde x <= 0 (en x = 0 vale {alfa}), que es elu(x) + {alfa}",
            what_en=f"1 where x > 0 and {alfa}·e^x where x <= 0 (at x = 0 it is {alfa}), which is elu(x) + {alfa}")
    compare(student.derivada_elu(x), oracle_grad(F.elu, x), call="derivada_elu(x)", x=x, rtol=1e-6, atol=1e-12,
            what_es="alfa = 1 por omisión: 1 donde x > 0 y e^x donde x <= 0",
            what_en="alfa = 1 by default: 1 where x > 0 and e^x where x <= 0")


# ------------------------------------------------------------------ softmax

LOGITS = st.floats(-20, 20, allow_nan=False, allow_infinity=False)


@check("softmax_valores")
@grader_settings(max_examples=20)
@given(z=st.one_of(arrays(np.float64, st.integers(1, 6), elements=LOGITS),
                   arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(1, 6)), elements=LOGITS)))
def test_softmax_valores(student, z):
    expected = oracle(lambda t: torch.softmax(t, dim=-1), z)
    got, args, _ = student.softmax.with_inputs(z.copy())
    arr = compare(got, expected, call="softmax(z)", x=z, arg="z", atol=1e-12,
                  what_es="e^z / Σ e^z a lo largo del último eje: cada fila (o el vector) suma 1",
                  what_en="e^z / Σ e^z along the last axis: each row (or the vector) adds up to 1",
                  hint_es="Con un lote (n, k) cada fila es un ejemplo: suma con axis=eje y keepdims=True.",
                  hint_en="With an (n, k) batch each row is one example: sum with axis=eje and keepdims=True.")
    expect(bool(np.all(arr >= 0)) and bool(np.allclose(arr.sum(axis=-1), 1.0, atol=1e-9)),
           f"softmax(z) con z = {described(z)} devolvió {show(arr)}; sus filas deben ser no negativas y sumar 1.",
           f"softmax(z) with z = {described_en(z)} returned {show(arr)}; its rows must be non-negative and add up to 1.")
    after = np.asarray(args[0]) if args else None
    expect(isinstance(after, np.ndarray) and after.shape == z.shape and bool(np.array_equal(after, z)),
           f"softmax(z) modificó su argumento: z = {show(z)} quedó como {show(after)}.",
           f"softmax(z) modified its argument: z = {show(z)} became {show(after)}.",
           "No restes el máximo en el lugar (z -= ...): escribe z = z - np.max(...) para crear un arreglo nuevo.",
           "Do not subtract the maximum in place (z -= ...): write z = z - np.max(...) to create a new array.")


@st.composite
def arrays_with_axis(draw):
    shape = draw(array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=5))
    z = draw(arrays(np.float64, shape, elements=LOGITS))
    eje = draw(st.integers(-len(shape), len(shape) - 1))
    return z, eje


@check("softmax_eje")
@grader_settings(max_examples=30)
@given(case=arrays_with_axis())
def test_softmax_eje(student, case):
    z, eje = case
    expected = oracle(lambda t: torch.softmax(t, dim=eje), z)
    compare(student.softmax(z, eje), expected, call=f"softmax(z, {eje})", x=z, arg="z", atol=1e-12,
            what_es=f"e^z / Σ e^z a lo largo del eje {eje}: las sumas sobre ese eje valen 1",
            what_en=f"e^z / Σ e^z along axis {eje}: the sums over that axis are 1",
            hint_es="Usa el argumento eje en el máximo y en la suma: np.max(z, axis=eje, keepdims=True).",
            hint_en="Use the argument eje in the maximum and in the sum: np.max(z, axis=eje, keepdims=True).")


@check("softmax_estable")
@grader_settings(max_examples=20)
@given(z=arrays(np.float64, st.tuples(st.integers(1, 4), st.integers(2, 5)), elements=st.floats(-5, 5)),
       c=st.sampled_from([1000.0, -1000.0, 800.0, -750.0, 5000.0]))
def test_softmax_estable(student, z, c):
    fixed = np.array([1000.0, 0.0, -1000.0])
    compare(student.softmax(fixed), [1.0, 0.0, 0.0], call="softmax(z)", x=fixed, arg="z", atol=1e-12,
            what_es="[1, 0, 0], finito", what_en="[1, 0, 0], finite",
            hint_es="Resta el máximo antes de exponenciar: e^(z − max) nunca se desborda y da el mismo resultado.",
            hint_en="Subtract the maximum before exponentiating: e^(z − max) never overflows and gives the same result.")
    base = oracle(lambda t: torch.softmax(t, dim=-1), z)
    shifted = z + c
    compare(student.softmax(shifted), base, call="softmax(z)", x=shifted, arg="z", atol=1e-9,
            what_es=f"lo mismo que sin sumar la constante {c:g} a todas las entradas: {show(base)}",
            what_en=f"the same as without adding the constant {c:g} to every entry: {show(base)}",
            hint_es="Resta el máximo de cada fila antes de exponenciar (softmax(z) = softmax(z − c)).",
            hint_en="Subtract each row's maximum before exponentiating (softmax(z) = softmax(z − c)).")
    # Rows of very different scales: only the maximum along eje (not the whole array's) keeps every row finite.
    hint_es = ("Resta el máximo a lo largo de eje, np.max(z, axis=eje, keepdims=True): el máximo de todo el arreglo "
               "deja las filas de otra escala en e^(-2000) = 0, y 0/0 es nan.")
    hint_en = ("Subtract the maximum along eje, np.max(z, axis=eje, keepdims=True): the whole array's maximum leaves "
               "the rows of another scale at e^(-2000) = 0, and 0/0 is nan.")
    pair = np.array([[1000.0, 999.0], [-1000.0, -999.0]])
    compare(student.softmax(pair), oracle(lambda t: torch.softmax(t, dim=-1), pair), call="softmax(z)", x=pair,
            arg="z", atol=1e-12, what_es="cada fila por separado: [[0.7311, 0.2689], [0.2689, 0.7311]]",
            what_en="each row on its own: [[0.7311, 0.2689], [0.2689, 0.7311]]", hint_es=hint_es, hint_en=hint_en)
    offsets = np.array([c if i % 2 == 0 else -c for i in range(len(z))])[:, None]
    rows = z + offsets
    compare(student.softmax(rows), base, call="softmax(z)", x=rows, arg="z", atol=1e-9,
            what_es=f"lo mismo que sin sumar ±{abs(c):g} a cada fila: {show(base)}",
            what_en=f"the same as without adding ±{abs(c):g} to each row: {show(base)}", hint_es=hint_es, hint_en=hint_en)


# ------------------------------------------------------------------ losses

def pairs(values):
    """(y_real, y_pred) arrays of the same shape (n,) or (n, k)."""
    shapes = st.one_of(st.tuples(st.integers(1, 8)), st.tuples(st.integers(1, 5), st.integers(1, 4)))
    return shapes.flatmap(lambda s: st.tuples(arrays(np.float64, s, elements=values), arrays(np.float64, s, elements=values)))


def expect_args_untouched(args_after, originals: dict, call: str) -> None:
    """The loss's arguments as they were after the call must be the ones it received ("no modifica sus argumentos")."""
    for (name, before), after in zip(originals.items(), args_after):
        after = np.asarray(after)
        was, now = show(before), show(after)
        if was == now:  # a change below show's four decimals (a clip to EPS): every digit
            was, now = show(before.tolist()), show(after.tolist())
        expect(after.shape == before.shape and bool(np.array_equal(after, before)),
               f"{call} modificó su argumento {name}: era {was} y quedó {now}.",
               f"{call} modified its argument {name}: it was {was} and became {now}.",
               "Trabaja sobre arreglos nuevos: np.clip(p, a, b) sin out=, y = y - p en vez de y -= p.",
               "Work on new arrays: np.clip(p, a, b) without out=, y = y - p instead of y -= p.")


def check_duplicate(value: float, duplicate: float, name: str, args_es: str, args_en: str) -> None:
    expect(close(duplicate, value, rtol=1e-9, atol=1e-12),
           f"{name} con {args_es} da {value!r}, pero con el lote duplicado (cada ejemplo dos veces) da {duplicate!r}; "
           "una pérdida promedio no cambia al duplicar el lote.",
           f"{name} with {args_en} gives {value!r}, but with the batch duplicated (each example twice) it gives "
           f"{duplicate!r}; a mean loss does not change when the batch is duplicated.",
           "Promedia (np.mean) en vez de sumar.", "Average (np.mean) instead of summing.")


@check("mse_propiedades")
@grader_settings(max_examples=20)
@given(case=pairs(st.floats(-10, 10, allow_nan=False, allow_infinity=False)))
def test_mse_propiedades(student, case):
    y, p = case
    args_es = f"y_real = {show(y)}, y_pred = {show(p)}"
    got, after, _ = student.mse.with_inputs(y, p)
    value = loss_value(got, "mse(y_real, y_pred)")
    expect_args_untouched(after, {"y_real": y, "y_pred": p}, "mse(y_real, y_pred)")
    expected = float(F.mse_loss(tensor(p), tensor(y)))
    expect(value >= 0 and close(value, expected),
           f"mse(y_real, y_pred) con {args_es} devolvió {value!r}; se esperaba {expected!r}, el promedio de "
           "(y_real − y_pred)² sobre todos los elementos.",
           f"mse(y_real, y_pred) with {args_es} returned {value!r}; expected {expected!r}, the mean of "
           "(y_real − y_pred)² over every element.")
    zero = loss_value(student.mse(y, y.copy()), "mse(y_real, y_real)")
    expect(abs(zero) <= 1e-12,
           f"mse(y_real, y_real) con y_real = {show(y)} devolvió {zero!r}; se esperaba 0 (predicción perfecta).",
           f"mse(y_real, y_real) with y_real = {show(y)} returned {zero!r}; expected 0 (a perfect prediction).")
    duplicate = loss_value(student.mse(np.concatenate([y, y]), np.concatenate([p, p])), "mse(y_real, y_pred)")
    check_duplicate(value, duplicate, "mse", args_es, args_es)


PROBS = st.floats(1e-4, 1 - 1e-4, allow_nan=False, allow_infinity=False)


@st.composite
def binary_case(draw):
    shape = draw(st.one_of(st.tuples(st.integers(1, 8)), st.tuples(st.integers(1, 5), st.integers(1, 3))))
    y = draw(arrays(np.float64, shape, elements=st.sampled_from([0.0, 1.0])))
    p = draw(arrays(np.float64, shape, elements=PROBS))
    return y, p


@check("binaria_valores")
@grader_settings(max_examples=20)
@given(case=binary_case())
def test_binaria_valores(student, case):
    y, p = case
    args = f"y_real = {show(y)}, p_pred = {show(p)}"
    got, after, _ = student.entropia_cruzada_binaria.with_inputs(y, p)
    value = loss_value(got, "entropia_cruzada_binaria(y_real, p_pred)")
    expected = float(F.binary_cross_entropy(tensor(p), tensor(y)))
    expect(value >= 0 and close(value, expected, rtol=1e-7, atol=1e-10),
           f"entropia_cruzada_binaria(y_real, p_pred) con {args} devolvió {value!r}; se esperaba {expected!r}, "
           "−promedio de y·log(p) + (1 − y)·log(1 − p) sobre todos los elementos.",
           f"entropia_cruzada_binaria(y_real, p_pred) with {args} returned {value!r}; expected {expected!r}, "
           "−mean of y·log(p) + (1 − y)·log(1 − p) over every element.",
           "El orden es (y_real, p_pred), la pérdida lleva un signo menos y es un promedio.",
           "The order is (y_real, p_pred), the loss has a minus sign and is a mean.")
    perfect = loss_value(student.entropia_cruzada_binaria(y, y.copy()), "entropia_cruzada_binaria(y_real, y_real)",
                         f"y_real = {show(y)}", f"y_real = {show(y)}",
                         "Recorta p a [EPS, 1 − EPS] antes de tomar logaritmos: 0·log(0) da nan.",
                         "Clip p to [EPS, 1 − EPS] before taking logarithms: 0·log(0) gives nan.")
    expect(0 <= perfect <= 1e-9,
           f"entropia_cruzada_binaria(y_real, y_real) con y_real = {show(y)} devolvió {perfect!r}; se esperaba "
           "0 (hasta el recorte con EPS): la predicción es perfecta.",
           f"entropia_cruzada_binaria(y_real, y_real) with y_real = {show(y)} returned {perfect!r}; expected 0 "
           "(up to the clipping with EPS): the prediction is perfect.",
           "Recorta p a [EPS, 1 − EPS] antes de tomar logaritmos: 0·log(0) da nan.",
           "Clip p to [EPS, 1 − EPS] before taking logarithms: 0·log(0) gives nan.")
    duplicate = loss_value(student.entropia_cruzada_binaria(np.concatenate([y, y]), np.concatenate([p, p])),
                           "entropia_cruzada_binaria(y_real, p_pred)")
    check_duplicate(value, duplicate, "entropia_cruzada_binaria", args, args)
    expect_args_untouched(after, {"y_real": y, "p_pred": p}, "entropia_cruzada_binaria(y_real, p_pred)")


def clipped_bce(y, p) -> float:
    q = np.clip(p, EPS, 1 - EPS)
    return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))


@check("binaria_extremos")
@grader_settings(max_examples=20)
@given(y=arrays(np.float64, st.integers(1, 8), elements=st.sampled_from([0.0, 1.0])),
       flips=arrays(np.bool_, 8), middle=arrays(np.float64, 8, elements=PROBS))
def test_binaria_extremos(student, y, flips, middle):
    n = len(y)
    wrong = np.where(flips[:n], 1.0 - y, y)  # exactly 0 or 1, some of them the opposite label
    for p, how_es, how_en in [(wrong, "probabilidades exactamente 0 y 1", "probabilities of exactly 0 and 1"),
                              (np.where(flips[:n], wrong, middle[:n]), "algunas probabilidades exactamente 0 o 1",
                               "some probabilities of exactly 0 or 1")]:
        expected = clipped_bce(y, p)
        got, after, _ = student.entropia_cruzada_binaria.with_inputs(y, p)
        expect_args_untouched(after, {"y_real": y, "p_pred": p}, "entropia_cruzada_binaria(y_real, p_pred)")
        args = f"y_real = {show(y)}, p_pred = {show(p)}"
        if isinstance(got, (float, int)) and not np.isfinite(float(got)):
            fail(f"entropia_cruzada_binaria(y_real, p_pred) con {args} ({how_es}) devolvió {got!r}; se esperaba un "
                 f"número finito, {expected:.6g}.",
                 f"entropia_cruzada_binaria(y_real, p_pred) with {args} ({how_en}) returned {got!r}; expected a "
                 f"finite number, {expected:.6g}.",
                 "Recorta p con np.clip(p, EPS, 1 - EPS) antes de los logaritmos (EPS = 1e-12).",
                 "Clip p with np.clip(p, EPS, 1 - EPS) before the logarithms (EPS = 1e-12).")
        value = loss_value(got, "entropia_cruzada_binaria(y_real, p_pred)")
        # rtol 1e-4: log(1 − (1 − EPS)) and log(EPS) differ by 1e-4 in float64; both are the stated clipping.
        expect(close(value, expected, rtol=1e-4, atol=1e-9),
               f"entropia_cruzada_binaria(y_real, p_pred) con {args} ({how_es}) devolvió {value!r}; con p recortada "
               f"a [EPS, 1 − EPS], EPS = 1e-12, se esperaba {expected:.6g}.",
               f"entropia_cruzada_binaria(y_real, p_pred) with {args} ({how_en}) returned {value!r}; with p clipped "
               f"to [EPS, 1 − EPS], EPS = 1e-12, {expected:.6g} was expected.",
               "Usa el EPS de la celda de importaciones; −log(EPS) ≈ 27.63 es la pérdida de un ejemplo totalmente errado.",
               "Use the EPS of the imports cell; −log(EPS) ≈ 27.63 is the loss of a completely wrong example.")


@st.composite
def categorical_case(draw):
    n = draw(st.integers(1, 6))
    k = draw(st.integers(2, 5))
    labels = draw(arrays(np.int64, n, elements=st.integers(0, k - 1)))
    logits = draw(arrays(np.float64, (n, k), elements=st.floats(-5, 5)))
    Y = np.eye(k)[labels]
    P = oracle(lambda t: torch.softmax(t, dim=-1), logits)
    return Y, P, labels


@check("categorica_valores")
@grader_settings(max_examples=20)
@given(case=categorical_case())
def test_categorica_valores(student, case):
    Y, P, labels = case
    args = f"Y_real = {show(Y)}, P_pred = {show(P)}"
    got, after, _ = student.entropia_cruzada_categorica.with_inputs(Y, P)
    value = loss_value(got, "entropia_cruzada_categorica(Y_real, P_pred)")
    expected = float(F.nll_loss(torch.log(tensor(P)), torch.as_tensor(labels)))
    expect(value >= 0 and close(value, expected),
           f"entropia_cruzada_categorica(Y_real, P_pred) con {args} devolvió {value!r}; se esperaba {expected!r}: "
           "−log de la probabilidad de la clase correcta, promediado sobre los ejemplos (filas).",
           f"entropia_cruzada_categorica(Y_real, P_pred) with {args} returned {value!r}; expected {expected!r}: "
           "−log of the probability of the right class, averaged over the examples (rows).",
           "Suma sobre las clases (axis=-1) y promedia sobre los ejemplos; no dividas también por la cantidad de clases.",
           "Sum over the classes (axis=-1) and average over the examples; do not divide by the number of classes too.")
    perfect = loss_value(student.entropia_cruzada_categorica(Y, Y.copy()),
                         "entropia_cruzada_categorica(Y_real, Y_real)", f"Y_real = {show(Y)}", f"Y_real = {show(Y)}",
                         "Recorta P a [EPS, 1] antes del logaritmo: 0·log(0) da nan.",
                         "Clip P to [EPS, 1] before the logarithm: 0·log(0) gives nan.")
    expect(0 <= perfect <= 1e-9,
           f"entropia_cruzada_categorica(Y_real, Y_real) con Y_real = {show(Y)} devolvió {perfect!r}; se esperaba 0 "
           "(la predicción es perfecta).",
           f"entropia_cruzada_categorica(Y_real, Y_real) with Y_real = {show(Y)} returned {perfect!r}; expected 0 "
           "(the prediction is perfect).",
           "Recorta P a [EPS, 1] antes del logaritmo: 0·log(0) da nan.",
           "Clip P to [EPS, 1] before the logarithm: 0·log(0) gives nan.")
    duplicate = loss_value(student.entropia_cruzada_categorica(np.concatenate([Y, Y]), np.concatenate([P, P])),
                           "entropia_cruzada_categorica(Y_real, P_pred)")
    check_duplicate(value, duplicate, "entropia_cruzada_categorica", args, args)
    expect_args_untouched(after, {"Y_real": Y, "P_pred": P}, "entropia_cruzada_categorica(Y_real, P_pred)")


@check("categorica_extremos")
@grader_settings(max_examples=20)
@given(case=categorical_case(), shift=st.integers(0, 4))
def test_categorica_extremos(student, case, shift):
    Y, P, labels = case
    n, k = Y.shape
    guesses = (labels + shift) % k  # a one-hot prediction, right or wrong: exact zeros everywhere else
    P_hard = np.eye(k)[guesses]
    expected = float(np.mean(np.where(guesses == labels, 0.0, -np.log(EPS))))
    args = f"Y_real = {show(Y)}, P_pred = {show(P_hard)}"
    got, after, _ = student.entropia_cruzada_categorica.with_inputs(Y, P_hard)
    expect_args_untouched(after, {"Y_real": Y, "P_pred": P_hard}, "entropia_cruzada_categorica(Y_real, P_pred)")
    if isinstance(got, (float, int)) and not np.isfinite(float(got)):
        fail(f"entropia_cruzada_categorica(Y_real, P_pred) con {args} (probabilidades exactamente 0 y 1) devolvió "
             f"{got!r}; se esperaba un número finito, {expected:.6g}.",
             f"entropia_cruzada_categorica(Y_real, P_pred) with {args} (probabilities of exactly 0 and 1) returned "
             f"{got!r}; expected a finite number, {expected:.6g}.",
             "Recorta P con np.clip(P, EPS, 1) antes del logaritmo (EPS = 1e-12): 0·log(0) da nan y log(0) da −inf.",
             "Clip P with np.clip(P, EPS, 1) before the logarithm (EPS = 1e-12): 0·log(0) gives nan and log(0) −inf.")
    value = loss_value(got, "entropia_cruzada_categorica(Y_real, P_pred)")
    expect(close(value, expected, rtol=1e-6, atol=1e-9),
           f"entropia_cruzada_categorica(Y_real, P_pred) con {args} devolvió {value!r}; con P recortada a [EPS, 1], "
           f"EPS = 1e-12, se esperaba {expected:.6g} (−log(EPS) ≈ 27.63 por cada ejemplo errado, promediado).",
           f"entropia_cruzada_categorica(Y_real, P_pred) with {args} returned {value!r}; with P clipped to [EPS, 1], "
           f"EPS = 1e-12, {expected:.6g} was expected (−log(EPS) ≈ 27.63 per wrong example, averaged).")


# ------------------------------------------------------------------ normalisation

FEATURES = st.floats(-100, 100, allow_nan=False, allow_infinity=False)


@st.composite
def train_and_new(draw):
    """(X_train, X_new): columns with a real spread; new data from a shifted, wider distribution."""
    n = draw(st.integers(2, 8))
    d = draw(st.integers(1, 4))
    X = draw(arrays(np.float64, (n, d), elements=FEATURES))
    assume(bool(np.all(X.max(axis=0) - X.min(axis=0) > 1e-3)))
    m = draw(st.integers(1, 6))
    X_new = draw(arrays(np.float64, (m, d), elements=st.floats(-300, 300, allow_nan=False, allow_infinity=False)))
    return X, X_new


def stats_pair(result, call: str, d: int):
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        fail(f"{call} debe devolver una tupla de dos arreglos de forma ({d},); devolvió {show(result)}.",
             f"{call} must return a tuple of two arrays of shape ({d},); it returned {show(result)}.")
    return (as_array(result[0], f"{call}[0]", shape=(d,)), as_array(result[1], f"{call}[1]", shape=(d,)))


def expect_matrix(got, expected, call: str, data_es: str, data_en: str, what_es: str, what_en: str,
                  hint_es=None, hint_en=None) -> np.ndarray:
    arr = as_array(got, call, shape=expected.shape, finite=False)
    expect(bool(np.all(np.isfinite(arr))),
           f"{call} con {data_es} devolvió valores no finitos (nan o inf): {show(arr)}; se esperaba {show(expected)} "
           f"({what_es}).",
           f"{call} with {data_en} returned non-finite values (nan or inf): {show(arr)}; expected {show(expected)} "
           f"({what_en}).", hint_es, hint_en)
    expect(bool(np.allclose(arr, expected, rtol=1e-9, atol=1e-9)),
           f"{call} con {data_es} devolvió {show(arr)}; se esperaba {show(expected)} ({what_es}).",
           f"{call} with {data_en} returned {show(arr)}; expected {show(expected)} ({what_en}).", hint_es, hint_en)
    return arr


def expect_untouched(args_after, originals, names, call: str) -> None:
    for name, before, after in zip(names, originals, args_after):
        after = np.asarray(after)
        expect(after.shape == before.shape and bool(np.array_equal(after, before)),
               f"{call} modificó su argumento {name}: era {show(before)} y quedó {show(after)}.",
               f"{call} modified its argument {name}: it was {show(before)} and became {show(after)}.",
               "Crea un arreglo nuevo (X = X - media), no restes en el lugar (X -= media).",
               "Create a new array (X = X - mean), do not subtract in place (X -= mean).")


@check("minmax_entrenamiento")
@grader_settings(max_examples=20)
@given(case=train_and_new())
def test_minmax_entrenamiento(student, case):
    X, _ = case
    d = X.shape[1]
    data = f"X_train = {show(X)}"
    lo, hi = stats_pair(student.ajustar_minmax(X), "ajustar_minmax(X_train)", d)
    expect(bool(np.allclose(lo, X.min(axis=0), rtol=0, atol=0)) and bool(np.allclose(hi, X.max(axis=0), rtol=0, atol=0)),
           f"ajustar_minmax(X_train) con {data} devolvió ({show(lo)}, {show(hi)}); se esperaba el mínimo y el máximo "
           f"de cada columna, ({show(X.min(axis=0))}, {show(X.max(axis=0))}).",
           f"ajustar_minmax(X_train) with {data} returned ({show(lo)}, {show(hi)}); expected each column's minimum "
           f"and maximum, ({show(X.min(axis=0))}, {show(X.max(axis=0))}).",
           "Calcula por columnas: X.min(axis=0) y X.max(axis=0).", "Compute per column: X.min(axis=0) and X.max(axis=0).")
    lo, hi = X.min(axis=0), X.max(axis=0)
    arr = expect_matrix(student.aplicar_minmax(X, lo, hi), (X - lo) / (hi - lo), "aplicar_minmax(X_train, minimo, maximo)",
                        data, data, "(X − mínimo) / (máximo − mínimo) en cada columna",
                        "(X − minimum) / (maximum − minimum) in each column")
    expect(bool(np.all(arr >= -1e-12)) and bool(np.all(arr <= 1 + 1e-12)),
           f"aplicar_minmax con los datos de entrenamiento {data} devolvió {show(arr)}; todo debe quedar en [0, 1].",
           f"aplicar_minmax on the training data {data} returned {show(arr)}; everything must lie in [0, 1].")


@check("minmax_datos_nuevos")
@grader_settings(max_examples=20)
@given(case=train_and_new())
def test_minmax_datos_nuevos(student, case):
    X, X_new = case
    lo, hi = X.min(axis=0), X.max(axis=0)
    data_es = f"X = {show(X_new)} (datos nuevos), minimo = {show(lo)}, maximo = {show(hi)} (de entrenamiento)"
    data_en = f"X = {show(X_new)} (new data), minimo = {show(lo)}, maximo = {show(hi)} (from training)"
    got, args, _ = student.aplicar_minmax.with_inputs(X_new.copy(), lo.copy(), hi.copy())
    expect_matrix(got, (X_new - lo) / (hi - lo), "aplicar_minmax(X, minimo, maximo)", data_es, data_en,
                  "(X − minimo) / (maximo − minimo) con los valores recibidos; los datos nuevos pueden quedar fuera de [0, 1]",
                  "(X − minimo) / (maximo − minimo) with the values given; new data may fall outside [0, 1]",
                  "No recalcules el mínimo y el máximo con X ni recortes a [0, 1]: usa los de entrenamiento que recibes.",
                  "Do not recompute the minimum and maximum from X nor clip to [0, 1]: use the training ones you receive.")
    expect_untouched(args, (X_new, lo, hi), ("X", "minimo", "maximo"), "aplicar_minmax(X, minimo, maximo)")


@st.composite
def with_constant_columns(draw):
    """(X_train, X_new, constant): at least one constant column, most often of decimals such as 0.1.

    A column of equal decimals is constant (its maximum equals its minimum) although np.std may not be exactly 0
    in float64 (np.std([0.1, 0.1, 0.1]) is 1.4e-17): the notebook's rule is maximo == minimo.
    """
    X, X_new = draw(train_and_new())
    d = X.shape[1]
    constant = draw(arrays(np.bool_, d))
    assume(bool(constant.any()))
    values = draw(arrays(np.float64, d, elements=st.one_of(st.integers(-400, 400).map(lambda k: k / 10),
                                                              st.integers(-400, 400).map(lambda k: k / 4))))
    X = np.where(constant, values, X)
    return X, X_new, constant


def constant_stats(X):
    """The notebook's z-score statistics: population deviation, exactly 0 where maximo == minimo."""
    return X.mean(axis=0), np.where(X.max(axis=0) == X.min(axis=0), 0.0, X.std(axis=0))


@check("minmax_constante")
@grader_settings(max_examples=20)
@given(case=with_constant_columns())
def test_minmax_constante(student, case):
    X, X_new, constant = case
    lo, hi = X.min(axis=0), X.max(axis=0)
    rango = np.where(hi - lo == 0, 1.0, hi - lo)
    text = f"X = {show(X_new)}, minimo = {show(lo)}, maximo = {show(hi)} (iguales en las columnas constantes)"
    text_en = f"X = {show(X_new)}, minimo = {show(lo)}, maximo = {show(hi)} (equal in the constant columns)"
    expect_matrix(student.aplicar_minmax(X_new, lo, hi), (X_new - lo) / rango, "aplicar_minmax(X, minimo, maximo)",
                  text, text_en, "X − mínimo donde maximo == minimo (el rango 0 se reemplaza por 1)",
                  "X − minimum where maximo == minimo (a range of 0 is replaced by 1)",
                  "aplicar_minmax recibe maximo == minimo en una columna constante y reemplaza ese rango 0 por 1.",
                  "aplicar_minmax receives maximo == minimo in a constant column and replaces that range of 0 by 1.")
    stats = student.ajustar_minmax(X)
    pair = stats_pair(stats, "ajustar_minmax(X_train)", X.shape[1])
    for data, name, expected in [(X, "X_train", (X - lo) / rango), (X_new, "X_nuevo", (X_new - lo) / rango)]:
        text = f"X_train = {show(X)} (columnas constantes: {show(np.flatnonzero(constant))})"
        text_en = f"X_train = {show(X)} (constant columns: {show(np.flatnonzero(constant))})"
        call = f"aplicar_minmax({name}, *ajustar_minmax(X_train))"
        got = as_array(student.aplicar_minmax(data, *pair), call, shape=data.shape, finite=False)
        expect(bool(np.all(np.isfinite(got))),
               f"{call} con {text} devolvió valores no finitos: {show(got)}; en una columna constante máximo − mínimo "
               "es 0 y debe reemplazarse por 1.",
               f"{call} with {text_en} returned non-finite values: {show(got)}; in a constant column maximum − minimum "
               "is 0 and must be replaced by 1.",
               "Por ejemplo: rango = np.where(maximo - minimo == 0, 1.0, maximo - minimo).",
               "For example: rango = np.where(maximo - minimo == 0, 1.0, maximo - minimo).")
        expect_matrix(got, expected, call, text, text_en,
                      "X − mínimo en las columnas constantes (rango 1) y la fórmula min-max en las demás",
                      "X − minimum in the constant columns (range 1) and the min-max formula in the others")


@check("zscore_entrenamiento")
@grader_settings(max_examples=20)
@given(case=train_and_new())
def test_zscore_entrenamiento(student, case):
    X, _ = case
    d = X.shape[1]
    data = f"X_train = {show(X)}"
    media, desv = stats_pair(student.ajustar_zscore(X), "ajustar_zscore(X_train)", d)
    sample = bool(np.allclose(desv, X.std(axis=0, ddof=1), rtol=1e-9, atol=1e-12))
    expect(bool(np.allclose(media, X.mean(axis=0), rtol=1e-9, atol=1e-9))
           and bool(np.allclose(desv, X.std(axis=0), rtol=1e-9, atol=1e-12)),
           f"ajustar_zscore(X_train) con {data} devolvió ({show(media)}, {show(desv)}); se esperaba la media y la "
           f"desviación estándar poblacional de cada columna, ({show(X.mean(axis=0))}, {show(X.std(axis=0))}).",
           f"ajustar_zscore(X_train) with {data} returned ({show(media)}, {show(desv)}); expected each column's mean "
           f"and population standard deviation, ({show(X.mean(axis=0))}, {show(X.std(axis=0))}).",
           "La desviación es la poblacional (divide por n): np.std(X, axis=0), sin ddof=1." if sample else
           "Calcula por columnas: X.mean(axis=0) y X.std(axis=0).",
           "The deviation is the population one (divides by n): np.std(X, axis=0), without ddof=1." if sample else
           "Compute per column: X.mean(axis=0) and X.std(axis=0).")
    media, desv = X.mean(axis=0), X.std(axis=0)
    arr = expect_matrix(student.aplicar_zscore(X, media, desv), (X - media) / desv,
                        "aplicar_zscore(X_train, media, desv)", data, data,
                        "(X − media) / desv en cada columna", "(X − mean) / deviation in each column")
    expect(bool(np.allclose(arr.mean(axis=0), 0, atol=1e-9)) and bool(np.allclose(arr.std(axis=0), 1, atol=1e-9)),
           f"aplicar_zscore con los datos de entrenamiento {data} devolvió {show(arr)}; cada columna debe quedar con "
           "media 0 y desviación 1.",
           f"aplicar_zscore on the training data {data} returned {show(arr)}; each column must end up with mean 0 and "
           "deviation 1.")


@check("zscore_datos_nuevos")
@grader_settings(max_examples=20)
@given(case=train_and_new())
def test_zscore_datos_nuevos(student, case):
    X, X_new = case
    media, desv = X.mean(axis=0), X.std(axis=0)
    data_es = f"X = {show(X_new)} (datos nuevos), media = {show(media)}, desv = {show(desv)} (de entrenamiento)"
    data_en = f"X = {show(X_new)} (new data), media = {show(media)}, desv = {show(desv)} (from training)"
    got, args, _ = student.aplicar_zscore.with_inputs(X_new.copy(), media.copy(), desv.copy())
    expect_matrix(got, (X_new - media) / desv, "aplicar_zscore(X, media, desv)", data_es, data_en,
                  "(X − media) / desv con los valores recibidos, los de entrenamiento",
                  "(X − media) / desv with the values given, the training ones",
                  "No recalcules la media ni la desviación con X: los datos nuevos se normalizan con las estadísticas "
                  "de entrenamiento que recibes.",
                  "Do not recompute the mean or the deviation from X: new data are normalised with the training "
                  "statistics you receive.")
    expect_untouched(args, (X_new, media, desv), ("X", "media", "desv"), "aplicar_zscore(X, media, desv)")


@check("zscore_constante")
@grader_settings(max_examples=20)
@given(case=with_constant_columns())
def test_zscore_constante(student, case):
    X, X_new, constant = case
    media, desv = constant_stats(X)
    assume(bool(np.all(desv[~constant] > 1e-6)))
    scale = np.where(desv == 0, 1.0, desv)
    cols = show(np.flatnonzero(constant))
    pair = stats_pair(student.ajustar_zscore(X), "ajustar_zscore(X_train)", X.shape[1])
    expect(bool(np.all(pair[1][constant] == 0)) and bool(np.allclose(pair[1][~constant], desv[~constant],
                                                                     rtol=1e-9, atol=1e-12)),
           f"ajustar_zscore(X_train) con X_train = {show(X)} devolvió desv = {[float(v) for v in pair[1]]}; en las columnas "
           f"constantes ({cols}: máximo igual al mínimo) la desviación debe ser exactamente 0, y el reemplazo por 1 "
           "lo hace aplicar_zscore.",
           f"ajustar_zscore(X_train) with X_train = {show(X)} returned desv = {[float(v) for v in pair[1]]}; in the constant "
           f"columns ({cols}: maximum equal to minimum) the deviation must be exactly 0, and aplicar_zscore does the "
           "replacement by 1.",
           "np.std de valores iguales puede dar 1e-17 en vez de 0: usa np.where(X.max(axis=0) == X.min(axis=0), 0.0, "
           "np.std(X, axis=0)), y deja el reemplazo por 1 para aplicar_zscore.",
           "np.std of equal values may give 1e-17 instead of 0: use np.where(X.max(axis=0) == X.min(axis=0), 0.0, "
           "np.std(X, axis=0)), and leave the replacement by 1 to aplicar_zscore.")
    text = f"X = {show(X_new)}, media = {show(media)}, desv = {show(desv)} (0 en las columnas constantes)"
    text_en = f"X = {show(X_new)}, media = {show(media)}, desv = {show(desv)} (0 in the constant columns)"
    expect_matrix(student.aplicar_zscore(X_new, media, desv), (X_new - media) / scale, "aplicar_zscore(X, media, desv)",
                  text, text_en, "X − media donde desv es 0 (se reemplaza por 1)",
                  "X − mean where desv is 0 (it is replaced by 1)",
                  "aplicar_zscore recibe desv = 0 en una columna constante y lo reemplaza por 1.",
                  "aplicar_zscore receives desv = 0 in a constant column and replaces it by 1.")
    for data, name, expected in [(X, "X_train", (X - media) / scale), (X_new, "X_nuevo", (X_new - media) / scale)]:
        text = f"X_train = {show(X)} (columnas constantes: {show(np.flatnonzero(constant))})"
        text_en = f"X_train = {show(X)} (constant columns: {show(np.flatnonzero(constant))})"
        call = f"aplicar_zscore({name}, *ajustar_zscore(X_train))"
        got = as_array(student.aplicar_zscore(data, *pair), call, shape=data.shape, finite=False)
        expect(bool(np.all(np.isfinite(got))),
               f"{call} con {text} devolvió valores no finitos: {show(got)}; en una columna constante la desviación "
               "es 0 y debe reemplazarse por 1.",
               f"{call} with {text_en} returned non-finite values: {show(got)}; in a constant column the deviation "
               "is 0 and must be replaced by 1.",
               "Por ejemplo: desv = np.where(desv == 0, 1.0, desv).", "For example: desv = np.where(desv == 0, 1.0, desv).")
        expect_matrix(got, expected, call, text, text_en,
                      "X − media en las columnas constantes (desviación 1) y (X − media) / desv en las demás",
                      "X − mean in the constant columns (deviation 1) and (X − mean) / deviation in the others")
