"""Public checks of assignment 03 (backpropagation by hand): the notebook's worked example only.

Students run these with ``dlgrader check 03_backprop`` or the notebook's last cell. The worked example is the
small network of the notebook (2 inputs, 2 hidden units, 2 outputs, one training example), whose numbers the
notebook computes step by step; the XOR check uses the initial weights written in the notebook.
The hidden graders test the same conventions on many generated networks, against torch.autograd.
"""

import numpy as np

from dlgrader.grading import as_array, as_number, assert_close, check, expect, fail, one_line



# ------------------------------------------------------------------ the notebook's worked example

X = np.array([[0.05, 0.10]])
D = np.array([[0.01, 0.99]])
W1 = np.array([[0.15, 0.25], [0.20, 0.30]])
B1 = np.array([0.35, 0.35])
W2 = np.array([[0.40, 0.50], [0.45, 0.55]])
B2 = np.array([0.60, 0.60])
PARAMS = (W1, B1, W2, B2)
NAMES = ("W1", "b1", "W2", "b2")

# Values of the worked example, as the notebook lists them (12 decimals).
H_EX = np.array([[0.593269992107, 0.596884378260]])
Y_EX = np.array([[0.751365069552, 0.772928465321]])
E_EX = 0.298371108760
G_EX = (np.array([[0.000438567734, 0.000497712735], [0.000877135469, 0.000995425471]]),
        np.array([0.008771354689, 0.009954254705]),
        np.array([[0.082167040564, -0.022602540477], [0.082667627848, -0.022740242216]]),
        np.array([0.138498561629, -0.038098236517]))
NEW_EX = (np.array([[0.149780716133, 0.249751143632], [0.199561432266, 0.299502287265]]),
          np.array([0.345614322655, 0.345022872647]),
          np.array([[0.358916479718, 0.511301270239], [0.408666186076, 0.561370121108]]),
          np.array([0.530750719186, 0.619049118258]))
TOL = dict(rtol=1e-9, atol=1e-11)  # the listed values carry 12 decimals

# XOR with the notebook's initial weights (3 hidden units).
X_XOR = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
D_XOR = np.array([[0.0], [1.0], [1.0], [0.0]])
XOR_INIT = (np.array([[0.5, -1.0, 0.8], [-0.7, 0.9, 1.1]]), np.zeros(3), np.array([[1.0], [-1.2], [0.6]]), np.zeros(1))
XOR_E0 = 0.129692331692
ETA_XOR, STEPS_XOR = 10.0, 300

CALL = "(X, D, W1, b1, W2, b2) del ejemplo del enunciado"
CALL_EN = "(X, D, W1, b1, W2, b2) of the notebook's worked example"


def _twice(a: np.ndarray) -> np.ndarray:
    return np.concatenate([a, a], axis=0)


def four_arrays(result, shapes, what: str) -> tuple:
    """Validate a tuple (or list) of four arrays with the parameters' shapes."""
    if not isinstance(result, (tuple, list)) or len(result) != 4:
        fail(f"{what} debe devolver una tupla de cuatro arreglos (W1, b1, W2, b2); devolvió {one_line(result)}.",
             f"{what} must return a tuple of four arrays (W1, b1, W2, b2); it returned {one_line(result)}.")
    return tuple(as_array(r, f"{what}[{i}] ({name})", shape=s)
                 for i, (r, name, s) in enumerate(zip(result, NAMES, shapes)))


def shapes_of(params) -> list:
    return [p.shape for p in params]


# ------------------------------------------------------------------ sigmoide

@check("sigmoide_curso")
def test_sigmoide_curso(student):
    value = as_number(student.sigmoide(0.0), "sigmoide(0.0)")
    expect(abs(value - 0.5) <= 1e-12, f"sigmoide(0.0) devolvió {value!r}; se esperaba 0.5.",
           f"sigmoide(0.0) returned {value!r}; expected 0.5.")
    z = np.array([[-2.0, 0.0], [1.0, 2.0]])
    expected = np.array([[0.119202922022, 0.5], [0.731058578630, 0.880797077978]])
    call = "sigmoide(np.array([[-2.0, 0.0], [1.0, 2.0]]))"
    got = as_array(student.sigmoide(z), call, shape=(2, 2))
    assert_close(got, expected, **TOL,
                 es=f"{call} devolvió {one_line(got)}; se esperaba {one_line(expected)}: 1 / (1 + exp(-z)) en cada elemento.",
                 en=f"{call} returned {one_line(got)}; expected {one_line(expected)}: 1 / (1 + exp(-z)) for each element.")
    expect(abs(got[1, 1] + got[0, 0] - 1.0) <= 1e-12,
           "sigmoide(2) + sigmoide(-2) debe valer 1 (la sigmoide es simétrica respecto de (0, 1/2)).",
           "sigmoide(2) + sigmoide(-2) must be 1 (the sigmoid is symmetric about (0, 1/2)).")


