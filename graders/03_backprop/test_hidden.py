"""Hidden checks of assignment 03 (backpropagation by hand): properties on generated networks.

The oracle is torch.autograd in float64 (an independent implementation of the same network and loss) and, for
the numerical gradient, the reference solution with the same eps. Inputs are kept where the sigmoid is far from
saturation (|pre-activation| < 10), so float64 round-off is far below every tolerance used here and any correct
implementation, whatever its order of operations, passes. Network shapes are small and often square
(d == h, h == k), which hides a missing transpose from a shape check and leaves it to the values.
"""

import numpy as np
import torch
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, arrays

from dlgrader.grading import as_array, as_number, check, fail, grader_settings, one_line

NAMES = ("W1", "b1", "W2", "b2")
GRAD_RTOL = 1e-7  # the relative error every gradient must reach against torch.autograd
TINY = 1e-300  # keeps the relative error defined when both arrays are exactly zero
ROUNDOFF = 1e-15  # absolute slack (in norm) for analytic gradients that are zero up to round-off
NUMERIC_ROUNDOFF = 1e-9  # the same for difference quotients: a few ulps of E divided by eps



# ------------------------------------------------------------------ strategies


def reals(bound: float):
    return st.floats(-bound, bound, allow_nan=False, allow_infinity=False, allow_subnormal=False)


UNIT = st.floats(0, 1, allow_nan=False, allow_infinity=False, allow_subnormal=False)


@st.composite
def networks(draw, max_n: int = 6, max_side: int = 4):
    """(X, D, (W1, b1, W2, b2)) for a network d -> h -> k with a batch of N examples."""
    d = draw(st.integers(1, max_side))
    h = draw(st.one_of(st.just(d), st.integers(1, max_side)))
    k = draw(st.one_of(st.just(h), st.integers(1, 3)))
    n = draw(st.integers(1, max_n))
    X = draw(arrays(np.float64, (n, d), elements=reals(2.0)))
    D = draw(arrays(np.float64, (n, k), elements=UNIT))
    W1 = draw(arrays(np.float64, (d, h), elements=reals(1.0)))
    b1 = draw(arrays(np.float64, (h,), elements=reals(1.0)))
    W2 = draw(arrays(np.float64, (h, k), elements=reals(1.5)))
    b2 = draw(arrays(np.float64, (k,), elements=reals(1.0)))
    return X, D, (W1, b1, W2, b2)


# ------------------------------------------------------------------ the torch oracle

def torch_network(X, D, params):
    """H, Y, E and the gradients of E (the batch mean of 1/2 ||d - y||^2) with torch.autograd, float64."""
    t = [torch.tensor(p, dtype=torch.float64, requires_grad=True) for p in params]
    H = torch.sigmoid(torch.tensor(X, dtype=torch.float64) @ t[0] + t[1])
    Y = torch.sigmoid(H @ t[2] + t[3])
    E = (0.5 * ((torch.tensor(D, dtype=torch.float64) - Y) ** 2).sum(dim=1)).mean()
    E.backward()
    return H.detach().numpy(), Y.detach().numpy(), float(E.item()), tuple(p.grad.numpy() for p in t)


def torch_training(X, D, params, eta, pasos):
    """Full-batch gradient descent with torch.autograd: final parameters and the loss before each update."""
    t = [torch.tensor(p, dtype=torch.float64, requires_grad=True) for p in params]
    Xt, Dt = torch.tensor(X, dtype=torch.float64), torch.tensor(D, dtype=torch.float64)
    history = []
    for _ in range(pasos):
        Y = torch.sigmoid(torch.sigmoid(Xt @ t[0] + t[1]) @ t[2] + t[3])
        E = (0.5 * ((Dt - Y) ** 2).sum(dim=1)).mean()
        history.append(float(E.item()))
        for p in t:
            p.grad = None
        E.backward()
        with torch.no_grad():
            for p in t:
                p -= eta * p.grad
    return tuple(p.detach().numpy().copy() for p in t), np.array(history)


# ------------------------------------------------------------------ helpers

def describe(X, D, params) -> str:
    W1, b1, W2, b2 = params
    return f"X = {one_line(X)}, D = {one_line(D)}, W1 = {one_line(W1)}, b1 = {one_line(b1)}, W2 = {one_line(W2)}, b2 = {one_line(b2)}"


