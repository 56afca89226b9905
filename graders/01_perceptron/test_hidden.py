"""Hidden checks of assignment 01 (perceptron): properties on generated inputs.

Training data are built so that every computation is exact in float64 and no example ever lies on a
decision boundary: inputs are integers, weights and rates multiples of 1/8 and biases 1/16 off that
grid (so w·x + b is never 0). Any correct implementation, whatever its order of operations, gives
bit-identical results, and a student whose escalon uses >= instead of > loses only the escalon checks.
"""

import numpy as np
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, arrays

from dlgrader.grading import (as_array, as_number, assert_close, assert_equal, check, expect, fail,
                              grader_settings, show)

# ------------------------------------------------------------------ strategies

EDGE_FLOATS = st.sampled_from([0.0, -0.0, 5e-324, -5e-324, 1e-300, -1e-300, 1e-12, -1e-12])
Z_FLOATS = st.one_of(st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False), EDGE_FLOATS)
Z_ARRAYS = st.one_of(
    arrays(np.float64, array_shapes(min_dims=0, max_dims=3, min_side=1, max_side=5), elements=Z_FLOATS),
    arrays(np.int64, array_shapes(min_dims=1, max_dims=2, min_side=1, max_side=5), elements=st.integers(-3, 3)),
)
SMALL_INTS = st.integers(-4, 4).map(float)
EIGHTHS = st.integers(-80, 80).map(lambda k: k / 8)  # exact multiples of 1/8 in [-10, 10]
RATES = st.integers(1, 8).map(lambda k: k / 8)  # 1/8, 1/4, ..., 1
OFF_GRID_BIAS = st.integers(-16, 15).map(lambda k: k / 8 + 1 / 16)  # never a multiple of 1/8
CORNERS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
TRUTH = {"AND": np.array([0, 0, 0, 1]), "OR": np.array([0, 1, 1, 1]), "XOR": np.array([0, 1, 1, 0])}


def initial_weights(d: int, bound: int = 2):
    return arrays(np.float64, d, elements=st.integers(-8 * bound, 8 * bound).map(lambda k: k / 8))


@st.composite
def neuron_inputs(draw):
    """(x, w, b): exact integers (often exactly on w·x + b = 0) or real numbers far from the boundary."""
    d = draw(st.integers(1, 6))
    if draw(st.booleans()):
        w = draw(arrays(np.float64, d, elements=st.integers(-3, 3).map(float)))
        x = draw(arrays(np.float64, d, elements=st.integers(-3, 3).map(float)))
        b = draw(st.one_of(st.just(float(-(x @ w))), st.integers(-5, 5).map(float)))
    else:
        reals = st.floats(-10, 10, allow_nan=False, allow_infinity=False)
        w = draw(arrays(np.float64, d, elements=reals))
        x = draw(arrays(np.float64, d, elements=reals))
        b = draw(reals)
        scale = 1.0 + float(np.abs(x) @ np.abs(w)) + abs(b)
        assume(abs(float(x @ w) + b) > 1e-9 * scale)  # rounding cannot decide the sign
    return x, w, b


@st.composite
def batch_inputs(draw):
    """(X, w, b): X and w on the 1/8 grid, b off the 1/64 grid, so w·x + b is exact and never 0.

    Square batches (n == d) are frequent: they hide a transposed X from a shape check.
    """
    d = draw(st.integers(1, 4))
    n = draw(st.one_of(st.just(d), st.integers(1, 6)))
    X = draw(arrays(np.float64, (n, d), elements=EIGHTHS))
    w = draw(arrays(np.float64, d, elements=EIGHTHS))
    b = draw(EIGHTHS) + 1 / 128
    return X, w, b


@st.composite
def labels(draw, X):
    """Linearly separable labels (a random integer neuron) or random labels."""
    n, d = X.shape
    if draw(st.booleans()):
        w_true = draw(arrays(np.float64, d, elements=st.integers(-3, 3).map(float)))
        b_true = draw(st.integers(-4, 3)) + 0.5
        return (X @ w_true + b_true > 0).astype(np.int64)
    return draw(arrays(np.int64, n, elements=st.integers(0, 1)))


