"""The demo class of 09_prueba_unidad1 (Unit 1 test): who the students are and what each notebook exercises.

Read by ``examples/make_examples.py``. Every notebook is named by the student's gradebook id and, like a real
student, types that id in the cell ``usuario`` (except the copier, who pasted a classmate's notebook, and the
untouched one). Answers typed by hand are written here from each student's own variant.
"""

import math

import numpy as np
from make_examples import Submission

from dlgrader.content.quiz import variante

AID = "09_prueba_unidad1"


def usuario(sid: str) -> str:
    return f'USUARIO = "{sid}"'


def typed_answers(sid: str) -> dict[str, str]:
    """The right answers of student ``sid``'s variant, typed as literals (what a student does with a calculator)."""
    v = variante(AID, sid)
    A, B = np.array(v["producto"]["A"]), np.array(v["producto"]["B"])
    c = v["parametros"]["capas"]
    it, cv, ep = v["iteraciones"], v["convolucion"], v["epocas"]
    x = np.array(v["minmax"]["x"])
    side = [(s + 2 * cv["padding"] - cv["kernel"]) // cv["stride"] + 1 for s in (cv["alto"], cv["ancho"])]
    return {
        "producto": f"RESPUESTA_1 = {(A @ B).tolist()}",
        "parametros": f"RESPUESTA_2 = {sum(a * b + b for a, b in zip(c[:-1], c[1:]))}",
        "iteraciones": f"RESPUESTA_3 = {[math.ceil(it['n'] / b) for b in it['lotes']]}",
        "convolucion": f"RESPUESTA_4 = ({side[0]}, {side[1]})",
        "compuertas": f"RESPUESTA_5 = {[g for g in v['compuertas']['nombres'] if g not in ('XOR', 'XNOR')]}",
        "normalizar": f'RESPUESTA_6 = "{"abcd"[v["normalizar"]["opciones"].index("escala")]}"',
        "epocas": f"RESPUESTA_7 = {ep['epocas'] * math.ceil(ep['n'] / ep['lote'])}",
        "minmax": f"RESPUESTA_8 = {[round(float(t), 3) for t in (x - x.min()) / (x.max() - x.min())]}",
    }


# Computed in the notebook from PREGUNTAS, the variant the locked cell draws from USUARIO.
COMPUTED = {
    "producto": 'RESPUESTA_1 = np.array(PREGUNTAS["producto"]["A"]) @ np.array(PREGUNTAS["producto"]["B"])',
    "parametros": '''
capas = PREGUNTAS["parametros"]["capas"]
RESPUESTA_2 = sum(entrada * salida + salida for entrada, salida in zip(capas[:-1], capas[1:]))''',
    "iteraciones": '''
n = PREGUNTAS["iteraciones"]["n"]
RESPUESTA_3 = [math.ceil(n / lote) for lote in PREGUNTAS["iteraciones"]["lotes"]]''',
    "convolucion": '''
c = PREGUNTAS["convolucion"]
RESPUESTA_4 = ((c["alto"] + 2 * c["padding"] - c["kernel"]) // c["stride"] + 1,
               (c["ancho"] + 2 * c["padding"] - c["kernel"]) // c["stride"] + 1)''',
    "compuertas": '''
# XOR y XNOR no son linealmente separables
RESPUESTA_5 = [g for g in PREGUNTAS["compuertas"]["nombres"] if g not in ("XOR", "XNOR")]''',
    "normalizar": 'RESPUESTA_6 = "abcd"[PREGUNTAS["normalizar"]["opciones"].index("escala")]',
    "epocas": '''
e = PREGUNTAS["epocas"]
RESPUESTA_7 = e["epocas"] * math.ceil(e["n"] / e["lote"])''',
    "minmax": '''
x = np.array(PREGUNTAS["minmax"]["x"])
RESPUESTA_8 = (x - x.min()) / (x.max() - x.min())''',
}

NUMPY_TYPES = {  # right, but every answer a NumPy scalar or array, and the letter in upper case
    "producto": 'RESPUESTA_1 = np.matmul(PREGUNTAS["producto"]["A"], PREGUNTAS["producto"]["B"])',
    "parametros": '''
capas = np.array(PREGUNTAS["parametros"]["capas"])
RESPUESTA_2 = np.sum(capas[:-1] * capas[1:]) + np.sum(capas[1:])''',
    "iteraciones": 'RESPUESTA_3 = np.ceil(PREGUNTAS["iteraciones"]["n"] / np.array(PREGUNTAS["iteraciones"]["lotes"])).astype(int)',
    "convolucion": '''
c = PREGUNTAS["convolucion"]
RESPUESTA_4 = np.floor((np.array([c["alto"], c["ancho"]]) + 2 * c["padding"] - c["kernel"]) / c["stride"]) + 1''',
    "compuertas": 'RESPUESTA_5 = np.array([g for g in PREGUNTAS["compuertas"]["nombres"] if "X" not in g])',
    "normalizar": 'RESPUESTA_6 = np.str_("ABCD"[PREGUNTAS["normalizar"]["opciones"].index("escala")])',
    "epocas": '''
e = PREGUNTAS["epocas"]
RESPUESTA_7 = np.int64(e["epocas"]) * int(np.ceil(e["n"] / e["lote"]))''',
    "minmax": '''
x = np.array(PREGUNTAS["minmax"]["x"])
RESPUESTA_8 = (x - np.min(x)) / np.ptp(x)''',
}

HOSTILE_READ = '''
import os
from pathlib import Path

# Busca la solución o los correctores del profesor en las carpetas de arriba.
RESPUESTA_1 = None
for carpeta in [Path.cwd(), Path.home(), Path(os.environ.get("DLGRADER_ROOT", "."))]:
    for lugar in [carpeta, *carpeta.parents]:
        for archivo in [lugar / "solutions" / "09_prueba_unidad1" / "solution.py",
                        lugar / "graders" / "09_prueba_unidad1" / "test_hidden.py"]:
            if archivo.is_file():
                exec(archivo.read_text())
'''

HOSTILE_PATCH = '''
import numpy
import numpy.testing

# Si las comparaciones siempre dan verdadero, cualquier respuesta pasa.
numpy.allclose = lambda *args, **kwargs: True
numpy.array_equal = lambda *args, **kwargs: True
numpy.testing.assert_allclose = lambda *args, **kwargs: None

# Y si mis preguntas fueran las del curso...
variante = lambda *args, **kwargs: {}
RESPUESTA_1 = [[-14, 12, 11], [-2, 1, -6], [-8, 5, 4]]
'''

COURSE_NUMBERS = {  # the right answers of variant 0, the course's slides
    "producto": "RESPUESTA_1 = [[-14, 12, 11], [-2, 1, -6], [-8, 5, 4]]",
    "parametros": "RESPUESTA_2 = 843562",
    "iteraciones": "RESPUESTA_3 = [60000, 938, 30]",
    "convolucion": "RESPUESTA_4 = (5, 5)",
    "compuertas": 'RESPUESTA_5 = ["AND", "OR"]',
    "normalizar": 'RESPUESTA_6 = "a"',
    "epocas": "RESPUESTA_7 = 4690",
    "minmax": "RESPUESTA_8 = [1.0, 0.6, 0.2, 0.0, 0.8]",
}

STUDENTS = [
    Submission("ana_perez", "complete: every answer computed from PREGUNTAS with NumPy",
               cells={"usuario": usuario("ana_perez"), **COMPUTED}),
    Submission("bruno_gonzalez",
               "complete, typed by hand (rounded to 3 decimals); USUARIO typed with capitals and spaces",
               cells={"usuario": 'USUARIO = " Bruno_Gonzalez "', **typed_answers("bruno_gonzalez")}),
    Submission("gabriela_munoz",
               "copier: pasted ana_perez's notebook (USUARIO and answers); graded on her own variant, fails",
               cells={"usuario": usuario("ana_perez"), **typed_answers("ana_perez")}),
    Submission("isabel_torres", "partial: questions 1 to 4 right, 5 to 8 left as None",
               cells={"usuario": usuario("isabel_torres"),
                      **{k: COMPUTED[k] for k in ("producto", "parametros", "iteraciones", "convolucion")}}),
    Submission("diego_fernandez", "untouched release notebook (USUARIO empty, every answer None)"),
    Submission("camila_rojas",
               "typical mistakes: floor for iterations, no biases in the count, n - k without + 1",
               cells={"usuario": usuario("camila_rojas"), **COMPUTED,
                      "parametros": '''
capas = PREGUNTAS["parametros"]["capas"]
RESPUESTA_2 = sum(entrada * salida for entrada, salida in zip(capas[:-1], capas[1:]))''',
                      "iteraciones": '''
n = PREGUNTAS["iteraciones"]["n"]
RESPUESTA_3 = [n // lote for lote in PREGUNTAS["iteraciones"]["lotes"]]''',
                      "convolucion": '''
c = PREGUNTAS["convolucion"]
RESPUESTA_4 = ((c["alto"] + 2 * c["padding"] - c["kernel"]) // c["stride"],
               (c["ancho"] + 2 * c["padding"] - c["kernel"]) // c["stride"])'''}),
    Submission("sofia_ramirez",
               "typical mistakes: XOR learnable, epochs taken for iterations, z-score instead of min-max",
               cells={"usuario": usuario("sofia_ramirez"), **COMPUTED,
                      "compuertas": 'RESPUESTA_5 = list(PREGUNTAS["compuertas"]["nombres"])',
                      "epocas": 'RESPUESTA_7 = PREGUNTAS["epocas"]["epocas"]',
                      "minmax": '''
x = np.array(PREGUNTAS["minmax"]["x"])
RESPUESTA_8 = (x - x.mean()) / x.std()'''}),
    Submission("elena_martinez", "syntax error in the cell of question 3, the rest right",
               cells={"usuario": usuario("elena_martinez"), **COMPUTED,
                      "iteraciones": 'RESPUESTA_3 = [math.ceil(PREGUNTAS["iteraciones"]["n"] / lote for lote in PREGUNTAS["iteraciones"]["lotes"]]'}),
    Submission("mateo_castro",
               "hostile: searches the disk for the reference and the grader and execs them (the sandbox hides both)",
               cells={"usuario": usuario("mateo_castro"), "producto": HOSTILE_READ}),
    Submission("hector_silva",
               "hostile: monkeypatches numpy's comparisons and variante in the worker, answers the course's numbers",
               cells={"usuario": usuario("hector_silva"), **COURSE_NUMBERS, "producto": HOSTILE_PATCH}),
    Submission("felipe_soto",
               "worked with USUARIO empty: right answers for the course's numbers, not for his own variant",
               cells={"usuario": 'USUARIO = ""', **COMPUTED}),
    Submission("karina_vega",
               "complete, every answer a NumPy scalar or array (the gates as an array of texts, the letter upper case)",
               cells={"usuario": usuario("karina_vega"), **NUMPY_TYPES}),
    Submission("javier_lopez", "missed this assignment (roster only)", submitted=False),
    Submission("luis_morales", "enrolled, never submitted anything (roster only)", submitted=False),
]