def shapes(X, params) -> str:
    n, d = X.shape
    h, k = params[2].shape
    return f"N = {n}, d = {d}, h = {h}, k = {k}"


def rel_error(got: np.ndarray, expected: np.ndarray) -> float:
    """||got - expected|| / max(||got||, ||expected||), with a tiny absolute floor."""
    scale = max(float(np.linalg.norm(got)), float(np.linalg.norm(expected)), TINY)
    return float(np.linalg.norm(got - expected)) / scale


def four_arrays(result, like, what: str) -> tuple:
    """Validate a tuple (or list) of four arrays with the shapes of ``like``."""
    if not isinstance(result, (tuple, list)) or len(result) != 4:
        fail(f"{what} debe devolver una tupla de cuatro arreglos (W1, b1, W2, b2); devolvió {one_line(result)}.",
             f"{what} must return a tuple of four arrays (W1, b1, W2, b2); it returned {one_line(result)}.")
    return tuple(as_array(r, f"{what}[{i}] ({name})", shape=p.shape)
                 for i, (r, name, p) in enumerate(zip(result, NAMES, like)))


def forward(student, X, params):
    result = student.propagar_adelante(X, *params)
    what = "propagar_adelante(X, W1, b1, W2, b2)"
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        fail(f"{what} debe devolver la tupla (H, Y); devolvió {one_line(result)}.",
             f"{what} must return the tuple (H, Y); it returned {one_line(result)}.")
    n, h, k = X.shape[0], params[0].shape[1], params[2].shape[1]
    H = as_array(result[0], f"{what}[0] (H) con {shapes(X, params)}", shape=(n, h))
    Y = as_array(result[1], f"{what}[1] (Y) con {shapes(X, params)}", shape=(n, k))
    return H, Y


def allclose(got, expected, rtol: float, atol: float) -> bool:
    g, e = np.asarray(got, dtype=np.float64), np.asarray(expected, dtype=np.float64)
    return g.shape == e.shape and bool(np.allclose(g, e, rtol=rtol, atol=atol))


def expect_grads_close(got, expected, rtol, text, hint_es=None, hint_en=None, atol=ROUNDOFF):
    """Each gradient within ``rtol`` relative error (in norm), up to ``atol`` of absolute round-off.

    ``text`` is a function giving the (Spanish, English) description of the call: it is rendered only on failure.
    """
    for g, e, name in zip(got, expected, NAMES):
        close = float(np.linalg.norm(g - e)) <= rtol * max(float(np.linalg.norm(g)), float(np.linalg.norm(e))) + atol
        if not close:
            err = rel_error(g, e)
            text_es, text_en = text()
            fail(f"{text_es}: el gradiente respecto de {name} es {one_line(g)}; se esperaba {one_line(e)} "
                 f"(error relativo {err:.2e}, se pide menos de {rtol:g}).",
                 f"{text_en}: the gradient with respect to {name} is {one_line(g)}; expected {one_line(e)} "
                 f"(relative error {err:.2e}, it must be below {rtol:g}).",
                 hint_es, hint_en)


def expect_unchanged(after_args, before_args, names, fn, case_es, case_en):
    for after, before, name in zip(after_args, before_args, names):
        after = np.asarray(after)
        same = after.shape == before.shape and bool(np.array_equal(after, before))
        if not same:
            fail(f"{fn} modificó su argumento {name} (con {case_es}): después de la llamada vale {one_line(after)} y "
                 f"antes valía {one_line(before)}. Trabaja sobre copias y devuelve arreglos nuevos.",
                 f"{fn} modified its argument {name} (with {case_en}): after the call it is {one_line(after)} and "
                 f"before it was {one_line(before)}. Work on copies and return new arrays.")


# ------------------------------------------------------------------ sigmoide

Z_ELEMENTS = st.one_of(reals(50.0), st.sampled_from([0.0, -0.0, 36.0, -36.0, 500.0, -500.0, 710.0, -710.0, 1e3, -1e3]))


@check("sigmoide_valores")
@grader_settings(max_examples=25)
@given(z=st.one_of(arrays(np.float64, array_shapes(min_dims=0, max_dims=3, min_side=1, max_side=4),
                          elements=Z_ELEMENTS), Z_ELEMENTS))
