"""Public checks of assignment 09 (Unit 1 test): the FORMAT of each answer, never its value.

The notebook's locked cell ``corrector_respuestas()`` returns the answers as plain data. Shapes and valid
choices depend on the student's variant: the trusted ``student_id`` when known (``dlgrader check --student``),
otherwise the USUARIO typed in the notebook. The values are checked by the hidden graders.
"""

import numpy as np

from dlgrader.content.quiz import variante
from dlgrader.grading import check, fail, show

AID = "09_prueba_unidad1"
QUESTIONS = 8


def answers(student) -> dict:
    """The notebook's answers, validated as a dict with USUARIO and RESPUESTA_1..8."""
    got = student.corrector_respuestas()
    names = ["USUARIO"] + [f"RESPUESTA_{k}" for k in range(1, QUESTIONS + 1)]
    if not isinstance(got, dict) or any(n not in got for n in names):
        fail("corrector_respuestas() no devolvió las respuestas; no modifiques las celdas bloqueadas del notebook.",
             "corrector_respuestas() did not return the answers; do not change the notebook's locked cells.")
    return got


def my_variant(got: dict, student_id) -> dict:
    usuario = student_id if student_id is not None else got.get("USUARIO")
    return variante(AID, usuario if isinstance(usuario, (str, int, float)) else None)


def given(got: dict, k: int):
    value = got[f"RESPUESTA_{k}"]
    if value is None:
        fail(f"RESPUESTA_{k} vale None: reemplaza None por tu respuesta a la pregunta {k}.",
             f"RESPUESTA_{k} is None: replace None with your answer to question {k}.")
    if isinstance(value, str) and value.startswith("<") and value.endswith(">"):
        fail(f"RESPUESTA_{k} es un objeto de tipo {value[1:-1]}, no un dato: escribe un número, una lista o un texto.",
             f"RESPUESTA_{k} is an object of type {value[1:-1]}, not data: write a number, a list or a text.")
    return value


def numbers(value, k: int, shape: tuple, what_es: str, what_en: str) -> np.ndarray:
    """A list or array of finite numbers (not texts, not booleans) of exactly this shape, as float64."""
    try:
        arr = np.asarray(value)
    except (ValueError, TypeError):
        arr = None
    if arr is None or arr.dtype.kind not in "iuf" or arr.shape != shape or not np.all(np.isfinite(arr.astype(float))):
        fail(f"RESPUESTA_{k} = {show(value)} no es {what_es}; se esperaba forma {shape} con números.",
             f"RESPUESTA_{k} = {show(value)} is not {what_en}; expected shape {shape} of numbers.")
    return arr.astype(np.float64)


def whole(arr: np.ndarray, k: int) -> None:
    if not np.all(arr == np.round(arr)):
        fail(f"RESPUESTA_{k} = {show(arr)} tiene valores con decimales; se esperaban enteros.",
             f"RESPUESTA_{k} = {show(arr)} has values with decimals; integers were expected.",
             "Una cantidad de parámetros o de iteraciones es un entero; si dividiste, redondea como dice la pregunta.",
             "A count of parameters or iterations is an integer; if you divided, round as the question says.")


@check("producto_forma")
def test_producto_forma(student, student_id):
    got = answers(student)
    v = my_variant(got, student_id)["producto"]
    shape = (len(v["A"]), len(v["B"][0]))
    numbers(given(got, 1), 1, shape, "una matriz de números de forma (filas de A, columnas de B)",
            "a matrix of numbers of shape (rows of A, columns of B)")


@check("parametros_entero")
def test_parametros_entero(student, student_id):
    got = answers(student)
    whole(numbers(given(got, 2), 2, (), "un número entero", "a whole number"), 2)


@check("iteraciones_enteros")
def test_iteraciones_enteros(student, student_id):
    got = answers(student)
    whole(numbers(given(got, 3), 3, (3,), "una lista de tres enteros", "a list of three integers"), 3)


@check("convolucion_forma")
def test_convolucion_forma(student, student_id):
    got = answers(student)
    arr = numbers(given(got, 4), 4, (2,), "un par (alto, ancho)", "a pair (height, width)")
    whole(arr, 4)
    if not np.all(arr >= 1):
        fail(f"RESPUESTA_4 = {show(given(got, 4))}: el alto y el ancho de la salida son enteros positivos.",
             f"RESPUESTA_4 = {show(given(got, 4))}: the output's height and width are positive integers.")


@check("compuertas_opciones")
def test_compuertas_opciones(student, student_id):
    got = answers(student)
    value = given(got, 5)
    names = my_variant(got, student_id)["compuertas"]["nombres"]
    if not isinstance(value, (list, tuple)) or not all(isinstance(g, str) for g in value):
        fail(f"RESPUESTA_5 = {show(value)} no es una lista de textos; escribe por ejemplo [\"AND\", \"NOR\"].",
             f"RESPUESTA_5 = {show(value)} is not a list of texts; write for example [\"AND\", \"NOR\"].")
    unknown = [g for g in value if g.strip().upper() not in names]
    if unknown:
        fail(f"RESPUESTA_5 incluye {show(unknown)}; cada nombre debe ser una de las compuertas de tu pregunta: "
             f"{', '.join(names)}.",
             f"RESPUESTA_5 includes {show(unknown)}; every name must be one of your question's gates: {', '.join(names)}.")


@check("normalizar_opcion")
def test_normalizar_opcion(student, student_id):
    got = answers(student)
    value = given(got, 6)
    if not isinstance(value, str) or value.strip().lower() not in ("a", "b", "c", "d"):
        fail(f"RESPUESTA_6 = {show(value)}; se esperaba una letra entre comillas: \"a\", \"b\", \"c\" o \"d\".",
             f"RESPUESTA_6 = {show(value)}; expected a letter in quotes: \"a\", \"b\", \"c\" or \"d\".")


@check("epocas_entero")
def test_epocas_entero(student, student_id):
    got = answers(student)
    whole(numbers(given(got, 7), 7, (), "un número entero", "a whole number"), 7)


@check("minmax_forma")
def test_minmax_forma(student, student_id):
    got = answers(student)
    numbers(given(got, 8), 8, (5,), "un arreglo de cinco números", "an array of five numbers")

