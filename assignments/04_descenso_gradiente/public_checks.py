"""Public checks of assignment 04 (gradient descent): the course's and the notebook's own examples only.

Students run these with ``dlgrader check 04_descenso_gradiente`` or the notebook's last cell.
The hidden graders test the same conventions on many generated inputs, seeds and models.
"""

import math

import numpy as np

from dlgrader.grading import as_array, as_number, check, expect, fail, show

# The course's MNIST example: 60000 training examples, batch_size 1, 64 and 2048 (Keras shows 60000, 938 and 30).
N_COURSE = 60000
COURSE_ITERATIONS = {1: 60000, 64: 938, 2048: 30}

# The notebook's example: eight evenly spaced points on y = 2x + 1.
X_LINE = np.linspace(-1.0, 1.0, 8).reshape(-1, 1)
Y_LINE = 2.0 * X_LINE[:, 0] + 1.0
TRAIN_CALL = "entrenar_lineal(X, y, w0=np.zeros(1), b0=0.0, lr=0.1, epocas={epocas}, tam_lote={tam}, semilla=0)"


# ------------------------------------------------------------------ iteraciones_por_epoca

@check("iteraciones_curso")
def test_iteraciones_curso(student):
    for tam, expected in COURSE_ITERATIONS.items():
        call = f"iteraciones_por_epoca({N_COURSE}, {tam})"
        value = as_number(student.iteraciones_por_epoca(N_COURSE, tam), call, integer=True)
        floor_mistake = value == N_COURSE // tam and expected != N_COURSE // tam
        expect(value == expected,
               f"{call} devolvió {value:g}; se esperaba {expected}, como muestra Keras en el ejemplo del curso.",
               f"{call} returned {value:g}; expected {expected}, as Keras shows in the course's example.",
               "El último lote incompleto también es una iteración: usa el techo de N / tam_lote, no la división "
               "entera." if floor_mistake else None,
               "The last incomplete batch is an iteration too: use the ceiling of N / tam_lote, not the integer "
               "division." if floor_mistake else None)


# ------------------------------------------------------------------ indices_lotes

def _epoch(student, N, tam, call):
    """Call indices_lotes for one epoch and return its batches as integer arrays."""
    result = student.indices_lotes(N, tam, 1, 0)
    if not isinstance(result, (list, tuple)) or len(result) != 1:
        fail(f"{call} debe devolver una lista con un elemento por época (aquí 1); devolvió {show(result)[:120]}.",
             f"{call} must return a list with one element per epoch (here 1); it returned {show(result)[:120]}.")
    batches = result[0]
    if not isinstance(batches, (list, tuple)):
        fail(f"{call}[0] debe ser la lista de lotes de la época 0; es {type(batches).__name__}.",
             f"{call}[0] must be the list of batches of epoch 0; it is {type(batches).__name__}.")
    return [as_array(b, f"{call}[0][{j}]", kind="i") for j, b in enumerate(batches)]


@check("lotes_curso")
def test_lotes_curso(student):
    for tam in (64, 2048):
        call = f"indices_lotes({N_COURSE}, {tam}, epocas=1, semilla=0)"
        batches = _epoch(student, N_COURSE, tam, call)
        count = math.ceil(N_COURSE / tam)
        last = N_COURSE - (count - 1) * tam
        expect(len(batches) == count,
               f"{call} devolvió {len(batches)} lotes en la época; se esperaban {count} "
               f"({count - 1} de {tam} y el último de {last}).",
               f"{call} returned {len(batches)} batches in the epoch; expected {count} "
               f"({count - 1} of {tam} and the last one of {last}).",
               "El último lote incompleto se conserva." if len(batches) == count - 1 else None,
               "The last incomplete batch is kept." if len(batches) == count - 1 else None)
        sizes = [b.size for b in batches]
        expected_sizes = [tam] * (count - 1) + [last]
        expect(sizes == expected_sizes and all(b.ndim == 1 for b in batches),
               f"{call}: los lotes deben ser arreglos de una dimensión con {tam} índices cada uno y el último con "
               f"{last}; los tamaños fueron {sizes[:3]} … {sizes[-2:]}.",
               f"{call}: the batches must be one-dimensional arrays with {tam} indices each and the last one with "
               f"{last}; the sizes were {sizes[:3]} ... {sizes[-2:]}.")
        visited = np.sort(np.concatenate(batches))
        expect(bool(np.array_equal(visited, np.arange(N_COURSE))),
               f"{call}: juntando los lotes de la época no aparece cada índice de 0 a {N_COURSE - 1} exactamente "
               "una vez.",
               f"{call}: joining the batches of the epoch does not give every index from 0 to {N_COURSE - 1} "
               "exactly once.",
               "Corta en trozos consecutivos una permutación de los N índices.",
               "Cut a permutation of the N indices into consecutive slices.")


# ------------------------------------------------------------------ tasa_aprendizaje

