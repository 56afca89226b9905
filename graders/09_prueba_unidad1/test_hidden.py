"""Hidden checks of assignment 09 (Unit 1 test): the VALUE of each answer, on the submitter's own variant.

The variant is drawn from the trusted ``student_id`` (the gradebook id of the submitter) when known, else from
the USUARIO typed in the notebook. A student who copied someone else's notebook (and their USUARIO) is graded on
their own numbers and fails. Every expected value is recomputed here by an oracle written independently of the
reference (torch for the product, the parameter count and the convolution's output; a brute-force search for
linear separability) and is never shown in the feedback. A quiz answer is one fixed value per student, so these
checks are exact comparisons rather than hypothesis properties; the tolerances are explicit.
"""

import numpy as np
import torch

from dlgrader.content.quiz import GATES, normalize_user, variante
from dlgrader.grading import check, fail, show

AID = "09_prueba_unidad1"
QUESTIONS = 8
ATOL_PRODUCT = 1e-6  # integer matrices: any float rounding is far below this
ATOL_MINMAX = 1e-3  # stated in the notebook: three decimals are enough


# ------------------------------------------------------------------ reading the answers

def answers(student) -> dict:
    got = student.corrector_respuestas()
    names = ["USUARIO"] + [f"RESPUESTA_{k}" for k in range(1, QUESTIONS + 1)]
    if not isinstance(got, dict) or any(n not in got for n in names):
        fail("corrector_respuestas() no devolvió las respuestas; no modifiques las celdas bloqueadas del notebook.",
             "corrector_respuestas() did not return the answers; do not change the notebook's locked cells.")
    return got


class Graded:
    """Whose variant is graded, and the hint that explains it when the notebook names someone else."""

    def __init__(self, got: dict, student_id):
        declared = got.get("USUARIO")
        self.declared = normalize_user(declared if isinstance(declared, (str, int, float)) else None)
        self.user = normalize_user(student_id) if student_id is not None else self.declared
        self.variant = variante(AID, self.user)
        self.other = student_id is not None and self.declared != self.user

    def wrong(self, k: int, es: str, en: str, hint_es: str | None = None, hint_en: str | None = None):
        who_es = f"usuario «{self.user}»" if self.user else "los números del curso (USUARIO vacío)"
        who_en = f"user «{self.user}»" if self.user else "the course's numbers (empty USUARIO)"
        es = f"{es} Se compara con tu propia variante ({who_es})."
        en = f"{en} It is checked against your own variant ({who_en})."
        if self.other:
            hint_es = (f"Tu notebook declara USUARIO = «{self.declared}», pero entregaste como «{self.user}»: cada "
                       "respuesta se revisa con los números de quien entrega. Escribe tu propio usuario y responde "
                       "tus preguntas.")
            hint_en = (f"Your notebook declares USUARIO = «{self.declared}», but you submitted as «{self.user}»: each "
                       "answer is checked with the submitter's numbers. Type your own id and answer your questions.")
        fail(es, en, hint_es, hint_en)


def value_of(got: dict, k: int):
    value = got[f"RESPUESTA_{k}"]
    if value is None:
        fail(f"RESPUESTA_{k} vale None: no respondiste la pregunta {k}.",
             f"RESPUESTA_{k} is None: question {k} was not answered.")
    return value


def numbers(value, k: int, shape: tuple) -> np.ndarray:
    try:
        arr = np.asarray(value)
    except (ValueError, TypeError):
        arr = None
    if arr is None or arr.dtype.kind not in "iuf" or arr.shape != shape or not np.all(np.isfinite(arr.astype(float))):
        fail(f"RESPUESTA_{k} = {show(value)} no tiene el formato pedido (forma {shape}, solo números); revisa la "
             "verificación pública de esta pregunta.",
             f"RESPUESTA_{k} = {show(value)} does not have the requested format (shape {shape}, numbers only); see "
             "this question's public check.")
    return arr.astype(np.float64)


def exact(arr: np.ndarray, expected) -> bool:
    e = np.asarray(expected, dtype=np.float64)
    return arr.shape == e.shape and bool(np.array_equal(arr, e))


# ------------------------------------------------------------------ oracles (independent of the reference)

def product_oracle(A, B) -> np.ndarray:
    return torch.matmul(torch.tensor(A, dtype=torch.float64), torch.tensor(B, dtype=torch.float64)).numpy()


def parameters_oracle(capas: list, bias: bool = True) -> int:
    layers = [torch.nn.Linear(a, b, bias=bias, device="meta") for a, b in zip(capas[:-1], capas[1:])]
    return sum(p.numel() for layer in layers for p in layer.parameters())


def batches(n: int, lote: int) -> int:
    return len(range(0, n, lote))