@st.composite
def training_problems(draw, max_epochs: int = 8):
    """(X, y, lr, epocas, w0, b0) with exact arithmetic and no example ever on the boundary."""
    n = draw(st.integers(1, 8))
    d = draw(st.integers(1, 4))
    X = draw(arrays(np.float64, (n, d), elements=SMALL_INTS))
    y = draw(labels(X))
    return X, y, draw(RATES), draw(st.integers(1, max_epochs)), draw(initial_weights(d)), draw(OFF_GRID_BIAS)


# ------------------------------------------------------------------ helpers

def shown(values) -> str:
    """Render a returned array for feedback, as integers when every value is a whole number."""
    arr = np.asarray(values)
    if arr.dtype.kind == "f" and arr.size and np.all(np.isfinite(arr)) and np.all(arr == np.round(arr)):
        arr = arr.astype(np.int64)
    return show(arr)


def step(z) -> np.ndarray:
    return (np.asarray(z) > 0).astype(np.int64)


def describe(X, y, lr, epocas, w0, b0) -> str:
    return f"X = {show(X)}, y = {show(y)}, lr = {lr!r}, epocas = {epocas}, w0 = {show(w0)}, b0 = {b0!r}"


def train(student, X, y, lr, epocas, w0, b0):
    """Call the student's entrenar_perceptron and validate (w, b); errores is returned raw."""
    result = student.entrenar_perceptron(X, y, lr, epocas, w0, b0)
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        fail(f"entrenar_perceptron debe devolver la tupla (w, b, errores); con {describe(X, y, lr, epocas, w0, b0)} "
             f"devolvió {show(result)}.",
             f"entrenar_perceptron must return the tuple (w, b, errores); with {describe(X, y, lr, epocas, w0, b0)} "
             f"it returned {show(result)}.")
    w = as_array(result[0], "entrenar_perceptron(...)[0] (w)", shape=(X.shape[1],))
    b = as_number(result[1], "entrenar_perceptron(...)[1] (b)")
    return w, b, result[2]


def error_history(raw, epocas: int | None) -> np.ndarray:
    """Validate errores: a 1-D sequence of counts, of length epocas when given."""
    errors = as_array(raw, "entrenar_perceptron(...)[2] (errores)")
    expect(errors.ndim == 1, f"errores debe ser una lista de números; tiene forma {errors.shape}.",
           f"errores must be a list of numbers; it has shape {errors.shape}.")
    if epocas is not None:
        expect(len(errors) == epocas,
               f"Con epocas = {epocas}, errores debe tener {epocas} elementos (uno por época); tiene {len(errors)}.",
               f"With epocas = {epocas}, errores must have {epocas} elements (one per epoch); it has {len(errors)}.",
               "Recorre siempre todas las épocas, sin detenerte antes, y agrega un número por época.",
               "Always run every epoch, without stopping early, and append one number per epoch.")
    return errors


def expect_some_training(w, b, errors, w0, b0, case: str) -> None:
    """Fail an implementation that returns its inputs untouched although some example is misclassified.

    Properties such as "no change when everything is right" hold trivially for a function that does
    nothing; each of those checks also runs a case where the rule must act at least once. Any attempt
    at the rule, right or wrong, changes w, b or the error count, so only doing nothing fails here.
    """
    untouched = bool(np.array_equal(w, w0)) and b == b0 and len(errors) > 0 and bool(np.all(errors == 0))
    expect(not untouched,
           f"Con {case} hay ejemplos mal clasificados por los pesos iniciales, pero entrenar_perceptron devolvió "
           "w0, b0 y ningún error: debe aplicar la regla del perceptrón.",
           f"With {case} some examples are misclassified by the initial weights, but entrenar_perceptron "
           "returned w0, b0 and no errors: it must apply the perceptron rule.")


# ------------------------------------------------------------------ escalon