NOTEBOOK_RATES = [
    ({"tipo": "tiempo", "k": 0.5}, [(0, 0.1), (1, 0.1 / 1.5), (2, 0.05), (3, 0.04)]),
    ({"tipo": "escalon", "factor": 0.5, "paso": 10}, [(0, 0.1), (9, 0.1), (10, 0.05), (25, 0.025)]),
    ({"tipo": "exponencial", "k": 0.1}, [(0, 0.1), (10, 0.1 * math.exp(-1.0))]),
    (None, [(0, 0.1), (50, 0.1)]),
]


@check("tasa_ejemplos")
def test_tasa_ejemplos(student):
    for decay, cases in NOTEBOOK_RATES:
        for epoch, expected in cases:
            call = f"tasa_aprendizaje(0.1, {epoch}, {decay!r})"
            value = as_number(student.tasa_aprendizaje(0.1, epoch, decay), call)
            expect(abs(value - expected) <= 1e-9 + 1e-9 * expected,
                   f"{call} devolvió {value!r}; se esperaba {expected:.6g} (ver los ejemplos del notebook).",
                   f"{call} returned {value!r}; expected {expected:.6g} (see the notebook's examples).",
                   "La primera época es epoca = 0 y en ella la tasa es lr0." if epoch == 0 else None,
                   "The first epoch is epoca = 0 and in it the rate is lr0." if epoch == 0 else None)


# ------------------------------------------------------------------ descenso_gradiente (through entrenar_lineal)

def _train(student, tam, epocas):
    call = TRAIN_CALL.format(epocas=epocas, tam=tam)
    result = student.entrenar_lineal(X_LINE, Y_LINE, np.zeros(1), 0.0, 0.1, epocas, tam, 0)
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        fail(f"{call} debe devolver (w, b, historial); devolvió {show(result)[:120]}.",
             f"{call} must return (w, b, historial); it returned {show(result)[:120]}.",
             "descenso_gradiente debe devolver la tupla (params, historial).",
             "descenso_gradiente must return the tuple (params, historial).")
    w = as_array(result[0], f"{call}[0] (w)", shape=(1,))
    b = as_number(result[1], f"{call}[1] (b)")
    history = as_array(result[2], f"{call}[2] (historial)")
    return call, w, b, history


@check("descenso_forma")
def test_descenso_forma(student):
    for tam, epocas in [(8, 3), (4, 5), (1, 2)]:
        call, w, b, history = _train(student, tam, epocas)
        expect(history.shape == (epocas,),
               f"{call} devolvió un historial de forma {history.shape}; se esperaba ({epocas},): una pérdida al "
               "final de cada época.",
               f"{call} returned a history of shape {history.shape}; expected ({epocas},): one loss at the end of "
               "each epoch.",
               "No incluyas la pérdida inicial ni agregues una pérdida por lote.",
               "Do not include the initial loss nor append one loss per batch.")
        expect(w[0] != 0.0 or b != 0.0,
               f"{call} devolvió los parámetros iniciales w = [0.], b = 0 sin cambios; el entrenamiento debe "
               "actualizarlos.",
               f"{call} returned the initial parameters w = [0.], b = 0 unchanged; training must update them.")
        final = float(np.mean((X_LINE @ w + b - Y_LINE) ** 2))
        expect(abs(history[-1] - final) <= 1e-9 + 1e-7 * final,
               f"{call}: el último valor del historial es {history[-1]!r}, pero la pérdida de los parámetros "
               f"devueltos (w = {show(w)}, b = {b!r}) es {final!r}; deben coincidir.",
               f"{call}: the last value of the history is {history[-1]!r}, but the loss of the returned parameters "
               f"(w = {show(w)}, b = {b!r}) is {final!r}; they must agree.",
               "Agrega perdida(params, X, y) al terminar cada época, con los parámetros de ese momento.",
               "Append perdida(params, X, y) at the end of each epoch, with the parameters of that moment.")


@check("descenso_tres_modos")
def test_descenso_tres_modos(student):
    initial = float(np.mean(Y_LINE ** 2))  # the loss of w = 0, b = 0
    for tam, mode_es, mode_en in [(8, "batch", "batch"), (4, "mini-batch", "mini-batch"),
                                  (1, "estocástico", "stochastic")]:
        call, w, b, history = _train(student, tam, 100)
        expect(abs(w[0] - 2.0) <= 0.01 and abs(b - 1.0) <= 0.01,
               f"Modo {mode_es}: {call} terminó con w = {show(w)}, b = {b:.6g}; se esperaba w ≈ [2.0] y b ≈ 1.0 "
               "(a menos de 0,01).",
               f"{mode_en.capitalize()} mode: {call} ended with w = {show(w)}, b = {b:.6g}; expected w ≈ [2.0] and "
               "b ≈ 1.0 (within 0.01).",
               "Promedia los gradientes del lote y actualiza con p - tasa * promedio, una vez por lote.",
               "Average the gradients of the batch and update with p - tasa * average, once per batch.")
        expect(history.shape == (100,) and history[-1] < 1e-3 * initial,
               f"Modo {mode_es}: {call} dio un historial que termina en {history[-1]:.3g}; la pérdida final debe "
               f"ser casi 0 (la inicial es {initial:.3g}).",
               f"{mode_en.capitalize()} mode: {call} gave a history that ends at {history[-1]:.3g}; the final loss "
               f"must be almost 0 (the initial one is {initial:.3g}).")