def test_sigmoide_valores(student, z):
    value, args_after, _ = student.sigmoide.with_inputs(z)
    if isinstance(z, float):  # a number gives a number (a float, a NumPy real or a 0-d array)
        value = np.asarray(as_number(value, f"sigmoide({z!r})"))
        args_after, z = (np.asarray(args_after[0]),), np.asarray(z)
    got = as_array(value, f"sigmoide(z) con z de forma {z.shape}", shape=z.shape, finite=False)
    expected = torch.sigmoid(torch.tensor(z, dtype=torch.float64)).numpy()
    if not (bool(np.all(np.isfinite(got)))):
        fail(f"sigmoide(z) con z = {one_line(z)} devolvió {one_line(got)}, con valores nan o inf; la sigmoide está entre "
             "0 y 1 para todo z.",
             f"sigmoide(z) with z = {one_line(z)} returned {one_line(got)}, with nan or inf values; the sigmoid lies "
             "between 0 and 1 for every z.",
             "exp(z) / (1 + exp(z)) da inf / inf = nan cuando z es grande: usa 1 / (1 + exp(-z)).",
             "exp(z) / (1 + exp(z)) gives inf / inf = nan when z is large: use 1 / (1 + exp(-z)).")
    if not allclose(got, expected, 1e-12, 1e-15):
        fail(f"sigmoide(z) con z = {one_line(z)} devolvió {one_line(got)}; se esperaba {one_line(expected)}, "
             "1 / (1 + exp(-z)) elemento a elemento.",
             f"sigmoide(z) with z = {one_line(z)} returned {one_line(got)}; expected {one_line(expected)}, "
             "1 / (1 + exp(-z)) elementwise.")
    expect_unchanged(args_after, (z,), ("z",), "sigmoide", f"z de forma {z.shape}", f"z of shape {z.shape}")


# ------------------------------------------------------------------ propagar_adelante

@check("propagar_torch")
@grader_settings(max_examples=25)
@given(case=networks())
def test_propagar_torch(student, case):
    X, D, params = case
    H, Y = forward(student, X, params)
    H_t, Y_t, _, _ = torch_network(X, D, params)
    if not allclose(H, H_t, 1e-10, 1e-14):
        fail(f"propagar_adelante con {describe(X, D, params)} devolvió H = {one_line(H)}; se esperaba "
             f"{one_line(H_t)} = sigmoide(X @ W1 + b1), una fila por ejemplo.",
             f"propagar_adelante with {describe(X, D, params)} returned H = {one_line(H)}; expected "
             f"{one_line(H_t)} = sigmoide(X @ W1 + b1), one row per example.")
    if not allclose(Y, Y_t, 1e-10, 1e-14):
        fail(f"propagar_adelante con {describe(X, D, params)} devolvió Y = {one_line(Y)}; se esperaba "
             f"{one_line(Y_t)} = sigmoide(H @ W2 + b2).",
             f"propagar_adelante with {describe(X, D, params)} returned Y = {one_line(Y)}; expected "
             f"{one_line(Y_t)} = sigmoide(H @ W2 + b2).")


@check("propagar_lote")
@grader_settings(max_examples=15)
@given(case=networks(), data=st.data())
def test_propagar_lote(student, case, data):
    X, D, params = case
    order = np.array(data.draw(st.permutations(range(len(X)))))
    H, Y = forward(student, X, params)
    H_t, Y_t, _, _ = torch_network(X, D, params)
    if not (rel_error(H, H_t) <= 1e-8 and rel_error(Y, Y_t) <= 1e-8):
        fail(f"propagar_adelante con {describe(X, D, params)} no da las activaciones de la red: H = {one_line(H)}, "
             f"Y = {one_line(Y)}; se esperaba H = {one_line(H_t)}, Y = {one_line(Y_t)}.",
             f"propagar_adelante with {describe(X, D, params)} does not give the network's activations: "
             f"H = {one_line(H)}, Y = {one_line(Y)}; expected H = {one_line(H_t)}, Y = {one_line(Y_t)}.")
    Hp, Yp = forward(student, X[order], params)
    if not allclose(np.concatenate([Hp, Yp], axis=1), np.concatenate([H[order], Y[order]], axis=1), 1e-12, 1e-15):
        fail(f"Con las filas de X en el orden {order.tolist()}, propagar_adelante devolvió H = {one_line(Hp)}, "
             f"Y = {one_line(Yp)}; se esperaban las mismas filas que con X en su orden, permutadas: cada "
             "ejemplo del lote se propaga por separado.",
             f"With the rows of X in the order {order.tolist()}, propagar_adelante returned H = {one_line(Hp)}, "
             f"Y = {one_line(Yp)}; expected the same rows as with X in its order, permuted: each example of "
             "the batch is propagated on its own.")


