"""Public checks of assignment 01 (perceptron): only the course's own examples.

Students run these with ``dlgrader check 01_perceptron`` or the notebook's last cell.
The hidden graders test the same conventions on many generated inputs.
"""

import numpy as np

from dlgrader.grading import as_array, as_number, assert_equal, check, expect, fail, show

# The course's truth tables (slides: AND with weights 1, 1 and bias -1.5; OR with bias -0.5).
X_TABLE = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y_AND = np.array([0, 0, 0, 1])
Y_OR = np.array([0, 1, 1, 1])
W_COURSE = np.array([1.0, 1.0])
B_AND = -1.5
B_OR = -0.5

# The notebook's worked training example: AND, lr = 0.2, w0 = [0, 0], b0 = -0.1, 10 epochs.
LR, EPOCHS, W0, B0 = 0.2, 10, np.array([0.0, 0.0]), -0.1
TRAIN_CALL = "entrenar_perceptron(X, y, lr=0.2, epocas=10, w0=np.array([0.0, 0.0]), b0=-0.1)"


def shown(values) -> str:
    """Render a returned array for feedback, as integers when every value is a whole number."""
    arr = np.asarray(values)
    if arr.dtype.kind == "f" and arr.size and np.all(np.isfinite(arr)) and np.all(arr == np.round(arr)):
        arr = arr.astype(np.int64)
    return show(arr)


def _row(x: np.ndarray) -> str:
    return "[" + ", ".join(f"{v:g}" for v in x) + "]"


# ------------------------------------------------------------------ escalon

@check("escalon_curso")
def test_escalon_curso(student):
    call = "escalon(np.array([-1.5, -0.5, 0.0, 0.5]))"
    got = as_array(student.escalon(np.array([-1.5, -0.5, 0.0, 0.5])), call, shape=(4,))
    assert_equal(
        got, [0, 0, 0, 1],
        es=f"{call} devolvió {shown(got)}; se esperaba [0, 0, 0, 1]: 1 solo donde z > 0.",
        en=f"{call} returned {shown(got)}; expected [0, 0, 0, 1]: 1 only where z > 0.")
    for z, expected in [(0.5, 1), (-1.5, 0), (0.0, 0)]:
        value = as_number(student.escalon(z), f"escalon({z})")
        expect(value == expected,
               f"escalon({z}) devolvió {value:g}; se esperaba {expected}.",
               f"escalon({z}) returned {value:g}; expected {expected}.",
               "La desigualdad es estricta: escalon(0.0) es 0 (usa z > 0, no z >= 0)." if z == 0 else None,
               "The inequality is strict: escalon(0.0) is 0 (use z > 0, not z >= 0)." if z == 0 else None)


@check("escalon_enteros")
def test_escalon_enteros(student):
    call = "escalon(np.array([-1.5, -0.5, 0.5]))"
    got = student.escalon(np.array([-1.5, -0.5, 0.5]))
    if not isinstance(got, np.ndarray):
        fail(f"{call} devolvió {type(got).__name__}; se esperaba un arreglo de NumPy de enteros.",
             f"{call} returned {type(got).__name__}; expected a NumPy array of integers.")
    expect(got.dtype.kind in "iu",
           f"{call} devolvió un arreglo de dtype {got.dtype}; se esperaban enteros 0 y 1 (dtype entero).",
           f"{call} returned an array of dtype {got.dtype}; expected integers 0 and 1 (an integer dtype).",
           "Convierte el resultado de la comparación, por ejemplo con np.where(condición, 1, 0) o .astype(int).",
           "Convert the comparison's result, for example with np.where(condition, 1, 0) or .astype(int).")
    expect(got.shape == (3,) and bool(np.array_equal(got, [0, 0, 1])),
           f"{call} devolvió {shown(got)}; se esperaba [0, 0, 1].",
           f"{call} returned {shown(got)}; expected [0, 0, 1].")
    scalar = student.escalon(0.5)
    integer = (type(scalar) is int
               or (isinstance(scalar, np.ndarray) and scalar.shape == () and scalar.dtype.kind in "iu"))
    integer = integer and int(scalar) == 1
    expect(integer,
           f"escalon(0.5) devolvió {show(scalar)} ({type(scalar).__name__}); se esperaba el entero 1.",
           f"escalon(0.5) returned {show(scalar)} ({type(scalar).__name__}); expected the integer 1.",
           "Para un número también se devuelve un entero (no True ni 1.0).",
           "For a number the result is an integer too (not True nor 1.0).")


# ------------------------------------------------------------------ neurona

@check("neurona_and_curso")
def test_neurona_and_curso(student):
    for x, d in zip(X_TABLE, Y_AND):
        call = f"neurona(x=np.array({_row(x)}), w=np.array([1.0, 1.0]), b=-1.5)"
        value = as_number(student.neurona(x, W_COURSE, B_AND), call)
        z = x @ W_COURSE + B_AND
        minus_bias = value == int(x @ W_COURSE - B_AND > 0)  # the threshold/bias mix-up gives this value
        expect(value == d,
               f"{call} devolvió {value:g}; se esperaba {d}, porque w·x + b = {z:g}.",
               f"{call} returned {value:g}; expected {d}, because w·x + b = {z:g}.",
               "El sesgo se suma: b = -umbral, así que la neurona calcula escalon(w·x + b), no escalon(w·x - b)."
               if minus_bias else None,
               "The bias is added: b = -threshold, so the neuron computes escalon(w·x + b), not escalon(w·x - b)."
               if minus_bias else None)