def conv_oracle(c: dict) -> tuple[int, int]:
    out = torch.nn.functional.conv2d(torch.zeros(1, 1, c["alto"], c["ancho"]), torch.zeros(1, 1, c["kernel"], c["kernel"]),
                                     stride=c["stride"], padding=c["padding"])
    return int(out.shape[-2]), int(out.shape[-1])


CORNERS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
GRID = [(w1, w2, b) for w1 in (-1, 0, 1) for w2 in (-1, 0, 1) for b in (-1.5, -0.5, 0.5, 1.5)]


def separable(table: list) -> bool:
    """Some neuron 1 if w·x + b > 0 on a small grid reproduces the table (enough for two-input gates)."""
    return any(np.array_equal((CORNERS @ np.array([w1, w2]) + b > 0).astype(int), table) for w1, w2, b in GRID)


# ------------------------------------------------------------------ checks

@check("producto_valor")
def test_producto_valor(student, student_id):
    got = answers(student)
    g = Graded(got, student_id)
    v = g.variant["producto"]
    expected = product_oracle(v["A"], v["B"])
    raw = value_of(got, 1)
    arr = numbers(raw, 1, expected.shape)
    if not np.allclose(arr, expected, rtol=0.0, atol=ATOL_PRODUCT):
        transposed = expected.shape[0] == expected.shape[1] and np.allclose(
            arr, product_oracle(v["B"], v["A"]), rtol=0.0, atol=ATOL_PRODUCT)
        g.wrong(1, f"RESPUESTA_1 = {show(raw)} no es el producto A·B de tus matrices A = {v['A']} y B = {v['B']}.",
                f"RESPUESTA_1 = {show(raw)} is not the product A·B of your matrices A = {v['A']} and B = {v['B']}.",
                "Calculaste B·A: el orden importa. Cada elemento es una fila de A por una columna de B." if transposed
                else "Cada elemento (i, j) es el producto punto de la fila i de A con la columna j de B.",
                "You computed B·A: order matters. Each element is a row of A times a column of B." if transposed
                else "Each element (i, j) is the dot product of row i of A with column j of B.")


@check("parametros_valor")
def test_parametros_valor(student, student_id):
    got = answers(student)
    g = Graded(got, student_id)
    capas = g.variant["parametros"]["capas"]
    raw = value_of(got, 2)
    arr = numbers(raw, 2, ())
    if not exact(arr, parameters_oracle(capas)):
        no_bias = exact(arr, parameters_oracle(capas, bias=False))
        g.wrong(2, f"RESPUESTA_2 = {show(raw)} no es el total de parámetros de la red {capas}.",
                f"RESPUESTA_2 = {show(raw)} is not the total parameter count of the network {capas}.",
                "Contaste solo los pesos: cada neurona de cada capa tiene además un sesgo." if no_bias else
                "Cada capa densa tiene entrada × salida pesos más un sesgo por neurona; suma todas las capas.",
                "You counted the weights only: every neuron of every layer also has a bias." if no_bias else
                "Each dense layer has inputs × outputs weights plus one bias per neuron; add up every layer.")