# ------------------------------------------------------------------ propagar_adelante

def forward(student, X, params, what="propagar_adelante(X, W1, b1, W2, b2)"):
    result = student.propagar_adelante(X, *params)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        fail(f"{what} debe devolver la tupla (H, Y); devolvió {one_line(result)}.",
             f"{what} must return the tuple (H, Y); it returned {one_line(result)}.")
    n, h, k = X.shape[0], params[0].shape[1], params[2].shape[1]
    H = as_array(result[0], f"{what}[0] (H)", shape=(n, h))
    Y = as_array(result[1], f"{what}[1] (Y)", shape=(n, k))
    return H, Y


@check("propagar_curso")
def test_propagar_curso(student):
    H, Y = forward(student, X, PARAMS)
    assert_close(H, H_EX, **TOL,
                 es=f"propagar_adelante{CALL} devolvió H = {one_line(H)}; se esperaba {one_line(H_EX)}, "
                    "es decir h = sigmoide(x @ W1 + b1).",
                 en=f"propagar_adelante{CALL_EN} returned H = {one_line(H)}; expected {one_line(H_EX)}, "
                    "that is h = sigmoide(x @ W1 + b1).")
    assert_close(Y, Y_EX, **TOL,
                 es=f"propagar_adelante{CALL} devolvió Y = {one_line(Y)}; se esperaba {one_line(Y_EX)}, "
                    "es decir y = sigmoide(h @ W2 + b2).",
                 en=f"propagar_adelante{CALL_EN} returned Y = {one_line(Y)}; expected {one_line(Y_EX)}, "
                    "that is y = sigmoide(h @ W2 + b2).")


# ------------------------------------------------------------------ perdida

@check("perdida_curso")
def test_perdida_curso(student):
    e = as_number(student.perdida(X, D, *PARAMS), "perdida(X, D, W1, b1, W2, b2)")
    expect(abs(e - E_EX) <= 1e-10,
           f"perdida{CALL} devolvió {e!r}; se esperaba {E_EX} = 1/2 ((0.01 - y1)^2 + (0.99 - y2)^2).",
           f"perdida{CALL_EN} returned {e!r}; expected {E_EX} = 1/2 ((0.01 - y1)^2 + (0.99 - y2)^2).")
    e2 = as_number(student.perdida(_twice(X), _twice(D), *PARAMS), "perdida con el ejemplo repetido dos veces")
    expect(abs(e2 - E_EX) <= 1e-10,
           f"Con un lote de dos filas iguales al ejemplo del enunciado, perdida devolvió {e2!r}; se esperaba "
           f"{E_EX}, lo mismo que con una fila: E es el promedio sobre el lote, no la suma.",
           f"With a batch of two rows equal to the worked example, perdida returned {e2!r}; expected {E_EX}, "
           "the same as with one row: E is the mean over the batch, not the sum.")


# ------------------------------------------------------------------ retropropagar

def _compare_grads(got, expected, text_es, text_en):
    for g, e, name in zip(got, expected, NAMES):
        assert_close(g, e, **TOL,
                     es=f"{text_es}: el gradiente respecto de {name} es {one_line(g)}; se esperaba {one_line(e)}.",
                     en=f"{text_en}: the gradient with respect to {name} is {one_line(g)}; expected {one_line(e)}.")


@check("retro_curso")
def test_retro_curso(student):
    got = four_arrays(student.retropropagar(X, D, *PARAMS), shapes_of(PARAMS), "retropropagar(X, D, W1, b1, W2, b2)")
    _compare_grads(got, G_EX, f"retropropagar{CALL}", f"retropropagar{CALL_EN}")
    got2 = four_arrays(student.retropropagar(_twice(X), _twice(D), *PARAMS), shapes_of(PARAMS),
                       "retropropagar con el ejemplo repetido dos veces")
    _compare_grads(got2, G_EX,
                   "Con un lote de dos filas iguales al ejemplo del enunciado (E es el promedio, así que los "
                   "gradientes no cambian)",
                   "With a batch of two rows equal to the worked example (E is the mean, so the gradients do "
                   "not change)")


# ------------------------------------------------------------------ actualizar

