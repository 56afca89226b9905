"""Hidden checks of assignment 04 (gradient descent): properties on generated inputs.

The training checks call the notebook's locked wrappers entrenar_lineal / entrenar_logistica (only plain data
crosses the sandbox) and compare with an independent oracle written here: the stated batching convention
(one rng = np.random.default_rng(semilla), one rng.permutation(N) per epoch, consecutive slices, last partial
batch kept) and the averaged gradient in matrix form, A^T r / B with A = [X, 1] and theta = [w, b], not the
notebook's per-example gradients. (torch autograd agrees with this oracle to 1e-15; it is not used here because
importing it would cost more than the whole grading.) Learning rates are drawn below
1 / (2 max_k ||(x_k, 1)||^2), so every step is non-expansive and rounding differences between correct
implementations stay at the 1e-12 level; the comparisons allow 1e-7 relative.
"""

import math

import numpy as np
from hypothesis import assume, given
from hypothesis import strategies as st

from dlgrader.grading import as_array, as_number, check, expect, fail, grader_settings, show

RTOL, ATOL = 1e-7, 1e-9

# ------------------------------------------------------------------ strategies

EIGHTHS = st.integers(-16, 16).map(lambda k: k / 8)  # [-2, 2] on a 1/8 grid: short to read in feedback
SEEDS = st.one_of(st.sampled_from([0, 1]), st.integers(0, 2**31 - 1))  # semilla >= 0: 0 is allowed, and drawn


@st.composite
def decays(draw, allow_none: bool = True, strong: bool = False):
    """A decaimiento dictionary as the notebook states it (strong: always decays noticeably)."""
    kinds = (["none"] if allow_none else []) + ["tiempo", "escalon", "exponencial"]
    kind = draw(st.sampled_from(kinds))
    if kind == "none":
        return None
    if kind == "escalon":
        high = 0.8 if strong else 1.0
        factor = draw(st.floats(0.1, high, allow_nan=False, allow_infinity=False))
        paso = draw(st.integers(1, 3 if strong else 12))
        return {"tipo": "escalon", "factor": factor, "paso": paso}
    low = 0.2 if strong else 0.0
    k = draw(st.floats(low, 2.0 if kind == "tiempo" else 1.0, allow_nan=False, allow_infinity=False))
    return {"tipo": kind, "k": k}


def _eighths(draw, size: int, bound: int) -> np.ndarray:
    """``size`` multiples of 1/8 in [-bound/8, bound/8], drawn as one flat list of integers.

    Why flat: shrinking a failing case redraws it hundreds of times, and nested lists of mapped integers
    cost hypothesis twice the bookkeeping (the demo class of 04 graded in 20 % less time, same scores).
    """
    return np.array(draw(st.lists(st.integers(-bound, bound), min_size=size, max_size=size)), dtype=float) / 8


@st.composite
def problems(draw, model: str = "lineal", tam: str = "any", min_n: int = 2, decay=None, epochs=(1, 6)):
    """(X, y, w0, b0, lr, epocas, tam_lote, semilla, decaimiento) with a non-expansive learning rate.

    tam: "full" (tam_lote = N), "partial" (1 <= tam_lote < N) or "any".
    decay: a strategy for decaimiento, or None for no decay.
    """
    n = draw(st.integers(min_n, 10))
    d = draw(st.integers(1, 3))
    X = _eighths(draw, n * d, 16).reshape(n, d)
    if model == "lineal":
        y = _eighths(draw, n, 24)
    else:
        y = np.array(draw(st.lists(st.integers(0, 1), min_size=n, max_size=n)), dtype=float)
    w0 = _eighths(draw, d, 16)
    b0 = draw(EIGHTHS)
    scale = 2.0 * float(np.max(np.sum(X ** 2, axis=1) + 1.0))
    c = draw(st.sampled_from([0.1, 0.25, 0.5, 0.75, 1.0]))
    lr = c / scale if model == "lineal" else 4.0 * c / scale
    epocas = draw(st.integers(*epochs))
    if tam == "full":
        tam_lote = n
    elif tam == "partial":
        tam_lote = draw(st.integers(1, n - 1))
    else:
        tam_lote = draw(st.integers(1, n))
    decaimiento = draw(decay) if decay is not None else None
    return X, y, w0, b0, lr, epocas, tam_lote, draw(SEEDS), decaimiento