@check("propagar_no_muta")
@grader_settings(max_examples=10)
@given(case=networks())
def test_propagar_no_muta(student, case):
    X, D, params = case
    value, args_after, _ = student.propagar_adelante.with_inputs(X, *params)
    expect_unchanged(args_after, (X, *params), ("X", *NAMES), "propagar_adelante", shapes(X, params),
                     shapes(X, params))
    H_t, Y_t, _, _ = torch_network(X, D, params)
    ok = (isinstance(value, (tuple, list)) and len(value) == 2
          and all(isinstance(v, np.ndarray) and v.shape == e.shape for v, e in zip(value, (H_t, Y_t)))
          and rel_error(np.asarray(value[1], dtype=float), Y_t) <= 1e-8)
    if not ok:
        fail(f"propagar_adelante con {describe(X, D, params)} no devolvió (H, Y) correctos: no modificar los "
             "argumentos solo cuenta si la función también calcula la red.",
             f"propagar_adelante with {describe(X, D, params)} did not return the right (H, Y): not modifying "
             "the arguments only counts when the function also computes the network.")


# ------------------------------------------------------------------ perdida

@check("perdida_torch")
@grader_settings(max_examples=25)
@given(case=networks())
def test_perdida_torch(student, case):
    X, D, params = case
    value, args_after, _ = student.perdida.with_inputs(X, D, *params)
    got = as_number(value, f"perdida(X, D, W1, b1, W2, b2) con {shapes(X, params)}")
    expect_unchanged(args_after, (X, D, *params), ("X", "D", *NAMES), "perdida", shapes(X, params), shapes(X, params))
    _, _, expected, _ = torch_network(X, D, params)
    if not (abs(got - expected) <= 1e-12 * (1 + abs(expected))):
        fail(f"perdida con {describe(X, D, params)} devolvió {got!r}; se esperaba {expected!r}, el promedio sobre "
             "las N filas de 1/2 ||d - y||^2.",
             f"perdida with {describe(X, D, params)} returned {got!r}; expected {expected!r}, the mean over the N "
             "rows of 1/2 ||d - y||^2.",
             "Suma los cuadrados sobre las salidas de cada ejemplo, multiplica por 1/2 y promedia sobre los ejemplos.",
             "Sum the squares over each example's outputs, multiply by 1/2 and average over the examples.")


# ------------------------------------------------------------------ retropropagar

def backward(student, X, D, params):
    return four_arrays(student.retropropagar(X, D, *params), params,
                       f"retropropagar(X, D, W1, b1, W2, b2) con {shapes(X, params)}")


@check("retro_torch")
@grader_settings(max_examples=40)
@given(case=networks())
def test_retro_torch(student, reference, case):
    X, D, params = case
    got = backward(student, X, D, params)
    _, _, _, expected = torch_network(X, D, params)
    ref = reference.retropropagar(X.copy(), D.copy(), *(p.copy() for p in params))
    for r, e in zip(ref, expected):  # the reference and the oracle agree (a broken grader fails loudly)
        assert float(np.linalg.norm(np.asarray(r) - e)) <= GRAD_RTOL * float(np.linalg.norm(e)) + ROUNDOFF
    expect_grads_close(got, expected, GRAD_RTOL,
                       lambda: (f"retropropagar con {describe(X, D, params)}, comparado con torch.autograd",
                                f"retropropagar with {describe(X, D, params)}, compared with torch.autograd"),
                       "Con E promedio: delta2 = (D - Y) Y (1 - Y), delta1 = (delta2 @ W2.T) H (1 - H), "
                       "gradiente de W2 = -(H.T @ delta2) / N y de b2 = -suma de delta2 sobre el lote / N.",
                       "With E the mean: delta2 = (D - Y) Y (1 - Y), delta1 = (delta2 @ W2.T) H (1 - H), "
                       "gradient of W2 = -(H.T @ delta2) / N and of b2 = -sum of delta2 over the batch / N.")


