"""Public checks of assignment 02 (activations, softmax, losses, normalisation): the course's own examples.

Students run these with ``dlgrader check 02_activaciones`` or the notebook's last cell. The formulas are
the slides' (sigmoid, tanh, ReLU, leaky ReLU max(0.1x, x), ELU, their derivatives, softmax, MSE, binary
and categorical cross-entropy, min-max and mean/deviation normalisation); the data for normalisation are
the Iris rows the slide shows. The hidden graders test the same conventions on many generated inputs.
"""

import math

import numpy as np

from dlgrader.grading import as_array, as_number, check, expect, fail, show

RTOL, ATOL = 1e-7, 1e-10

# The rows of the Iris table shown on the slide (ids 1, 2, 95, 96, 97, 149, 150), four measurements each.
IRIS = np.array([
    [5.1, 3.5, 1.4, 0.2],
    [4.9, 3.0, 1.4, 0.2],
    [5.6, 2.7, 4.2, 1.3],
    [5.7, 3.0, 4.2, 1.2],
    [5.7, 2.9, 4.2, 1.3],
    [6.2, 3.4, 5.4, 2.3],
    [5.9, 3.0, 5.1, 1.8],
])


def _sigma(x):
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=float)))


def _array(student_value, call: str, shape) -> np.ndarray:
    return as_array(student_value, call, shape=shape)


def _close(got, expected, call: str, what_es: str, what_en: str, hint_es=None, hint_en=None):
    """Compare within RTOL/ATOL; say what was called, what came back and what was expected."""
    got_arr = np.asarray(got, dtype=float)
    exp_arr = np.asarray(expected, dtype=float)
    ok = got_arr.shape == exp_arr.shape and bool(np.allclose(got_arr, exp_arr, rtol=RTOL, atol=ATOL))
    expect(ok,
           f"{call} devolvió {show(got_arr)}; se esperaba {show(exp_arr)} ({what_es}).",
           f"{call} returned {show(got_arr)}; expected {show(exp_arr)} ({what_en}).",
           hint_es, hint_en)


# ------------------------------------------------------------------ sigmoide

@check("sigmoide_curso")
def test_sigmoide_curso(student):
    for x in (0.0, 2.0, -2.0):
        value = as_number(student.sigmoide(x), f"sigmoide({x})")
        _close(value, _sigma(x), f"sigmoide({x})", "1 / (1 + e^(−x))", "1 / (1 + e^(−x))")
    x = np.array([[-2.0, 0.0], [2.0, 4.0]])
    call = "sigmoide(np.array([[-2.0, 0.0], [2.0, 4.0]]))"
    got = _array(student.sigmoide(x), call, (2, 2))
    _close(got, _sigma(x), call, "σ elemento a elemento, misma forma (2, 2)", "σ elementwise, same shape (2, 2)")


@check("derivada_sigmoide_curso")
def test_derivada_sigmoide_curso(student):
    x = np.array([-2.0, 0.0, 2.0])
    call = "derivada_sigmoide(np.array([-2.0, 0.0, 2.0]))"
    got = _array(student.derivada_sigmoide(x), call, (3,))
    s = _sigma(x)
    fed_output = bool(np.allclose(got, x * (1 - x)))
    _close(got, s * (1 - s), call, "σ(x)(1 − σ(x)); en x = 0 vale 0.25", "σ(x)(1 − σ(x)); at x = 0 it is 0.25",
           "derivada_sigmoide recibe la entrada x, no la salida σ(x): calcula s = sigmoide(x) y devuelve s*(1 - s)."
           if fed_output else None,
           "derivada_sigmoide takes the input x, not the output σ(x): compute s = sigmoide(x) and return s*(1 - s)."
           if fed_output else None)


# ------------------------------------------------------------------ tanh_

@check("tanh_curso")
def test_tanh_curso(student):
    for x in (0.0, 1.0, -1.0):
        value = as_number(student.tanh_(x), f"tanh_({x})")
        _close(value, math.tanh(x), f"tanh_({x})", "(e^x − e^(−x)) / (e^x + e^(−x))", "(e^x − e^(−x)) / (e^x + e^(−x))")
    x = np.array([[-1.0, 0.0, 0.5]])
    call = "tanh_(np.array([[-1.0, 0.0, 0.5]]))"
    got = _array(student.tanh_(x), call, (1, 3))
    _close(got, np.tanh(x), call, "tanh elemento a elemento, misma forma (1, 3)", "tanh elementwise, same shape (1, 3)")