@check("escalon_elementos")
@grader_settings(max_examples=100)
@given(z=st.one_of(Z_FLOATS, Z_ARRAYS))
def test_escalon_elementos(student, z):
    expected = step(z)
    got, args_after, _ = student.escalon.with_inputs(z)
    after = args_after[0] if args_after else None
    same = (after == z) if isinstance(z, float) else (
        np.shape(after) == z.shape and bool(np.array_equal(np.asarray(after), z)))
    expect(bool(same),
           f"escalon(z) con z = {show(z)} modificó su argumento: después de la llamada z vale {show(after)}.",
           f"escalon(z) with z = {show(z)} modified its argument: after the call z is {show(after)}.",
           "Crea un arreglo nuevo, por ejemplo (z > 0).astype(int); nada de z[z > 0] = 1 sobre el argumento.",
           "Create a new array, for example (z > 0).astype(int); no z[z > 0] = 1 on the argument.")
    if isinstance(z, float):
        value = as_number(got, f"escalon({z!r})")
        expect(value == expected,
               f"escalon({z!r}) devolvió {value:g}; se esperaba {int(expected)} (1 solo si z > 0).",
               f"escalon({z!r}) returned {value:g}; expected {int(expected)} (1 only if z > 0).")
        return
    arr = as_array(got, f"escalon(z) con z de forma {z.shape}", shape=z.shape)
    assert_equal(arr, expected,
                 es=f"Para z = {show(z)} (dtype {z.dtype}), escalon(z) devolvió {shown(arr)}; se esperaba "
                    f"{show(expected)}: 1 donde z > 0 y 0 donde z <= 0, elemento a elemento.",
                 en=f"For z = {show(z)} (dtype {z.dtype}), escalon(z) returned {shown(arr)}; expected "
                    f"{show(expected)}: 1 where z > 0 and 0 where z <= 0, elementwise.")


# ------------------------------------------------------------------ neurona

@check("neurona_aleatoria")
@grader_settings(max_examples=100)
@given(case=neuron_inputs())
def test_neurona_aleatoria(student, case):
    x, w, b = case
    z = float(x @ w) + b
    expected = int(z > 0)
    got, args_after, _ = student.neurona.with_inputs(x, w, b)
    for name, before, after in (("x", x, args_after[0]), ("w", w, args_after[1])):
        expect(np.shape(after) == before.shape and bool(np.array_equal(np.asarray(after), before)),
               f"neurona(x, w, b) con x = {show(x)}, w = {show(w)}, b = {b!r} modificó su argumento {name}: después "
               f"de la llamada vale {show(np.asarray(after))}.",
               f"neurona(x, w, b) with x = {show(x)}, w = {show(w)}, b = {b!r} modified its argument {name}: after "
               f"the call it is {show(np.asarray(after))}.",
               "Calcula w·x + b sin escribir en los arreglos que recibes (nada de x *= w).",
               "Compute w·x + b without writing into the arrays you receive (no x *= w).")
    value = as_number(got, f"neurona(x, w, b) con x de forma {x.shape}")
    expect(value == expected,
           f"neurona(x, w, b) con x = {show(x)}, w = {show(w)}, b = {b!r} devolvió {value:g}; "
           f"w·x + b = {z!r}, así que se esperaba {expected}.",
           f"neurona(x, w, b) with x = {show(x)}, w = {show(w)}, b = {b!r} returned {value:g}; "
           f"w·x + b = {z!r}, so {expected} was expected.",
           "La neurona es escalon(w·x + b), con el sesgo sumado y la desigualdad estricta.",
           "The neuron is escalon(w·x + b), with the bias added and a strict inequality.")


@check("neurona_lote_filas")
@grader_settings(max_examples=25)
@given(case=batch_inputs())
def test_neurona_lote_filas(student, case):
    X, w, b = case
    n, d = X.shape
    where = f"X = {show(X)} (forma {X.shape}), w = {show(w)}, b = {b!r}"
    where_en = f"X = {show(X)} (shape {X.shape}), w = {show(w)}, b = {b!r}"
    got = student.neurona(X, w, b)
    if not isinstance(got, np.ndarray) or got.shape != (n,):
        shape = got.shape if isinstance(got, np.ndarray) else type(got).__name__
        fail(f"neurona(X, w, b) con {where} devolvió {shape}; se esperaba un arreglo de forma ({n},), "
             "una salida por fila de X.",
             f"neurona(X, w, b) with {where_en} returned {shape}; expected an array of shape ({n},), "
             "one output per row of X.",
             "Con X de forma (n, d), X @ w tiene forma (n,).", "With X of shape (n, d), X @ w has shape (n,).")
    batch = as_array(got, "neurona(X, w, b)", shape=(n,))
    rows = np.array([as_number(student.neurona(X[i], w, b), f"neurona(X[{i}], w, b)") for i in range(n)])
    assert_equal(batch, rows,
                 es=f"Con {where}, neurona(X, w, b) devolvió {shown(batch)}, pero llamada fila por fila da "
                    f"{shown(rows)}; deben coincidir.",
                 en=f"With {where_en}, neurona(X, w, b) returned {shown(batch)}, but calling it row by row gives "
                    f"{shown(rows)}; they must agree.")
    expected = step(X @ w + b)
    assert_equal(batch, expected,
                 es=f"Con {where}, neurona(X, w, b) devolvió {shown(batch)}; se esperaba {show(expected)} "
                    "(escalon(w·x + b) para cada fila).",
                 en=f"With {where_en}, neurona(X, w, b) returned {shown(batch)}; expected {show(expected)} "
                    "(escalon(w·x + b) for each row).")