# ------------------------------------------------------------------ oracles

def rate(lr0: float, epoch: int, decay) -> float:
    """The notebook's schedules, written out."""
    if decay is None:
        return lr0
    if decay["tipo"] == "tiempo":
        return lr0 / (1.0 + decay["k"] * epoch)
    if decay["tipo"] == "escalon":
        return lr0 * decay["factor"] ** math.floor(epoch / decay["paso"])
    return lr0 * math.exp(-decay["k"] * epoch)


def permutations(N: int, epocas: int, semilla: int) -> list[np.ndarray]:
    rng = np.random.default_rng(semilla)
    return [rng.permutation(N) for _ in range(epocas)]


def batches(N: int, tam: int, epocas: int, semilla: int) -> list[list[np.ndarray]]:
    return [[order[i:i + tam] for i in range(0, N, tam)] for order in permutations(N, epocas, semilla)]


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.where(z >= 0, 1.0 / (1.0 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1.0 + np.exp(-np.abs(z))))


def _mean_loss(model: str, A: np.ndarray, theta: np.ndarray, y: np.ndarray) -> float:
    """Mean loss with the bias folded into theta: A = [X, 1], theta = [w, b]."""
    z = A @ theta
    if model == "lineal":
        return float(np.mean((z - y) ** 2))
    return float(np.mean(np.maximum(z, 0.0) - y * z + np.log1p(np.exp(-np.abs(z)))))


def _mean_gradient(model: str, A: np.ndarray, theta: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Gradient of the batch's mean loss in matrix form: A^T (residual) / B (times 2 for the squared error)."""
    z = A @ theta
    residual = 2.0 * (z - y) if model == "lineal" else _sigmoid(z) - y
    return A.T @ residual / len(y)


def oracle(model, X, y, w0, b0, lr, epocas, tam_lote, semilla, decaimiento, rates=None):
    """Mini-batch gradient descent on theta = [w, b] with the matrix form of the averaged gradient.

    rates: the learning rate of each epoch when given (the student's own schedule), else the notebook's.
    """
    A = np.hstack([np.asarray(X, dtype=float), np.ones((len(X), 1))])
    theta = np.append(np.asarray(w0, dtype=float), float(b0))
    history = []
    for epoch, epoch_batches in enumerate(batches(len(X), tam_lote, epocas, semilla)):
        eta = rate(lr, epoch, decaimiento) if rates is None else rates[epoch]
        for idx in epoch_batches:
            theta = theta - eta * _mean_gradient(model, A[idx], theta, y[idx])
        history.append(_mean_loss(model, A, theta, y))
    return theta[:-1].copy(), float(theta[-1]), np.array(history)


def full_loss(model, X, y, w, b) -> float:
    A = np.hstack([np.asarray(X, dtype=float), np.ones((len(X), 1))])
    return _mean_loss(model, A, np.append(np.asarray(w, dtype=float), float(b)), y)


# ------------------------------------------------------------------ helpers

def describe(case) -> str:
    X, y, w0, b0, lr, epocas, tam_lote, semilla, decaimiento = case
    return (f"X = {show(X)}, y = {show(y)}, w0 = {show(w0)}, b0 = {b0!r}, lr = {lr!r}, epocas = {epocas}, "
            f"tam_lote = {tam_lote}, semilla = {semilla}, decaimiento = {decaimiento!r}")


def train(student, case, model: str = "lineal", semilla=None):
    """Call entrenar_lineal / entrenar_logistica (the locked wrappers around descenso_gradiente); validate."""
    X, y, w0, b0, lr, epocas, tam_lote, seed, decaimiento = case
    seed = seed if semilla is None else semilla
    name = f"entrenar_{model}"
    result = getattr(student, name)(X, y, w0, b0, lr, epocas, tam_lote, seed, decaimiento)
    return unpack(result, name, X.shape[1], epocas)


def unpack(result, name: str, d: int, epocas: int):
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        fail(f"{name} (que llama a tu descenso_gradiente) debía devolver (w, b, historial); devolvió "
             f"{show(result)[:120]}.",
             f"{name} (which calls your descenso_gradiente) should return (w, b, historial); it returned "
             f"{show(result)[:120]}.",
             "descenso_gradiente debe devolver la tupla (params, historial).",
             "descenso_gradiente must return the tuple (params, historial).")
    w = as_array(result[0], f"{name}(...)[0] (w)", shape=(d,))
    b = as_number(result[1], f"{name}(...)[1] (b)")
    history = as_array(result[2], f"{name}(...)[2] (historial)")
    expect(history.shape == (epocas,),
           f"{name} devolvió un historial de forma {history.shape}; con epocas = {epocas} se esperaba ({epocas},).",
           f"{name} returned a history of shape {history.shape}; with epocas = {epocas} ({epocas},) was expected.")
    return w, b, history


def close(a, b, rtol=RTOL, atol=ATOL) -> bool:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=rtol, atol=atol))