@check("derivada_tanh_curso")
def test_derivada_tanh_curso(student):
    x = np.array([-1.0, 0.0, 1.0])
    call = "derivada_tanh(np.array([-1.0, 0.0, 1.0]))"
    got = _array(student.derivada_tanh(x), call, (3,))
    fed_output = bool(np.allclose(got, 1 - x ** 2))
    _close(got, 1 - np.tanh(x) ** 2, call, "1 − tanh(x)²; en x = 0 vale 1", "1 − tanh(x)²; at x = 0 it is 1",
           "derivada_tanh recibe la entrada x, no la salida tanh(x): calcula t = tanh_(x) y devuelve 1 - t**2."
           if fed_output else None,
           "derivada_tanh takes the input x, not the output tanh(x): compute t = tanh_(x) and return 1 - t**2."
           if fed_output else None)


# ------------------------------------------------------------------ relu, leaky_relu

X_RELU = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
X_RELU_TEXT = "np.array([-2.0, -0.5, 0.0, 0.5, 2.0])"


@check("relu_curso")
def test_relu_curso(student):
    call = f"relu({X_RELU_TEXT})"
    got = _array(student.relu(X_RELU), call, (5,))
    _close(got, np.maximum(0, X_RELU), call, "max(0, x)", "max(0, x)")
    call = f"leaky_relu({X_RELU_TEXT})"
    got = _array(student.leaky_relu(X_RELU), call, (5,))
    _close(got, np.maximum(0.1 * X_RELU, X_RELU), call, "max(0.1x, x): alfa = 0.1 por omisión, como en el curso",
           "max(0.1x, x): alfa = 0.1 by default, as in the course")
    call = f"leaky_relu({X_RELU_TEXT}, 0.2)"
    got = _array(student.leaky_relu(X_RELU, 0.2), call, (5,))
    _close(got, np.maximum(0.2 * X_RELU, X_RELU), call, "x si x > 0, 0.2·x si no", "x if x > 0, else 0.2·x")


@check("derivadas_relu_curso")
def test_derivadas_relu_curso(student):
    call = f"derivada_relu({X_RELU_TEXT})"
    got = _array(student.derivada_relu(X_RELU), call, (5,))
    _close(got, [0, 0, 0, 1, 1], call, "1 donde x > 0 y 0 donde x <= 0, también en x = 0",
           "1 where x > 0 and 0 where x <= 0, at x = 0 too")
    call = f"derivada_leaky_relu({X_RELU_TEXT})"
    got = _array(student.derivada_leaky_relu(X_RELU), call, (5,))
    _close(got, [0.1, 0.1, 0.1, 1, 1], call, "1 donde x > 0 y alfa = 0.1 donde x <= 0, también en x = 0",
           "1 where x > 0 and alfa = 0.1 where x <= 0, at x = 0 too")


# ------------------------------------------------------------------ elu

@check("elu_curso")
def test_elu_curso(student):
    x = np.array([-2.0, -1.0, 0.0, 1.0, 2.0])
    text = "np.array([-2.0, -1.0, 0.0, 1.0, 2.0])"
    for alfa, call, got in [(1.0, f"elu({text})", student.elu(x)), (0.5, f"elu({text}, 0.5)", student.elu(x, 0.5))]:
        got = _array(got, call, (5,))
        expected = np.where(x > 0, x, alfa * (np.exp(x) - 1))
        _close(got, expected, call, f"x si x >= 0 y {alfa:g}·(e^x − 1) si x < 0",
               f"x if x >= 0 and {alfa:g}·(e^x − 1) if x < 0")


# ------------------------------------------------------------------ softmax

@check("softmax_curso")
def test_softmax_curso(student):
    z = np.array([2.0, 1.0, 0.1])  # the three output neurons of an Iris classifier (one per species)
    call = "softmax(np.array([2.0, 1.0, 0.1]))"
    got = _array(student.softmax(z), call, (3,))
    _close(got, np.exp(z) / np.exp(z).sum(), call, "e^(z_j) / Σ_k e^(z_k); las tres probabilidades suman 1",
           "e^(z_j) / Σ_k e^(z_k); the three probabilities add up to 1")
    batch = np.array([[2.0, 1.0, 0.1], [1.0, 1.0, 1.0]])
    call = "softmax(np.array([[2.0, 1.0, 0.1], [1.0, 1.0, 1.0]]))"
    got = _array(student.softmax(batch), call, (2, 3))
    expected = np.exp(batch) / np.exp(batch).sum(axis=1, keepdims=True)
    _close(got, expected, call, "softmax de cada fila por separado (eje = -1 por omisión): cada fila suma 1",
           "softmax of each row separately (eje = -1 by default): each row adds up to 1",
           "Suma con axis=eje y keepdims=True para dividir cada fila por su propia suma.",
           "Sum with axis=eje and keepdims=True to divide each row by its own sum.")


# ------------------------------------------------------------------ losses