@check("actualizar_curso")
def test_actualizar_curso(student):
    call = "actualizar((W1, b1, W2, b2), gradientes, 0.5) con los valores del enunciado"
    call_en = "actualizar((W1, b1, W2, b2), gradientes, 0.5) with the notebook's values"
    got = four_arrays(student.actualizar(PARAMS, G_EX, 0.5), shapes_of(PARAMS), "actualizar(parametros, gradientes, eta)")
    for g, e, name in zip(got, NEW_EX, NAMES):
        assert_close(g, e, **TOL,
                     es=f"{call} devolvió {name} = {one_line(g)}; se esperaba {one_line(e)} = {name} - 0.5 * gradiente.",
                     en=f"{call_en} returned {name} = {one_line(g)}; expected {one_line(e)} = {name} - 0.5 * gradient.")


# ------------------------------------------------------------------ gradiente_numerico

@check("numerico_curso")
def test_numerico_curso(student):
    got = four_arrays(student.gradiente_numerico(X, D, *PARAMS), shapes_of(PARAMS),
                      "gradiente_numerico(X, D, W1, b1, W2, b2)")
    for g, e, name in zip(got, G_EX, NAMES):
        assert_close(g, e, rtol=1e-6, atol=1e-10,
                     es=f"gradiente_numerico{CALL} (eps = 1e-5) da {one_line(g)} para {name}; los gradientes "
                        f"exactos son {one_line(e)} y las diferencias centrales deben coincidir con ellos con un "
                        "error relativo menor que 1e-6.",
                     en=f"gradiente_numerico{CALL_EN} (eps = 1e-5) gives {one_line(g)} for {name}; the exact "
                        f"gradients are {one_line(e)} and central differences must agree with them to a relative "
                        "error below 1e-6.")


# ------------------------------------------------------------------ entrenar

@check("entrenar_xor_curso")
def test_entrenar_xor_curso(student):
    call = "entrenar(X, D, W1, b1, W2, b2, eta=10.0, pasos=300) con XOR y los pesos iniciales del enunciado"
    call_en = "entrenar(X, D, W1, b1, W2, b2, eta=10.0, pasos=300) with XOR and the notebook's initial weights"
    result = student.entrenar(X_XOR, D_XOR, *XOR_INIT, ETA_XOR, STEPS_XOR)
    if not isinstance(result, (tuple, list)) or len(result) != 5:
        fail(f"{call} debe devolver la tupla (W1, b1, W2, b2, historial); devolvió {one_line(result)}.",
             f"{call_en} must return the tuple (W1, b1, W2, b2, historial); it returned {one_line(result)}.")
    params = four_arrays(result[:4], shapes_of(XOR_INIT), "entrenar(...)")
    hist = as_array(result[4], "entrenar(...)[4] (historial)")
    expect(hist.shape == (STEPS_XOR,),
           f"historial debe tener {STEPS_XOR} elementos, uno por paso; tiene forma {hist.shape}.",
           f"historial must have {STEPS_XOR} elements, one per step; it has shape {hist.shape}.")
    expect(abs(hist[0] - XOR_E0) <= 1e-9,
           f"historial[0] vale {float(hist[0])!r}; se esperaba {XOR_E0}, la pérdida con los pesos iniciales (antes de "
           "la primera actualización).",
           f"historial[0] is {float(hist[0])!r}; expected {XOR_E0}, the loss with the initial weights (before the first "
           "update).")
    expect(hist[-1] < 0.01 and hist[-1] < hist[0],
           f"{call} terminó con historial[-1] = {float(hist[-1])!r}; se esperaba una pérdida menor que 0.01 "
           "(con un descenso de gradiente correcto baja a cerca de 0.002).",
           f"{call_en} ended with historial[-1] = {float(hist[-1])!r}; expected a loss below 0.01 "
           "(with correct gradient descent it falls to about 0.002).",
           "Revisa el signo: los parámetros se mueven en contra del gradiente, p - eta * g.",
           "Check the sign: the parameters move against the gradient, p - eta * g.")
    _, Y = forward(student, X_XOR, params, "propagar_adelante(X, *parámetros entrenados)")
    predicted = (Y[:, 0] > 0.5).astype(int)
    expect(bool(np.array_equal(predicted, [0, 1, 1, 0])),
           f"Con los parámetros entrenados, la red responde {one_line(Y[:, 0])} para las cuatro filas de XOR; se "
           "esperaba más de 0.5 solo en (0, 1) y (1, 0).",
           f"With the trained parameters, the network answers {one_line(Y[:, 0])} for the four rows of XOR; expected "
           "above 0.5 only at (0, 1) and (1, 0).")