@check("retro_lote")
@grader_settings(max_examples=15)
@given(case=networks(max_n=5), data=st.data())
def test_retro_lote(student, case, data):
    X, D, params = case
    n = len(X)
    rows = []
    for i in range(n):  # each example alone: the course's per-example rule
        one = backward(student, X[i:i + 1], D[i:i + 1], params)
        _, _, _, expected = torch_network(X[i:i + 1], D[i:i + 1], params)
        expect_grads_close(one, expected, GRAD_RTOL,
                           lambda: (f"retropropagar con un solo ejemplo, x = {one_line(X[i])}, d = {one_line(D[i])} "
                                    f"y W1 = {one_line(params[0])}, b1 = {one_line(params[1])}, W2 = {one_line(params[2])}, "
                                    f"b2 = {one_line(params[3])}",
                                    f"retropropagar with a single example, x = {one_line(X[i])}, d = {one_line(D[i])} "
                                    f"and W1 = {one_line(params[0])}, b1 = {one_line(params[1])}, W2 = {one_line(params[2])}, "
                                    f"b2 = {one_line(params[3])}"))
        rows.append(one)
    mean = tuple(np.mean([r[j] for r in rows], axis=0) for j in range(4))
    order = np.array(data.draw(st.permutations(range(n))))
    cases = [("en su orden", "in its order", X, D),
             (f"con las filas en el orden {order.tolist()}", f"with the rows in the order {order.tolist()}",
              X[order], D[order])]
    for how_es, how_en, Xb, Db in cases:
        got = backward(student, Xb, Db, params)
        expect_grads_close(got, mean, 1e-10,
                           lambda: (f"retropropagar con el lote completo ({how_es}; {describe(X, D, params)}) debe "
                                    "dar el promedio de los gradientes de cada ejemplo por separado",
                                    f"retropropagar on the whole batch ({how_en}; {describe(X, D, params)}) must "
                                    "give the mean of the gradients of each example on its own"),
                           "E es el promedio sobre el lote: divide por N una sola vez y suma sobre los ejemplos "
                           "(también el gradiente de los sesgos).",
                           "E is the mean over the batch: divide by N exactly once and sum over the examples "
                           "(the biases' gradient too).")


@check("retro_no_muta")
@grader_settings(max_examples=12)
@given(case=networks())
def test_retro_no_muta(student, case):
    X, D, params = case
    value, args_after, _ = student.retropropagar.with_inputs(X, D, *params)
    expect_unchanged(args_after, (X, D, *params), ("X", "D", *NAMES), "retropropagar", shapes(X, params),
                     shapes(X, params))
    got = four_arrays(value, params, "retropropagar(X, D, W1, b1, W2, b2)")
    _, _, _, expected = torch_network(X, D, params)
    expect_grads_close(got, expected, 1e-6,
                       lambda: (f"retropropagar con {describe(X, D, params)} (no modificar los argumentos solo "
                                "cuenta si los gradientes son correctos)",
                                f"retropropagar with {describe(X, D, params)} (not modifying the arguments only "
                                "counts if the gradients are right)"))


# ------------------------------------------------------------------ actualizar

@st.composite
def updates(draw):
    """(parametros, gradientes, eta): four arrays of network shapes and gradients of the same shapes."""
    _, _, params = draw(networks(max_n=1))
    grads = tuple(draw(arrays(np.float64, p.shape, elements=reals(3.0))) for p in params)
    eta = draw(st.one_of(st.sampled_from([0.5, 1.0, 10.0]), st.floats(1e-3, 20.0, allow_nan=False)))
    return params, grads, eta


@check("actualizar_valores")
@grader_settings(max_examples=25)
@given(case=updates())
def test_actualizar_valores(student, case):
    params, grads, eta = case
    got = four_arrays(student.actualizar(params, grads, eta), params, "actualizar(parametros, gradientes, eta)")
    for g, p, d, name in zip(got, params, grads, NAMES):
        expected = p - eta * d
        if not allclose(g, expected, 1e-12, 1e-14):
            fail(f"actualizar con {name} = {one_line(p)}, gradiente {one_line(d)} y eta = {eta!r} devolvió "
                 f"{one_line(g)}; se esperaba {one_line(expected)} = {name} - eta * gradiente.",
                 f"actualizar with {name} = {one_line(p)}, gradient {one_line(d)} and eta = {eta!r} returned "
                 f"{one_line(g)}; expected {one_line(expected)} = {name} - eta * gradient.")