@check("mse_curso")
def test_mse_curso(student):
    y = np.array([3.0, -0.5, 2.0, 7.0])
    p = np.array([2.5, 0.0, 2.0, 8.0])
    call = "mse(np.array([3.0, -0.5, 2.0, 7.0]), np.array([2.5, 0.0, 2.0, 8.0]))"
    value = as_number(student.mse(y, p), call)
    summed = abs(value - 1.5) < 1e-9
    _close(value, 0.375, call, "(0.25 + 0.25 + 0 + 1) / 4, el promedio de los cuadrados de las diferencias",
           "(0.25 + 0.25 + 0 + 1) / 4, the mean of the squared differences",
           "Es el promedio (1/n), no la suma: usa np.mean." if summed else None,
           "It is the mean (1/n), not the sum: use np.mean." if summed else None)


@check("binaria_curso")
def test_binaria_curso(student):
    y = np.array([1.0, 0.0, 1.0, 0.0])
    p = np.array([0.9, 0.1, 0.8, 0.3])
    call = "entropia_cruzada_binaria(np.array([1.0, 0.0, 1.0, 0.0]), np.array([0.9, 0.1, 0.8, 0.3]))"
    value = as_number(student.entropia_cruzada_binaria(y, p), call)
    expected = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    negative = value < 0
    _close(value, expected, call, "−(log 0.9 + log 0.9 + log 0.8 + log 0.7) / 4, un número positivo",
           "−(log 0.9 + log 0.9 + log 0.8 + log 0.7) / 4, a positive number",
           "Falta el signo menos delante del promedio (la diapositiva lo omite): la pérdida nunca es negativa."
           if negative else None,
           "The minus sign in front of the mean is missing (the slide omits it): the loss is never negative."
           if negative else None)


@check("categorica_curso")
def test_categorica_curso(student):
    Y = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    P = np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]])
    call = ("entropia_cruzada_categorica(np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]), "
            "np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]]))")
    value = as_number(student.entropia_cruzada_categorica(Y, P), call)
    expected = (-math.log(0.7) - math.log(0.6)) / 2
    summed = abs(value - 2 * expected) < 1e-9
    _close(value, expected, call, "(−log 0.7 − log 0.6) / 2: el promedio sobre los dos ejemplos",
           "(−log 0.7 − log 0.6) / 2: the mean over the two examples",
           "Suma sobre las clases y promedia sobre los ejemplos (divide por n, no por n·k ni por 1)." if summed else None,
           "Sum over the classes and average over the examples (divide by n, not by n·k nor by 1)." if summed else None)


# ------------------------------------------------------------------ normalisation

def _pair(result, call: str, d: int):
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        fail(f"{call} debe devolver una tupla de dos arreglos; devolvió {show(result)}.",
             f"{call} must return a tuple of two arrays; it returned {show(result)}.")
    return as_array(result[0], f"{call}[0]", shape=(d,)), as_array(result[1], f"{call}[1]", shape=(d,))


@check("minmax_curso")
def test_minmax_curso(student):
    call = "ajustar_minmax(X_iris)"
    minimo, maximo = _pair(student.ajustar_minmax(IRIS), call, 4)
    _close(minimo, IRIS.min(axis=0), f"{call}[0]", "el mínimo de cada columna", "each column's minimum")
    _close(maximo, IRIS.max(axis=0), f"{call}[1]", "el máximo de cada columna", "each column's maximum")
    call = "aplicar_minmax(X_iris, minimo, maximo)"
    got = _array(student.aplicar_minmax(IRIS, IRIS.min(axis=0), IRIS.max(axis=0)), call, IRIS.shape)
    expected = (IRIS - IRIS.min(axis=0)) / (IRIS.max(axis=0) - IRIS.min(axis=0))
    _close(got, expected, call, "(X − X_min) / (X_max − X_min) en cada columna: cada columna va de 0 a 1",
           "(X − X_min) / (X_max − X_min) in each column: each column goes from 0 to 1")


@check("zscore_curso")
def test_zscore_curso(student):
    call = "ajustar_zscore(X_iris)"
    media, desv = _pair(student.ajustar_zscore(IRIS), call, 4)
    _close(media, IRIS.mean(axis=0), f"{call}[0]", "la media de cada columna", "each column's mean")
    sample = bool(np.allclose(desv, IRIS.std(axis=0, ddof=1)))
    _close(desv, IRIS.std(axis=0), f"{call}[1]", "la desviación estándar poblacional de cada columna (ddof = 0)",
           "each column's population standard deviation (ddof = 0)",
           "Usa la desviación poblacional, que divide por n: np.std(X, axis=0) (no ddof=1, que divide por n − 1)."
           if sample else None,
           "Use the population deviation, which divides by n: np.std(X, axis=0) (not ddof=1, which divides by n − 1)."
           if sample else None)
    call = "aplicar_zscore(X_iris, media, desv)"
    got = _array(student.aplicar_zscore(IRIS, IRIS.mean(axis=0), IRIS.std(axis=0)), call, IRIS.shape)
    expected = (IRIS - IRIS.mean(axis=0)) / IRIS.std(axis=0)
    _close(got, expected, call, "(X − media) / desviación en cada columna: media 0 y desviación 1",
           "(X − mean) / deviation in each column: mean 0 and deviation 1")