def compare_with_oracle(student, case, model: str, what_es: str, what_en: str, hint_es: str, hint_en: str,
                        rates=None):
    w, b, history = train(student, case, model)
    w_ref, b_ref, h_ref = oracle(model, *case, rates=rates)
    text = describe(case)
    expect(close(w, w_ref) and close(b, b_ref),
           f"Con {text}, entrenar_{model} devolvió w = {show(w)}, b = {b!r}; {what_es} da w = {show(w_ref)}, "
           f"b = {b_ref!r}.",
           f"With {text}, entrenar_{model} returned w = {show(w)}, b = {b!r}; {what_en} gives w = {show(w_ref)}, "
           f"b = {b_ref!r}.",
           hint_es, hint_en)
    expect(close(history, h_ref),
           f"Con {text}, entrenar_{model} terminó con los parámetros correctos pero historial = {show(history)}; "
           f"se esperaba {show(h_ref)}: la pérdida sobre todos los datos al final de cada época.",
           f"With {text}, entrenar_{model} ended with the right parameters but historial = {show(history)}; "
           f"expected {show(h_ref)}: the loss over all the data at the end of each epoch.",
           "Usa la función perdida que recibe descenso_gradiente, con X e y completos, después del último lote.",
           "Use the perdida function descenso_gradiente receives, with the whole X and y, after the last batch.")


def epoch_batches(raw, call: str, epoch: int) -> list[np.ndarray]:
    if not isinstance(raw, (list, tuple)):
        fail(f"{call}[{epoch}] debe ser la lista de lotes de la época {epoch}; es {type(raw).__name__}.",
             f"{call}[{epoch}] must be the list of batches of epoch {epoch}; it is {type(raw).__name__}.")
    out = []
    for j, batch in enumerate(raw):
        arr = as_array(batch, f"{call}[{epoch}][{j}]", kind="i")
        expect(arr.ndim == 1,
               f"{call}[{epoch}][{j}] tiene forma {arr.shape}; cada lote es un arreglo de una dimensión.",
               f"{call}[{epoch}][{j}] has shape {arr.shape}; each batch is a one-dimensional array.")
        out.append(arr.astype(np.int64))
    return out


def get_batches(student, N, tam, epocas, semilla):
    call = f"indices_lotes({N}, {tam}, {epocas}, {semilla})"
    result = student.indices_lotes(N, tam, epocas, semilla)
    if not isinstance(result, (list, tuple)) or len(result) != epocas:
        size = len(result) if isinstance(result, (list, tuple)) else type(result).__name__
        fail(f"{call} debe devolver una lista con {epocas} elementos, uno por época; devolvió {size}.",
             f"{call} must return a list with {epocas} elements, one per epoch; it returned {size}.")
    return call, [epoch_batches(raw, call, e) for e, raw in enumerate(result)]