# ------------------------------------------------------------------ entrenar_perceptron

@check("entrenar_converge")
@grader_settings(max_examples=60)
@given(gate=st.sampled_from(["AND", "OR"]), order=st.permutations(range(4)), lr=RATES,
       w0=initial_weights(2, bound=1), b0=st.integers(-8, 7).map(lambda k: k / 8 + 1 / 16), epocas=st.integers(25, 40))
def test_entrenar_converge(student, gate, order, lr, w0, b0, epocas):
    # Exhaustive simulation of this grid: every case reaches zero errors by epoch 20 at the latest.
    X = CORNERS[list(order)]
    y = TRUTH[gate][list(order)]
    w, b, raw = train(student, X, y, lr, epocas, w0, b0)
    errors = error_history(raw, None)
    case = describe(X, y, lr, epocas, w0, b0)
    expect(len(errors) > 0 and errors[-1] == 0,
           f"{gate} es linealmente separable, pero entrenar_perceptron con {case} terminó con errores = "
           f"{shown(errors)}; se esperaba 0 en la última época.",
           f"{gate} is linearly separable, but entrenar_perceptron with {case} ended with errores = "
           f"{shown(errors)}; expected 0 in the last epoch.",
           "Revisa la regla: w += lr*(y[i] - pred)*X[i] y b += lr*(y[i] - pred), después de cada ejemplo.",
           "Check the rule: w += lr*(y[i] - pred)*X[i] and b += lr*(y[i] - pred), after each example.")
    predicted = step(X @ w + b)
    assert_equal(predicted, y,
                 es=f"Con {case}, los pesos devueltos w = {show(w)}, b = {b!r} clasifican los ejemplos como "
                    f"{shown(predicted)}; se esperaba {show(y)}.",
                 en=f"With {case}, the returned weights w = {show(w)}, b = {b!r} classify the examples as "
                    f"{shown(predicted)}; expected {show(y)}.")


@check("entrenar_xor")
@grader_settings(max_examples=40)
@given(order=st.permutations(range(4)), lr=RATES, w0=initial_weights(2), b0=EIGHTHS, epocas=st.integers(1, 30))
def test_entrenar_xor(student, order, lr, w0, b0, epocas):
    X = CORNERS[list(order)]
    y = TRUTH["XOR"][list(order)]
    _, _, raw = train(student, X, y, lr, epocas, w0, b0)
    errors = error_history(raw, None)
    expect(len(errors) > 0 and bool(np.all(errors >= 1)),
           f"XOR no es linealmente separable: en cada época al menos un ejemplo queda mal clasificado. Con "
           f"{describe(X, y, lr, epocas, w0, b0)}, entrenar_perceptron devolvió errores = {shown(errors)}.",
           f"XOR is not linearly separable: in every epoch at least one example is misclassified. With "
           f"{describe(X, y, lr, epocas, w0, b0)}, entrenar_perceptron returned errores = {shown(errors)}.",
           "Cuenta un error cada vez que la predicción de un ejemplo es distinta de y[i], antes de actualizar.",
           "Count an error each time an example's prediction differs from y[i], before updating.")