@check("actualizar_no_muta")
@grader_settings(max_examples=12)
@given(case=updates())
def test_actualizar_no_muta(student, case):
    params, grads, eta = case
    value, args_after, _ = student.actualizar.with_inputs(params, grads, eta)
    for after, before, what in [(args_after[0], params, "parametros"), (args_after[1], grads, "gradientes")]:
        if not isinstance(after, (tuple, list)) or len(after) != 4:
            fail(f"actualizar cambió la tupla {what} que recibió.",
                 f"actualizar changed the tuple {what} it received.")
        expect_unchanged(after, before, [f"{what}[{i}] ({n})" for i, n in enumerate(NAMES)], "actualizar",
                         f"eta = {eta!r}", f"eta = {eta!r}")
    got = four_arrays(value, params, "actualizar(parametros, gradientes, eta)")
    correct = all(np.allclose(g, p - eta * d, rtol=1e-12, atol=1e-14) for g, p, d in zip(got, params, grads))
    if not correct:
        fail(f"actualizar con eta = {eta!r} no devolvió p - eta * g para cada parámetro: no modificar los "
             "argumentos solo cuenta si la función también devuelve los parámetros nuevos.",
             f"actualizar with eta = {eta!r} did not return p - eta * g for each parameter: not modifying the "
             "arguments only counts when the function also returns the new parameters.")


# ------------------------------------------------------------------ gradiente_numerico

# Small steps, where every eps gives nearly the exact gradient, and large ones, where the quotient depends on eps
# well beyond the 1e-6 tolerance: a function that ignores the eps it receives cannot match both.
EPS = st.sampled_from([1e-5, 1e-4, 1e-3, 0.05, 0.2, 0.5])


@check("numerico_central")
@grader_settings(max_examples=25)
@given(case=networks(max_n=4, max_side=3), eps=EPS)
def test_numerico_central(student, reference, case, eps):
    X, D, params = case
    got = four_arrays(student.gradiente_numerico(X, D, *params, eps), params,
                      f"gradiente_numerico(X, D, W1, b1, W2, b2, eps={eps:g}) con {shapes(X, params)}")
    expected = reference.gradiente_numerico(X.copy(), D.copy(), *(p.copy() for p in params), eps)
    expect_grads_close(got, expected, 1e-6,
                       lambda: (f"gradiente_numerico con eps = {eps:g} y {describe(X, D, params)}",
                                f"gradiente_numerico with eps = {eps:g} and {describe(X, D, params)}"),
                       "Diferencias centrales con el eps recibido: (E(p + eps) - E(p - eps)) / (2 eps), moviendo "
                       "una sola entrada de un parámetro a la vez.",
                       "Central differences with the given eps: (E(p + eps) - E(p - eps)) / (2 eps), moving a "
                       "single entry of one parameter at a time.", atol=NUMERIC_ROUNDOFF)
    if eps > 1e-3:  # a large step is far from the derivative by design: only the formula is compared
        return
    _, _, _, exact = torch_network(X, D, params)
    expect_grads_close(got, exact, 1e-4,
                       lambda: (f"gradiente_numerico con eps = {eps:g} y {describe(X, D, params)}, comparado con "
                                "los gradientes exactos de torch.autograd",
                                f"gradiente_numerico with eps = {eps:g} and {describe(X, D, params)}, compared with "
                                "torch.autograd's exact gradients"), atol=1e-6)