def expect_permutation_epochs(call, epochs, N, tam):
    count = -(-N // tam)
    expected_sizes = [tam] * (count - 1) + [N - (count - 1) * tam]
    for e, bs in enumerate(epochs):
        sizes = [b.size for b in bs]
        dropped = sizes == expected_sizes[:-1] and count > 1
        expect(sizes == expected_sizes,
               f"{call}: la época {e} tiene lotes de tamaños {sizes}; se esperaban {expected_sizes} "
               f"({count} lotes: trozos consecutivos de {tam} y el último con los que sobran).",
               f"{call}: epoch {e} has batches of sizes {sizes}; expected {expected_sizes} "
               f"({count} batches: consecutive slices of {tam} and the last one with the rest).",
               "El último lote incompleto se conserva, no se descarta." if dropped else None,
               "The last incomplete batch is kept, not discarded." if dropped else None)
        joined = np.concatenate(bs) if bs else np.array([])
        expect(bool(np.array_equal(np.sort(joined), np.arange(N))),
               f"{call}: en la época {e} los lotes juntos son {show(joined)}; deben contener cada índice de 0 a "
               f"{N - 1} exactamente una vez.",
               f"{call}: in epoch {e} the batches together are {show(joined)}; they must contain every index from "
               f"0 to {N - 1} exactly once.")


# ------------------------------------------------------------------ iteraciones_por_epoca

@check("iteraciones_techo")
@grader_settings(max_examples=60)
@given(data=st.data())
def test_iteraciones_techo(student, data):
    N = data.draw(st.one_of(st.integers(1, 100), st.integers(1, 10**7)))
    tam = data.draw(st.one_of(st.integers(1, N), st.sampled_from([d for d in (1, 2, 4, 8) if d <= N])))
    expected = -(-N // tam)
    call = f"iteraciones_por_epoca({N}, {tam})"
    raw = student.iteraciones_por_epoca(N, tam)
    value = as_number(raw, call, integer=True)
    expect(type(raw) is int,
           f"{call} devolvió {raw!r}, un {type(raw).__name__}; se esperaba un entero (int).",
           f"{call} returned {raw!r}, a {type(raw).__name__}; an integer (int) was expected.",
           "math.ceil(N / tam_lote) o -(-N // tam_lote) dan un int; np.ceil da un real (938.0).",
           "math.ceil(N / tam_lote) or -(-N // tam_lote) give an int; np.ceil gives a float (938.0).")
    expect(value == expected,
           f"{call} devolvió {value:g}; se esperaba {expected}, el techo de {N} / {tam}.",
           f"{call} returned {value:g}; expected {expected}, the ceiling of {N} / {tam}.",
           "Un lote incompleto al final también es una iteración; si N es múltiplo de tam_lote no sobra ninguno.",
           "An incomplete batch at the end is an iteration too; if N is a multiple of tam_lote none is left over.")


# ------------------------------------------------------------------ indices_lotes

@check("lotes_visita_todos")
@grader_settings(max_examples=40)
@given(N=st.integers(1, 30), data=st.data(), epocas=st.integers(1, 4), semilla=SEEDS)
def test_lotes_visita_todos(student, N, data, epocas, semilla):
    tam = data.draw(st.integers(1, N))
    call, epochs = get_batches(student, N, tam, epocas, semilla)
    expect_permutation_epochs(call, epochs, N, tam)


@check("lotes_semilla")
@grader_settings(max_examples=40)
@given(N=st.integers(1, 30), data=st.data(), epocas=st.integers(1, 4), semilla=SEEDS)
def test_lotes_semilla(student, N, data, epocas, semilla):
    tam = data.draw(st.integers(1, N))
    call, epochs = get_batches(student, N, tam, epocas, semilla)
    expected = batches(N, tam, epocas, semilla)
    for e, (got, exp) in enumerate(zip(epochs, expected)):
        got_order = np.concatenate(got) if got else np.array([])
        exp_order = np.concatenate(exp)
        same = len(got) == len(exp) and all(g.shape == x.shape and np.array_equal(g, x) for g, x in zip(got, exp))
        expect(same,
               f"{call}: la época {e} recorre los índices en el orden {show(got_order)} con {len(got)} lotes; con "
               f"rng = np.random.default_rng({semilla}) creado una vez y una llamada rng.permutation({N}) por "
               f"época, la época {e} es {show(exp_order)} en {len(exp)} lotes.",
               f"{call}: epoch {e} visits the indices in the order {show(got_order)} with {len(got)} batches; with "
               f"rng = np.random.default_rng({semilla}) created once and one call rng.permutation({N}) per "
               f"epoch, epoch {e} is {show(exp_order)} in {len(exp)} batches.",
               "Crea el generador una sola vez, antes del ciclo de épocas, y no uses np.random.* global.",
               "Create the generator once, before the loop over epochs, and do not use the global np.random.*.")


@check("lotes_rebaraja")
@grader_settings(max_examples=30)
@given(N=st.integers(4, 30), data=st.data(), epocas=st.integers(2, 4), semilla=SEEDS, other=SEEDS)
def test_lotes_rebaraja(student, N, data, epocas, semilla, other):
    orders = permutations(N, epocas, semilla)
    assume(not np.array_equal(orders[0], orders[1]))
    assume(other != semilla and not np.array_equal(permutations(N, 1, other)[0], orders[0]))
    tam = data.draw(st.integers(1, N))
    call, epochs = get_batches(student, N, tam, epocas, semilla)
    expect_permutation_epochs(call, epochs, N, tam)
    first, second = np.concatenate(epochs[0]), np.concatenate(epochs[1])
    expect(not np.array_equal(first, second),
           f"{call}: las épocas 0 y 1 recorren los índices en el mismo orden {show(first)}; el orden debe "
           "barajarse de nuevo al comienzo de cada época.",
           f"{call}: epochs 0 and 1 visit the indices in the same order {show(first)}; the order must be "
           "reshuffled at the start of every epoch.",
           "Usa un único rng creado antes del ciclo de épocas y pídele una permutación nueva en cada época.",
           "Use a single rng created before the loop over epochs and ask it for a new permutation every epoch.")
    _, again = get_batches(student, N, tam, epocas, semilla)
    same = all(len(a) == len(b) and all(np.array_equal(x, z) for x, z in zip(a, b)) for a, b in zip(epochs, again))
    expect(same,
           f"Llamar dos veces a {call} dio lotes distintos; con la misma semilla los lotes deben ser los mismos.",
           f"Calling {call} twice gave different batches; with the same seed the batches must be the same.",
           "Toda la aleatoriedad debe salir de np.random.default_rng(semilla).",
           "All the randomness must come from np.random.default_rng(semilla).")
    other_call, other_epochs = get_batches(student, N, tam, 1, other)
    expect(not np.array_equal(np.concatenate(other_epochs[0]), first),
           f"{call} y {other_call} dan el mismo orden en la época 0; la semilla debe determinar el orden.",
           f"{call} and {other_call} give the same order in epoch 0; the seed must determine the order.")


# ------------------------------------------------------------------ tasa_aprendizaje

LR0 = st.floats(1e-4, 2.0, allow_nan=False, allow_infinity=False)


def student_rate(student, lr0, epoch, decay) -> float:
    return as_number(student.tasa_aprendizaje(lr0, epoch, decay), f"tasa_aprendizaje({lr0!r}, {epoch}, {decay!r})")


@check("tasa_formulas")
@grader_settings(max_examples=60)
@given(lr0=LR0, epoca=st.integers(0, 60), decay=decays())
def test_tasa_formulas(student, lr0, epoca, decay):
    value = student_rate(student, lr0, epoca, decay)
    expected = rate(lr0, epoca, decay)
    formula = {None: "lr0", "tiempo": "lr0 / (1 + k·epoca)", "escalon": "lr0 · factor^floor(epoca / paso)",
               "exponencial": "lr0 · exp(-k·epoca)"}[decay["tipo"] if decay else None]
    expect(abs(value - expected) <= 1e-9 * expected + 1e-15,
           f"tasa_aprendizaje({lr0!r}, {epoca}, {decay!r}) devolvió {value!r}; se esperaba {formula} = {expected!r}.",
           f"tasa_aprendizaje({lr0!r}, {epoca}, {decay!r}) returned {value!r}; expected {formula} = {expected!r}.",
           "La primera época es epoca = 0; en el escalonado el exponente es la división entera epoca // paso.",
           "The first epoch is epoca = 0; in step decay the exponent is the integer division epoca // paso.")


@check("tasa_inicio_monotona")
@grader_settings(max_examples=40)
@given(lr0=LR0, decay=decays(allow_none=False, strong=True))
def test_tasa_inicio_monotona(student, lr0, decay):
    values = [student_rate(student, lr0, e, decay) for e in range(31)]
    expect(abs(values[0] - lr0) <= 1e-12 * lr0,
           f"tasa_aprendizaje({lr0!r}, 0, {decay!r}) devolvió {values[0]!r}; en la época 0 la tasa es lr0 = {lr0!r}.",
           f"tasa_aprendizaje({lr0!r}, 0, {decay!r}) returned {values[0]!r}; in epoch 0 the rate is lr0 = {lr0!r}.",
           "Las épocas se cuentan desde 0: no sumes 1 a la época.",
           "Epochs are counted from 0: do not add 1 to the epoch.")
    ups = [e for e in range(30) if values[e + 1] > values[e] * (1 + 1e-12)]
    expect(not ups,
           f"Con {decay!r} y lr0 = {lr0!r} la tasa sube de la época {ups[0] if ups else 0} a la siguiente "
           f"({values[ups[0]] if ups else 0:.6g} → {values[ups[0] + 1] if ups else 0:.6g}); nunca debe aumentar.",
           f"With {decay!r} and lr0 = {lr0!r} the rate goes up from epoch {ups[0] if ups else 0} to the next "
           f"({values[ups[0]] if ups else 0:.6g} → {values[ups[0] + 1] if ups else 0:.6g}); it must never increase.")
    expect(values[30] < lr0 * (1 - 1e-6),
           f"Con {decay!r} y lr0 = {lr0!r}, tasa_aprendizaje en la época 30 devolvió {values[30]!r}; el decaimiento "
           "debe haber bajado la tasa.",
           f"With {decay!r} and lr0 = {lr0!r}, tasa_aprendizaje at epoch 30 returned {values[30]!r}; the decay "
           "must have lowered the rate.")


@check("tasa_escalon_piso")
@grader_settings(max_examples=30)
@given(lr0=LR0, factor=st.floats(0.1, 0.9, allow_nan=False, allow_infinity=False), paso=st.integers(2, 6))
def test_tasa_escalon_piso(student, lr0, factor, paso):
    decay = {"tipo": "escalon", "factor": factor, "paso": paso}
    for block in range(3):
        start = block * paso
        first = student_rate(student, lr0, start, decay)
        target = lr0 * factor ** block
        expect(abs(first - target) <= 1e-9 * target,
               f"tasa_aprendizaje({lr0!r}, {start}, {decay!r}) devolvió {first!r}; al comenzar el bloque {block} "
               f"la tasa es lr0 · factor^{block} = {target!r}.",
               f"tasa_aprendizaje({lr0!r}, {start}, {decay!r}) returned {first!r}; at the start of block {block} "
               f"the rate is lr0 · factor^{block} = {target!r}.")
        for e in range(start + 1, start + paso):
            value = student_rate(student, lr0, e, decay)
            expect(abs(value - first) <= 1e-12 * first,
                   f"Con {decay!r} la tasa debe ser la misma en las épocas {start} a {start + paso - 1}; en la "
                   f"época {start} es {first!r} y en la {e} es {value!r}.",
                   f"With {decay!r} the rate must be the same in epochs {start} to {start + paso - 1}; in epoch "
                   f"{start} it is {first!r} and in epoch {e} it is {value!r}.",
                   "El exponente es floor(epoca / paso), un entero: usa la división entera //.",
                   "The exponent is floor(epoca / paso), an integer: use the integer division //.")


# ------------------------------------------------------------------ descenso_gradiente

@check("descenso_lote_completo")
@grader_settings(max_examples=25)
@given(case=problems(tam="full"))
def test_descenso_lote_completo(student, case):
    compare_with_oracle(
        student, case, "lineal", "el descenso del gradiente con el gradiente promedio de todos los datos",
        "gradient descent with the gradient averaged over all the data",
        "Con tam_lote = N hay una actualización por época con el PROMEDIO de los gradientes de los N ejemplos "
        "(np.mean sobre el eje 0), no su suma.",
        "With tam_lote = N there is one update per epoch with the AVERAGE of the gradients of the N examples "
        "(np.mean over axis 0), not their sum.")


@check("descenso_minilotes")
@grader_settings(max_examples=30)
@given(case=problems(tam="partial", min_n=3))
def test_descenso_minilotes(student, case):
    compare_with_oracle(
        student, case, "lineal", "mini-batch con los lotes de indices_lotes y el gradiente promedio de cada lote",
        "mini-batch with the batches of indices_lotes and the averaged gradient of each batch",
        "Una actualización por lote de indices_lotes(N, tam_lote, epocas, semilla)[e], en orden, con X[lote] e "
        "y[lote] (los mismos índices), el último lote incompleto incluido, promediando por el tamaño de ese lote.",
        "One update per batch of indices_lotes(N, tam_lote, epocas, semilla)[e], in order, with X[lote] and "
        "y[lote] (the same indices), the last incomplete batch included, averaging by the size of that batch.")


@check("descenso_decaimiento")
@grader_settings(max_examples=30)
@given(case=problems(tam="partial", min_n=3, decay=decays(allow_none=False, strong=True), epochs=(2, 6)))
def test_descenso_decaimiento(student, case):
    # The student's own tasa_aprendizaje gives the rate of each epoch: a wrong schedule is the tasa_* checks'
    # business, this check is about using it once per epoch, from epoch 0.
    lr, epocas, decaimiento = case[4], case[5], case[8]
    rates = [student_rate(student, lr, e, decaimiento) for e in range(epocas)]
    compare_with_oracle(
        student, case, "lineal", "usar tu tasa_aprendizaje(lr, e, decaimiento) en todos los lotes de la época e",
        "using your tasa_aprendizaje(lr, e, decaimiento) for every batch of epoch e",
        "La tasa se calcula una vez al comienzo de cada época e (desde e = 0) y no cambia entre sus lotes; no "
        "cuentes iteraciones.",
        "The rate is computed once at the start of each epoch e (from e = 0) and does not change between its "
        "batches; do not count iterations.", rates=rates)


@check("descenso_decrece")
@grader_settings(max_examples=25)
@given(case=problems(tam="full", decay=decays()))
def test_descenso_decrece(student, case):
    X, y, w0, b0 = case[:4]
    initial = full_loss("lineal", X, y, w0, b0)
    w_ref, b_ref, h_ref = oracle("lineal", *case)
    assume(h_ref[0] < initial * (1 - 1e-6) - 1e-9)  # the first step makes real progress
    w, b, history = train(student, case)
    text = describe(case)
    final = full_loss("lineal", X, y, w, b)
    expect(close(history[-1], final),
           f"Con {text}, el último valor del historial es {history[-1]!r}, pero la pérdida de los parámetros "
           f"devueltos (w = {show(w)}, b = {b!r}) es {final!r}; deben coincidir.",
           f"With {text}, the last value of the history is {history[-1]!r}, but the loss of the returned "
           f"parameters (w = {show(w)}, b = {b!r}) is {final!r}; they must agree.",
           "Agrega perdida(params, X, y) al terminar cada época, con los parámetros de ese momento.",
           "Append perdida(params, X, y) at the end of each epoch, with the parameters of that moment.")
    curve = np.concatenate([[initial], history])
    ups = [e for e in range(len(history)) if curve[e + 1] > curve[e] * (1 + 1e-9) + 1e-12]
    expect(not ups,
           f"Con {text} (lote completo y tasa segura), la pérdida empieza en {initial!r} y el historial es "
           f"{show(history)}: sube en la época {ups[0] if ups else 0}. En un problema cuadrático convexo con una "
           "tasa así, cada paso del descenso del gradiente la baja o la mantiene.",
           f"With {text} (full batch and a safe rate), the loss starts at {initial!r} and the history is "
           f"{show(history)}: it goes up in epoch {ups[0] if ups else 0}. On a convex quadratic problem with such a "
           "rate, every gradient-descent step lowers it or keeps it.",
           "Actualiza con p - tasa * gradiente promedio (restando, no sumando).",
           "Update with p - tasa * average gradient (subtracting, not adding).")
    expect(history[-1] < initial * (1 - 1e-7),
           f"Con {text} la pérdida empieza en {initial!r} y termina en {history[-1]!r}; el entrenamiento debe "
           "bajarla.",
           f"With {text} the loss starts at {initial!r} and ends at {history[-1]!r}; training must lower it.")


@check("descenso_reproducible")
@grader_settings(max_examples=20)
@given(case=problems(tam="partial", min_n=4, epochs=(2, 4)), other=SEEDS)
def test_descenso_reproducible(student, case, other):
    w_a, b_a, _ = oracle("lineal", *case)
    w_b, b_b, _ = oracle("lineal", *case[:7], other, case[8])
    assume(not close(np.append(w_a, b_a), np.append(w_b, b_b), rtol=1e-5, atol=1e-6))
    text = describe(case)
    w1, b1, h1 = train(student, case)
    w2, b2, h2 = train(student, case)
    expect(close(w1, w2, 1e-12, 1e-14) and close(b1, b2, 1e-12, 1e-14) and close(h1, h2, 1e-12, 1e-14),
           f"Con {text}, dos llamadas iguales a entrenar_lineal dieron w = {show(w1)}, b = {b1!r} y w = {show(w2)}, "
           f"b = {b2!r}; con la misma semilla el entrenamiento debe repetirse igual.",
           f"With {text}, two identical calls to entrenar_lineal gave w = {show(w1)}, b = {b1!r} and "
           f"w = {show(w2)}, b = {b2!r}; with the same seed the training must repeat exactly.",
           "Toda la aleatoriedad sale de np.random.default_rng(semilla) (usa tu indices_lotes), nunca de np.random.*.",
           "All the randomness comes from np.random.default_rng(semilla) (use your indices_lotes), never from "
           "np.random.*.")
    w3, b3, _ = train(student, case, semilla=other)
    expect(not close(np.append(w1, b1), np.append(w3, b3), rtol=1e-9, atol=1e-12),
           f"Con {text}, cambiar la semilla a {other} no cambió el resultado (w = {show(w1)}, b = {b1!r}); con "
           "lotes más chicos que N la semilla decide el orden de los lotes y con él los parámetros finales.",
           f"With {text}, changing the seed to {other} did not change the result (w = {show(w1)}, b = {b1!r}); "
           "with batches smaller than N the seed decides the order of the batches and so the final parameters.",
           "Baraja los ejemplos con los lotes de indices_lotes(N, tam_lote, epocas, semilla).",
           "Shuffle the examples with the batches of indices_lotes(N, tam_lote, epocas, semilla).")


@check("descenso_generico")
@grader_settings(max_examples=20)
@given(case=problems(model="logistica"))
def test_descenso_generico(student, case):
    compare_with_oracle(
        student, case, "logistica", "la regresión logística entrenada con su propia pérdida y sus gradientes",
        "logistic regression trained with its own loss and gradients",
        "descenso_gradiente debe llamar a las funciones perdida y gradientes que recibe como argumentos, no a "
        "perdida_lineal ni gradientes_lineal.",
        "descenso_gradiente must call the perdida and gradientes functions it receives as arguments, not "
        "perdida_lineal or gradientes_lineal.")


@check("descenso_no_muta")
@grader_settings(max_examples=20)
@given(case=problems())
def test_descenso_no_muta(student, case):
    X, y, w0, b0, lr, epocas, tam_lote, semilla, decaimiento = case
    w_ref, b_ref, _ = oracle("lineal", *case)
    assume(not close(np.append(w_ref, b_ref), np.append(w0, b0), rtol=1e-6, atol=1e-6))
    value, args_after, _ = student.entrenar_lineal.with_inputs(X, y, w0, b0, lr, epocas, tam_lote, semilla,
                                                               decaimiento)
    text = describe(case)
    for index, name, before in [(0, "X", X), (1, "y", y), (2, "w0", w0)]:
        after = as_array(args_after[index], name)
        expect(after.shape == before.shape and bool(np.array_equal(after, before)),
               f"Con {text}, entrenar_lineal modificó {name}: después de la llamada vale {show(after)}. "
               "descenso_gradiente no debe modificar X, y ni los arreglos de params0.",
               f"With {text}, entrenar_lineal modified {name}: after the call it is {show(after)}. "
               "descenso_gradiente must not modify X, y or the arrays of params0.",
               "Copia los parámetros al comienzo ([p.copy() for p in params0]) y actualiza con p = p - ..., "
               "no con p -= ... sobre los arreglos recibidos.",
               "Copy the parameters at the start ([p.copy() for p in params0]) and update with p = p - ..., "
               "not with p -= ... on the arrays you received.")
    w, b, _ = unpack(value, "entrenar_lineal", X.shape[1], epocas)
    expect(not close(np.append(w, b), np.append(w0, b0), rtol=1e-9, atol=1e-12),
           f"Con {text}, entrenar_lineal devolvió los parámetros iniciales sin cambios; el entrenamiento debe "
           "actualizarlos.",
           f"With {text}, entrenar_lineal returned the initial parameters unchanged; training must update them.")