@check("entrenar_correctos")
@grader_settings(max_examples=60)
@given(data=st.data())
def test_entrenar_correctos(student, data):
    n = data.draw(st.integers(1, 8))
    d = data.draw(st.integers(1, 4))
    X = data.draw(arrays(np.float64, (n, d), elements=SMALL_INTS))
    w0 = data.draw(initial_weights(d))
    b0 = data.draw(OFF_GRID_BIAS)
    y = step(X @ w0 + b0)  # the initial neuron already classifies every example
    lr, epocas = data.draw(RATES), data.draw(st.integers(1, 5))
    case = describe(X, y, lr, epocas, w0, b0)
    w, b, raw = train(student, X, y, lr, epocas, w0, b0)
    errors = error_history(raw, None)
    assert_equal(w, w0,
                 es=f"Con {case} los pesos iniciales ya clasifican bien todos los ejemplos, así que w no debe "
                    f"cambiar; entrenar_perceptron devolvió w = {show(w)}.",
                 en=f"With {case} the initial weights already classify every example, so w must not change; "
                    f"entrenar_perceptron returned w = {show(w)}.")
    expect(b == b0,
           f"Con {case} los pesos iniciales ya clasifican bien todos los ejemplos, así que b no debe cambiar; "
           f"entrenar_perceptron devolvió b = {b!r}.",
           f"With {case} the initial weights already classify every example, so b must not change; "
           f"entrenar_perceptron returned b = {b!r}.",
           "Cuando la predicción es correcta el error y[i] - pred es 0 y la regla no cambia nada.",
           "When the prediction is right the error y[i] - pred is 0 and the rule changes nothing.")
    expect(len(errors) > 0 and bool(np.all(errors == 0)),
           f"Con {case} ningún ejemplo está mal clasificado; se esperaba errores con puros ceros y se obtuvo "
           f"{shown(errors)}.",
           f"With {case} no example is misclassified; expected errores to be all zeros and got {shown(errors)}.")
    # The same data with the last label flipped and one epoch: exactly one update, at the last example.
    flipped = y.copy()
    flipped[-1] = 1 - flipped[-1]
    other = describe(X, flipped, lr, 1, w0, b0)
    w, b, raw = train(student, X, flipped, lr, 1, w0, b0)
    expect_some_training(w, b, error_history(raw, None), w0, b0, other)


@check("entrenar_pesos")
@grader_settings(max_examples=80)
@given(case=training_problems())
def test_entrenar_pesos(student, reference, case):
    X, y, lr, epocas, w0, b0 = case
    w, b, _ = train(student, X, y, lr, epocas, w0, b0)
    w_ref, b_ref, _ = reference.entrenar_perceptron(X.copy(), y.copy(), lr, epocas, w0.copy(), b0)
    text = describe(X, y, lr, epocas, w0, b0)
    hint_es = ("Actualiza w y b después de cada ejemplo (no al final de la época), solo con el error "
               "y[i] - pred, recorriendo las filas de X en orden.")
    hint_en = ("Update w and b after each example (not at the end of the epoch), only with the error "
               "y[i] - pred, visiting the rows of X in order.")
    same = (np.allclose(w, w_ref, rtol=0, atol=1e-9) and abs(b - float(b_ref)) <= 1e-9)
    expect(same,
           f"Con {text}, entrenar_perceptron devolvió w = {show(w)}, b = {b!r}; con la regla del perceptrón "
           f"se esperaba w = {show(np.asarray(w_ref))}, b = {float(b_ref)!r}.",
           f"With {text}, entrenar_perceptron returned w = {show(w)}, b = {b!r}; the perceptron rule gives "
           f"w = {show(np.asarray(w_ref))}, b = {float(b_ref)!r}.",
           hint_es, hint_en)


@check("entrenar_errores")
@grader_settings(max_examples=80)
@given(case=training_problems())
def test_entrenar_errores(student, reference, case):
    X, y, lr, epocas, w0, b0 = case
    _, _, raw = train(student, X, y, lr, epocas, w0, b0)
    errors = error_history(raw, epocas)
    _, _, expected = reference.entrenar_perceptron(X.copy(), y.copy(), lr, epocas, w0.copy(), b0)
    text = describe(X, y, lr, epocas, w0, b0)
    assert_equal(errors, expected,
                 es=f"Con {text}, entrenar_perceptron devolvió errores = {shown(errors)}; se esperaba "
                    f"{show(np.asarray(expected))}: en cada época, cuántos ejemplos estaban mal clasificados al "
                    "visitarlos (antes de su actualización).",
                 en=f"With {text}, entrenar_perceptron returned errores = {shown(errors)}; expected "
                    f"{show(np.asarray(expected))}: for each epoch, how many examples were misclassified when "
                    "visited (before their update).")