@check("numerico_no_muta")
@grader_settings(max_examples=12)
@given(case=networks(max_n=4, max_side=3))
def test_numerico_no_muta(student, case):
    X, D, params = case
    value, args_after, _ = student.gradiente_numerico.with_inputs(X, D, *params, 1e-5)
    expect_unchanged(args_after[:6], (X, D, *params), ("X", "D", *NAMES), "gradiente_numerico",
                     shapes(X, params), shapes(X, params))
    got = four_arrays(value, params, "gradiente_numerico(X, D, W1, b1, W2, b2, 1e-5)")
    _, _, _, exact = torch_network(X, D, params)
    expect_grads_close(got, exact, 1e-5,
                       lambda: (f"gradiente_numerico con {describe(X, D, params)} (dejar los argumentos intactos "
                                "solo cuenta si las derivadas son correctas)",
                                f"gradiente_numerico with {describe(X, D, params)} (leaving the arguments intact "
                                "only counts if the derivatives are right)"),
                       "Guarda el valor original de la entrada que mueves y vuelve a ponerlo tal cual "
                       "(sumar y restar eps no siempre devuelve el mismo número en coma flotante).",
                       "Save the original value of the entry you move and put it back as it was (adding and "
                       "subtracting eps does not always give back the same floating-point number).",
                       atol=NUMERIC_ROUNDOFF)


# ------------------------------------------------------------------ entrenar

def train(student, X, D, params, eta, pasos):
    what = f"entrenar(X, D, W1, b1, W2, b2, eta={eta!r}, pasos={pasos})"
    result = student.entrenar(X, D, *params, eta, pasos)
    if not isinstance(result, (tuple, list)) or len(result) != 5:
        fail(f"{what} debe devolver la tupla (W1, b1, W2, b2, historial); devolvió {one_line(result)}.",
             f"{what} must return the tuple (W1, b1, W2, b2, historial); it returned {one_line(result)}.")
    final = four_arrays(result[:4], params, what)
    return final, result[4]


ETAS = st.one_of(st.sampled_from([0.5, 1.0, 5.0]), st.floats(0.05, 5.0, allow_nan=False))


@check("entrenar_pesos")
@grader_settings(max_examples=25)
@given(case=networks(max_n=5), eta=ETAS, pasos=st.integers(1, 5))
def test_entrenar_pesos(student, case, eta, pasos):
    X, D, params = case
    final, _ = train(student, X, D, params, eta, pasos)
    expected, _ = torch_training(X, D, params, eta, pasos)
    for g, e, name in zip(final, expected, NAMES):
        err = rel_error(g, e)
        if not (err <= GRAD_RTOL):
            fail(f"Después de entrenar(X, D, W1, b1, W2, b2, eta={eta!r}, pasos={pasos}) con "
                 f"{describe(X, D, params)}, "
                 f"{name} vale {one_line(g)}; el descenso de gradiente con torch.autograd da {one_line(e)} "
                 f"(error relativo {err:.2e}).",
                 f"After entrenar(X, D, W1, b1, W2, b2, eta={eta!r}, pasos={pasos}) with {describe(X, D, params)}, "
                 f"{name} is {one_line(g)}; gradient descent with torch.autograd gives {one_line(e)} "
                 f"(relative error {err:.2e}).",
                 "En cada paso calcula los cuatro gradientes con los parámetros actuales (las deltas ocultas con "
                 "el W2 de antes de actualizarlo) y recién después actualiza todo: p - eta * g.",
                 "In each step compute the four gradients with the current parameters (the hidden deltas with W2 "
                 "before it is updated) and only then update everything: p - eta * g.")


@check("entrenar_historial")
@grader_settings(max_examples=20)
@given(case=networks(max_n=5), eta=ETAS, pasos=st.integers(1, 6))
def test_entrenar_historial(student, case, eta, pasos):
    X, D, params = case
    _, raw = train(student, X, D, params, eta, pasos)
    hist = as_array(raw, "entrenar(...)[4] (historial)")
    if not (hist.shape == (pasos,)):
        fail(f"Con pasos = {pasos}, historial debe tener {pasos} elementos (uno por paso); tiene forma {hist.shape}.",
             f"With pasos = {pasos}, historial must have {pasos} elements (one per step); it has shape {hist.shape}.")
    _, expected = torch_training(X, D, params, eta, pasos)
    if not allclose(hist, expected, 1e-9, 1e-13):
        fail(f"entrenar(X, D, W1, b1, W2, b2, eta={eta!r}, pasos={pasos}) con {describe(X, D, params)} "
             f"devolvió historial = {one_line(hist)}; se esperaba {one_line(expected)}: en cada paso, la pérdida E "
             "con los parámetros de ese momento, antes de actualizarlos.",
             f"entrenar(X, D, W1, b1, W2, b2, eta={eta!r}, pasos={pasos}) with {describe(X, D, params)} "
             f"returned historial = {one_line(hist)}; expected {one_line(expected)}: at each step, the loss E with "
             "the parameters of that moment, before updating them.")