@check("neurona_lote_curso")
def test_neurona_lote_curso(student):
    for name, b, expected in [("AND", B_AND, Y_AND), ("OR", B_OR, Y_OR)]:
        call = f"neurona(X, w=np.array([1.0, 1.0]), b={b}) con X la tabla {name} de forma (4, 2)"
        call_en = f"neurona(X, w=np.array([1.0, 1.0]), b={b}) with X the {name} table of shape (4, 2)"
        got = student.neurona(X_TABLE, W_COURSE, b)
        got = as_array(got, f"neurona(X, w, b={b})", shape=(4,))
        assert_equal(got, expected,
                     es=f"{call} devolvió {shown(got)}; se esperaba {show(expected)}, una salida por fila.",
                     en=f"{call_en} returned {shown(got)}; expected {show(expected)}, one output per row.")


# ------------------------------------------------------------------ entrenar_perceptron

def _train(student, y):
    """Call the worked example and validate the shape of what comes back."""
    result = student.entrenar_perceptron(X_TABLE, y, LR, EPOCHS, W0.copy(), B0)
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        fail(f"{TRAIN_CALL} debe devolver la tupla (w, b, errores); devolvió {show(result)}.",
             f"{TRAIN_CALL} must return the tuple (w, b, errores); it returned {show(result)}.")
    w = as_array(result[0], "entrenar_perceptron(...)[0] (w)", shape=(2,))
    b = as_number(result[1], "entrenar_perceptron(...)[1] (b)")
    errors = as_array(result[2], "entrenar_perceptron(...)[2] (errores)")
    expect(errors.shape == (EPOCHS,),
           f"Con epocas={EPOCHS}, errores debe tener {EPOCHS} elementos, uno por época; tiene forma {errors.shape}.",
           f"With epocas={EPOCHS}, errores must have {EPOCHS} elements, one per epoch; it has shape {errors.shape}.",
           "Recorre siempre todas las épocas (sin detenerte antes) y agrega un número al final de cada una.",
           "Always run every epoch (do not stop early) and append one number at the end of each.")
    return w, b, errors


@check("entrenar_forma")
def test_entrenar_forma(student):
    _, _, errors = _train(student, Y_AND)
    valid = bool(np.all(errors == np.round(errors)) and np.all((errors >= 0) & (errors <= len(X_TABLE))))
    expect(valid,
           f"{TRAIN_CALL} devolvió errores = {shown(errors)}; cada elemento debe ser un entero entre 0 y 4 "
           "(ejemplos mal clasificados en esa época).",
           f"{TRAIN_CALL} returned errores = {shown(errors)}; each element must be an integer between 0 and 4 "
           "(examples misclassified in that epoch).")


@check("entrenar_and_curso")
def test_entrenar_and_curso(student):
    for name, y in [("AND", Y_AND), ("OR", Y_OR)]:
        w, b, errors = _train(student, y)
        expect(errors[-1] == 0,
               f"Con la tabla {name}, {TRAIN_CALL} terminó con {errors[-1]:g} errores en la última época; "
               "se esperaba 0 (es un problema linealmente separable).",
               f"With the {name} table, {TRAIN_CALL} ended with {errors[-1]:g} errors in the last epoch; "
               "expected 0 (the problem is linearly separable).",
               "Actualiza w y b después de cada ejemplo: w += lr*(y[i] - pred)*X[i] y b += lr*(y[i] - pred).",
               "Update w and b after each example: w += lr*(y[i] - pred)*X[i] and b += lr*(y[i] - pred).")
        predicted = (X_TABLE @ w + b > 0).astype(int)
        assert_equal(predicted, y,
                     es=f"Con la tabla {name}, los pesos devueltos w = {show(w)}, b = {b:g} clasifican los cuatro "
                        f"ejemplos como {shown(predicted)}; se esperaba {show(y)}.",
                     en=f"With the {name} table, the returned weights w = {show(w)}, b = {b:g} classify the four "
                        f"examples as {shown(predicted)}; expected {show(y)}.")


# ------------------------------------------------------------------ red_xor

@check("red_xor_curso")
def test_red_xor_curso(student):
    points = np.array([[1.0, 0.0], [1.0, 1.0], [0.0, 0.0], [0.0, 1.0]])  # the slide's order
    expected = np.array([1, 0, 0, 1])
    call = "red_xor(np.array([[1, 0], [1, 1], [0, 0], [0, 1]]))"
    got = as_array(student.red_xor(points), call, shape=(4,))
    assert_equal(got, expected,
                 es=f"{call} devolvió {shown(got)}; se esperaba [1, 0, 0, 1], la tabla XOR del curso.",
                 en=f"{call} returned {shown(got)}; expected [1, 0, 0, 1], the course's XOR table.")