@check("entrenar_no_muta")
@grader_settings(max_examples=60)
@given(case=training_problems())
def test_entrenar_no_muta(student, reference, case):
    X, y, lr, epocas, w0, b0 = case
    _, _, ref_errors = reference.entrenar_perceptron(X.copy(), y.copy(), lr, epocas, w0.copy(), b0)
    assume(sum(ref_errors) > 0)  # at least one update, so an in-place change of w0 would show
    value, args_after, _ = student.entrenar_perceptron.with_inputs(X, y, lr, epocas, w0, b0)
    text = describe(X, y, lr, epocas, w0, b0)
    for index, name, before in [(0, "X", X), (1, "y", y), (4, "w0", w0)]:
        after = as_array(args_after[index], name)
        assert_equal(after, before,
                     es=f"Con {text}, entrenar_perceptron modificó su argumento {name}: después de la llamada "
                        f"vale {shown(after)}. Trabaja sobre una copia (por ejemplo w = w0.copy()).",
                     en=f"With {text}, entrenar_perceptron modified its argument {name}: after the call it is "
                        f"{shown(after)}. Work on a copy (for example w = w0.copy()).")
    # Not modifying w0 must not mean not training.
    if not isinstance(value, (tuple, list)) or len(value) != 3:
        fail("entrenar_perceptron debe devolver la tupla (w, b, errores).",
             "entrenar_perceptron must return the tuple (w, b, errores).")
    w = as_array(value[0], "entrenar_perceptron(...)[0] (w)", shape=w0.shape)
    b = as_number(value[1], "entrenar_perceptron(...)[1] (b)")
    expect_some_training(w, b, error_history(value[2], None), w0, b0, text)
    # The same data labelled by the initial neuron: no update happens. The caller then reuses its w0 (here: fills
    # it with nan right after the call); the w returned must be a copy that does not change with it.
    y_right = step(X @ w0 + b0)
    right = describe(X, y_right, lr, epocas, w0, b0)
    out = student.entrenar_perceptron.overwriting_arguments(X, y_right, lr, epocas, w0, b0)
    if not isinstance(out, (tuple, list)) or len(out) != 3:
        fail("entrenar_perceptron debe devolver la tupla (w, b, errores).",
             "entrenar_perceptron must return the tuple (w, b, errores).")
    w_back = as_array(out[0], "entrenar_perceptron(...)[0] (w)", shape=w0.shape, finite=False)
    expect(bool(np.all(np.isfinite(w_back))),
           f"Con {right} ningún ejemplo se actualiza, y entrenar_perceptron devolvió el mismo arreglo w0 que recibió: "
           "cuando quien llama cambia su w0 después (aquí lo llenó de nan), el w devuelto cambia con él.",
           f"With {right} no example is updated, and entrenar_perceptron returned the very w0 array it received: when "
           "the caller changes its w0 afterwards (here it filled it with nan), the returned w changes with it.",
           "Parte de una copia: w = w0.copy() (o np.array(w0, dtype=float)); w = w0 no copia nada.",
           "Start from a copy: w = w0.copy() (or np.array(w0, dtype=float)); w = w0 copies nothing.")