X_XOR = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
D_XOR = np.array([[0.0], [1.0], [1.0], [0.0]])


def xor_init(seed: int):
    """Initial weights from a seed (drawn here, in the grader): N(0, 1) weights and zero biases, 3 hidden units."""
    rng = np.random.default_rng(seed)
    return rng.normal(size=(2, 3)), np.zeros(3), rng.normal(size=(3, 1)), np.zeros(1)


@check("entrenar_xor")
@grader_settings(max_examples=6)
@given(seed=st.integers(0, 9))  # every seed of this range reaches a loss below 0.004 with eta = 10, 300 steps
def test_entrenar_xor(student, seed):
    params = xor_init(seed)
    text = (f"XOR, W1 = {one_line(params[0])}, W2 = {one_line(params[2])}, b1 = 0, b2 = 0, eta = 10.0, pasos = 300")
    final, raw = train(student, X_XOR, D_XOR, params, 10.0, 300)
    hist = as_array(raw, "entrenar(...)[4] (historial)")
    if not (hist.shape == (300,) and hist[-1] < 0.01):
        fail(f"Con {text}, entrenar devolvió un historial que termina en {one_line(hist[-1:])}; se esperaba una pérdida "
             "final menor que 0.01.",
             f"With {text}, entrenar returned a history ending in {one_line(hist[-1:])}; expected a final loss below 0.01.")
    Y = torch_network(X_XOR, D_XOR, final)[1][:, 0]
    if not (bool(np.array_equal((Y > 0.5).astype(int), [0, 1, 1, 0]))):
        fail(f"Con {text}, la red entrenada responde {one_line(Y)} para (0,0), (0,1), (1,0), (1,1); se esperaba más de "
             "0.5 solo en (0,1) y (1,0).",
             f"With {text}, the trained network answers {one_line(Y)} for (0,0), (0,1), (1,0), (1,1); expected above "
             "0.5 only at (0,1) and (1,0).")
    again, raw_again = train(student, X_XOR, D_XOR, params, 10.0, 300)
    same = all(np.array_equal(a, b) for a, b in zip(final, again)) and np.array_equal(np.asarray(raw_again), hist)
    if not same:
        fail(f"Dos llamadas iguales a entrenar ({text}) devolvieron resultados distintos: entrenar no debe usar "
             "números aleatorios; parte de los pesos iniciales que recibe.",
             f"Two identical calls to entrenar ({text}) returned different results: entrenar must not use random "
             "numbers; it starts from the initial weights it receives.")


@check("entrenar_no_muta")
@grader_settings(max_examples=12)
@given(case=networks(max_n=5), eta=ETAS, pasos=st.integers(1, 4))
def test_entrenar_no_muta(student, case, eta, pasos):
    X, D, params = case
    value, args_after, _ = student.entrenar.with_inputs(X, D, *params, eta, pasos)
    expect_unchanged(args_after[:6], (X, D, *params), ("X", "D", *NAMES), "entrenar",
                     f"eta = {eta!r}, pasos = {pasos}", f"eta = {eta!r}, pasos = {pasos}")
    if not isinstance(value, (tuple, list)) or len(value) != 5:
        fail("entrenar debe devolver la tupla (W1, b1, W2, b2, historial).",
             "entrenar must return the tuple (W1, b1, W2, b2, historial).")
    final = four_arrays(value[:4], params, "entrenar(...)")
    expected, _ = torch_training(X, D, params, eta, pasos)
    correct = all(rel_error(g, e) <= 1e-6 for g, e in zip(final, expected))
    if not correct:
        fail(f"entrenar con {describe(X, D, params)}, eta = {eta!r}, pasos = {pasos} no devolvió los parámetros del "
             "descenso de gradiente: no modificar los argumentos solo cuenta si la función también entrena.",
             f"entrenar with {describe(X, D, params)}, eta = {eta!r}, pasos = {pasos} did not return the "
             "gradient-descent parameters: not modifying the arguments only counts when the function also trains.")