@check("iteraciones_valor")
def test_iteraciones_valor(student, student_id):
    got = answers(student)
    g = Graded(got, student_id)
    v = g.variant["iteraciones"]
    raw = value_of(got, 3)
    arr = numbers(raw, 3, (3,))
    if not exact(arr, [batches(v["n"], b) for b in v["lotes"]]):
        floor = exact(arr, [v["n"] // b for b in v["lotes"]])
        g.wrong(3, f"RESPUESTA_3 = {show(raw)} no son las iteraciones por época con {v['n']} ejemplos y lotes de "
                   f"{v['lotes']}.",
                f"RESPUESTA_3 = {show(raw)} is not the iterations per epoch with {v['n']} examples and batches of "
                f"{v['lotes']}.",
                "El último lote incompleto también es una iteración: redondea hacia arriba." if floor else
                "Una época tiene tantas iteraciones como lotes caben en los datos, contando el último incompleto.",
                "The last partial batch is an iteration too: round up." if floor else
                "An epoch has as many iterations as batches in the data, counting the last partial one.")


@check("convolucion_valor")
def test_convolucion_valor(student, student_id):
    got = answers(student)
    g = Graded(got, student_id)
    c = g.variant["convolucion"]
    raw = value_of(got, 4)
    arr = numbers(raw, 4, (2,))
    if not exact(arr, conv_oracle(c)):
        g.wrong(4, f"RESPUESTA_4 = {show(raw)} no es el tamaño de salida de una imagen de {c['alto']}×{c['ancho']} con "
                   f"kernel {c['kernel']}×{c['kernel']}, stride {c['stride']} y padding {c['padding']}.",
                f"RESPUESTA_4 = {show(raw)} is not the output size of a {c['alto']}×{c['ancho']} image with a "
                f"{c['kernel']}×{c['kernel']} kernel, stride {c['stride']} and padding {c['padding']}.",
                "Usa floor((H + 2P - K) / S) + 1 en cada lado: el padding se suma a los dos bordes y el +1 cuenta la "
                "primera posición del kernel.",
                "Use floor((H + 2P - K) / S) + 1 on each side: padding is added on both borders and the +1 counts "
                "the kernel's first position.")


@check("compuertas_valor")
def test_compuertas_valor(student, student_id):
    got = answers(student)
    g = Graded(got, student_id)
    names = g.variant["compuertas"]["nombres"]
    value = value_of(got, 5)
    if not isinstance(value, (list, tuple)) or not all(isinstance(x, str) for x in value):
        fail(f"RESPUESTA_5 = {show(value)} no es una lista de textos; revisa la verificación pública de esta pregunta.",
             f"RESPUESTA_5 = {show(value)} is not a list of texts; see this question's public check.")
    chosen = {x.strip().upper() for x in value}
    if chosen != {n for n in names if separable(GATES[n])}:
        g.wrong(5, f"RESPUESTA_5 = {show(list(value))} no son exactamente las compuertas de {names} que aprende un solo "
                   "perceptrón.",
                f"RESPUESTA_5 = {show(list(value))} is not exactly the gates of {names} a single perceptron learns.",
                "Un perceptrón aprende una compuerta solo si una recta separa sus salidas 1 de sus salidas 0.",
                "A perceptron learns a gate only if a line separates its outputs 1 from its outputs 0.")


@check("normalizar_valor")
def test_normalizar_valor(student, student_id):
    got = answers(student)
    g = Graded(got, student_id)
    value = value_of(got, 6)
    if not isinstance(value, str) or value.strip().lower() not in ("a", "b", "c", "d"):
        fail(f"RESPUESTA_6 = {show(value)} no es una de las letras a, b, c o d; revisa la verificación pública.",
             f"RESPUESTA_6 = {show(value)} is not one of the letters a, b, c or d; see the public check.")
    if g.variant["normalizar"]["opciones"]["abcd".index(value.strip().lower())] != "escala":
        g.wrong(6, f"RESPUESTA_6 = {value!r} no es la opción correcta sobre el efecto de no normalizar.",
                f"RESPUESTA_6 = {value!r} is not the right option about the effect of not normalising.",
                "Piensa en qué pasa con las sumas w·x y con el gradiente cuando un atributo vale miles y otro décimas.",
                "Think of what happens to the sums w·x and to the gradient when one feature is in the thousands and "
                "another in tenths.")


@check("epocas_valor")
def test_epocas_valor(student, student_id):
    got = answers(student)
    g = Graded(got, student_id)
    v = g.variant["epocas"]
    raw = value_of(got, 7)
    arr = numbers(raw, 7, ())
    per_epoch = batches(v["n"], v["lote"])
    if not exact(arr, sum(per_epoch for _ in range(v["epocas"]))):
        confused = exact(arr, v["epocas"]) or exact(arr, per_epoch)
        g.wrong(7, f"RESPUESTA_7 = {show(raw)} no son las iteraciones de fit(epochs={v['epocas']}, "
                   f"batch_size={v['lote']}) sobre {v['n']} ejemplos.",
                f"RESPUESTA_7 = {show(raw)} is not the iterations of fit(epochs={v['epocas']}, "
                f"batch_size={v['lote']}) on {v['n']} examples.",
                "Épocas e iteraciones no son lo mismo: cada época hace una iteración por lote, y son varias épocas."
                if confused else "Cuenta las iteraciones de una época (lotes, con el último incompleto) y multiplica "
                                 "por las épocas.",
                "Epochs and iterations are not the same: each epoch performs one iteration per batch, over several "
                "epochs." if confused else "Count one epoch's iterations (batches, the last partial one included) "
                                           "and multiply by the epochs.")


@check("minmax_valor")
def test_minmax_valor(student, student_id):
    got = answers(student)
    g = Graded(got, student_id)
    x = np.array(g.variant["minmax"]["x"])
    raw = value_of(got, 8)
    arr = numbers(raw, 8, (5,))
    expected = (x - np.min(x)) / np.ptp(x)
    if not np.allclose(arr, expected, rtol=0.0, atol=ATOL_MINMAX):
        g.wrong(8, f"RESPUESTA_8 = {show(raw)} no es x = {x.tolist()} normalizado con mín-máx (tolerancia "
                   f"{ATOL_MINMAX}).",
                f"RESPUESTA_8 = {show(raw)} is not x = {x.tolist()} min-max normalised (tolerance {ATOL_MINMAX}).",
                "Resta el mínimo y divide por (máximo - mínimo): el menor valor queda en 0 y el mayor en 1.",
                "Subtract the minimum and divide by (maximum - minimum): the smallest value becomes 0 and the "
                "largest 1.")