@check("entrenar_escala_lr")
@grader_settings(max_examples=50)
@given(data=st.data())
def test_entrenar_escala_lr(student, data):
    n = data.draw(st.integers(1, 8))
    d = data.draw(st.integers(1, 4))
    X = data.draw(arrays(np.float64, (n, d), elements=SMALL_INTS))
    y = data.draw(labels(X))
    assume(y.any() and not y.all())  # from zero every prediction is the same: both classes force an update
    lr = data.draw(RATES)
    factor = data.draw(st.sampled_from([0.5, 2.0, 3.0, 4.0]))
    epocas = data.draw(st.integers(1, 6))
    zeros = np.zeros(d)
    w1, b1, raw1 = train(student, X, y, lr, epocas, zeros, 0.0)
    w2, b2, raw2 = train(student, X, y, lr * factor, epocas, zeros, 0.0)
    e1, e2 = error_history(raw1, None), error_history(raw2, None)
    text = f"X = {show(X)}, y = {show(y)}, epocas = {epocas}, w0 = 0, b0 = 0"
    expect_some_training(w1, b1, e1, zeros, 0.0, f"{text}, lr = {lr!r}")
    hint_es = "La tasa multiplica toda la actualización, también la del sesgo: b += lr*(y[i] - pred)."
    hint_en = "The rate multiplies the whole update, the bias's too: b += lr*(y[i] - pred)."
    assert_close(w2, factor * w1, rtol=1e-12, atol=1e-12,
                 es=f"Con {text}: lr = {lr!r} da w = {show(w1)} y lr = {lr * factor!r} da w = {show(w2)}; "
                    f"partiendo de cero, multiplicar la tasa por {factor:g} debe multiplicar w por {factor:g}.",
                 en=f"With {text}: lr = {lr!r} gives w = {show(w1)} and lr = {lr * factor!r} gives w = {show(w2)}; "
                    f"starting from zero, multiplying the rate by {factor:g} must multiply w by {factor:g}.")
    expect(abs(b2 - factor * b1) <= 1e-12 * (1 + abs(factor * b1)),
           f"Con {text}: lr = {lr!r} da b = {b1!r} y lr = {lr * factor!r} da b = {b2!r}; partiendo de cero, "
           f"multiplicar la tasa por {factor:g} debe multiplicar b por {factor:g}.",
           f"With {text}: lr = {lr!r} gives b = {b1!r} and lr = {lr * factor!r} gives b = {b2!r}; starting from "
           f"zero, multiplying the rate by {factor:g} must multiply b by {factor:g}.",
           hint_es, hint_en)
    expect(e1.shape == e2.shape and bool(np.array_equal(e1, e2)),
           f"Con {text}: lr = {lr!r} da errores = {shown(e1)} y lr = {lr * factor!r} da errores = {shown(e2)}; "
           "partiendo de cero, las predicciones no dependen de la tasa, así que deben coincidir.",
           f"With {text}: lr = {lr!r} gives errores = {shown(e1)} and lr = {lr * factor!r} gives errores = {shown(e2)}; "
           "starting from zero the predictions do not depend on the rate, so they must agree.")


# ------------------------------------------------------------------ red_xor

def course_network(X: np.ndarray) -> np.ndarray:
    """The course's three neurons, written out: OR (1, 1, -0.5), AND (1, 1, -1.5), output (1, -1.5, -0.5)."""
    h_or = step(X[:, 0] + X[:, 1] - 0.5)
    h_and = step(X[:, 0] + X[:, 1] - 1.5)
    return step(h_or - 1.5 * h_and - 0.5)


UNIT = st.one_of(st.sampled_from([0.0, 1.0]), st.floats(0, 1, allow_nan=False, allow_infinity=False))


@check("red_xor_neuronas")
@grader_settings(max_examples=80)
@given(X=st.integers(1, 10).flatmap(lambda n: arrays(np.float64, (n, 2), elements=UNIT)))
def test_red_xor_neuronas(student, X):
    s = X[:, 0] + X[:, 1]
    # Drop points within rounding distance of the hidden neurons' lines x1 + x2 = 0.5 and x1 + x2 = 1.5.
    X = X[(np.abs(s - 0.5) > 1e-9) & (np.abs(s - 1.5) > 1e-9)]
    assume(len(X) > 0)
    n = len(X)
    got = as_array(student.red_xor(X), f"red_xor(X) con X de forma ({n}, 2)", shape=(n,))
    expected = course_network(X)
    expect(bool(np.array_equal(got, expected)),
           f"red_xor(X) con X = {show(X)} devolvió {shown(got)}; la red del curso (OR, AND y la neurona de "
           f"salida 1, -1.5, -0.5, compuestas con neurona) da {show(expected)}.",
           f"red_xor(X) with X = {show(X)} returned {shown(got)}; the course's network (OR, AND and the "
           f"output neuron 1, -1.5, -0.5, composed with neurona) gives {show(expected)}.",
           "Construye la red con tres llamadas a neurona y los pesos del curso; en puntos que no son 0 ni 1 "
           "la red no equivale a x1 != x2.",
           "Build the network with three calls to neurona and the course's weights; on points that are not 0 "
           "or 1 the network is not the same as x1 != x2.")
