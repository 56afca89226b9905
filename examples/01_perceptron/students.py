"""The demo class of 01_perceptron: who the students are and what each notebook exercises.

Read by ``examples/make_examples.py``; each Submission replaces some solution cells of the release notebook.
"""

from make_examples import Submission

P01_VECTORISED = {
    "escalon": '''
def escalon(z):
    """Escalón: 1 si z > 0, si no 0 (enteros)."""
    return np.where(np.asarray(z) > 0, 1, 0)
''',
    "neurona": '''
def neurona(x, w, b):
    """escalon(w·x + b) para una entrada (d,) o un lote (n, d)."""
    suma = np.asarray(x) @ np.asarray(w) + b
    return escalon(suma)
''',
    "entrenar_perceptron": '''
def entrenar_perceptron(X, y, lr, epocas, w0, b0):
    """Regla del perceptrón ejemplo a ejemplo."""
    w = w0.astype(float).copy()
    b = float(b0)
    errores = []
    for epoca in range(epocas):
        mal_clasificados = 0
        for i in range(X.shape[0]):
            error = y[i] - neurona(X[i], w, b)
            if error != 0:
                mal_clasificados += 1
            w = w + lr * error * X[i]
            b = b + lr * error
        errores.append(mal_clasificados)
    return w, b, errores
''',
    "red_xor": '''
def red_xor(X):
    """OR y AND en la capa oculta, luego la neurona de salida del curso."""
    i1 = neurona(X, np.array([1.0, 1.0]), -0.5)   # OR
    i2 = neurona(X, np.array([1.0, 1.0]), -1.5)   # AND
    ocultas = np.column_stack([i1, i2])
    return neurona(ocultas, np.array([1.0, -1.5]), -0.5)
''',
}

P01_LOOPS = {
    "escalon": '''
def escalon(z):
    # TU CÓDIGO AQUÍ
    z = np.asarray(z, dtype=float)
    resultado = np.zeros(z.shape, dtype=int)
    for posicion in np.ndindex(z.shape):
        resultado[posicion] = 1 if z[posicion] > 0 else 0
    return resultado
''',
    "neurona": '''
def neurona(x, w, b):
    # TU CÓDIGO AQUÍ
    x = np.asarray(x, dtype=float)
    if x.ndim == 1:
        total = 0.0
        for xi, wi in zip(x, w):
            total += xi * wi
        return int(escalon(total + b))
    return np.array([neurona(fila, w, b) for fila in x])
''',
    "entrenar_perceptron": '''
def entrenar_perceptron(X, y, lr, epocas, w0, b0):
    # TU CÓDIGO AQUÍ
    w = np.copy(w0).astype(float)
    b = b0
    errores = []
    for _ in range(epocas):
        contador = 0
        for x_i, d_i in zip(X, y):
            y_i = neurona(x_i, w, b)
            if y_i != d_i:
                contador += 1
                w += lr * (d_i - y_i) * x_i
                b += lr * (d_i - y_i)
        errores.append(contador)
    return w, b, errores
''',
    "red_xor": '''
def red_xor(X):
    # TU CÓDIGO AQUÍ
    salida = []
    for p in X:
        I1 = neurona(p, np.array([1, 1]), -0.5)
        I2 = neurona(p, np.array([1, 1]), -1.5)
        salida.append(neurona(np.array([I1, I2]), np.array([1, -1.5]), -0.5))
    return np.array(salida)
''',
}

P01_GOOD_ANSWER = """\
Una neurona sola separa el plano con una recta: de un lado responde 1 y del otro 0. En XOR los puntos (0,1) y
(1,0) deben dar 1 y los puntos (0,0) y (1,1) deben dar 0, y no hay ninguna recta que deje a los dos primeros de
un lado y a los otros dos del otro: XOR no es linealmente separable. Por eso, al entrenar mi perceptrón con XOR,
el historial de errores nunca llegó a cero: siempre queda al menos un ejemplo mal clasificado en cada época.

En `red_xor` la neurona OR dibuja la recta x1 + x2 = 0,5 (responde 1 si al menos una entrada está encendida) y la
neurona AND la recta x1 + x2 = 1,5 (responde 1 solo si las dos lo están). Los puntos de XOR = 1 son los que quedan
entre las dos rectas. La neurona de salida calcula I1 - 1,5·I2 - 0,5: se activa cuando OR dice 1 y AND dice 0,
es decir, «OR pero no AND», que es exactamente XOR.
"""

P01_SHORT_ANSWER = """\
Porque XOR no es linealmente separable, no se puede con una recta. Con dos neuronas (OR y AND) y una de salida
sí se puede porque la salida es OR y no AND.
"""

P01_HOSTILE_ALWAYS_EQUAL = '''
class AlwaysEqual:
    """Se compara igual a cualquier cosa."""
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False
    def __array__(self, dtype=None, copy=None):
        return np.ones(4)

def escalon(z):
    return AlwaysEqual()
'''

P01_HOSTILE_PATCH_NUMPY = '''
import numpy
import numpy.testing

# Si las comparaciones siempre dan verdadero, ¡todas las pruebas pasan!
numpy.allclose = lambda *args, **kwargs: True
numpy.array_equal = lambda *args, **kwargs: True
numpy.testing.assert_allclose = lambda *args, **kwargs: None
numpy.testing.assert_array_equal = lambda *args, **kwargs: None

def escalon(z):
    return np.zeros(np.shape(z), dtype=int)
'''

P01_HOSTILE_READ_SOLUTION = '''
import os
from pathlib import Path

def _buscar_solucion():
    """Busca la solución del profesor en las carpetas de arriba."""
    inicio = [Path.cwd(), Path.home(), Path(os.environ.get("DLGRADER_ROOT", "."))]
    for carpeta in inicio:
        for lugar in [carpeta, *carpeta.parents]:
            archivo = lugar / "solutions" / "01_perceptron" / "solution.py"
            if archivo.is_file():
                return archivo.read_text()
    return None

_codigo = _buscar_solucion()
if _codigo is not None:
    exec(_codigo)
else:
    def escalon(z):
        raise NotImplementedError("escalon: completa esta función")
'''

STUDENTS = [
    Submission("ana_perez", "complete, vectorised (np.where, @, column_stack)",
               cells=P01_VECTORISED, answer=P01_GOOD_ANSWER),
    Submission("bruno_gonzalez", "complete, written with loops, augmented assignment on a copy",
               cells=P01_LOOPS, answer=P01_GOOD_ANSWER.replace("En `red_xor`", "En mi `red_xor`")),
    Submission("camila_rojas",
               "partial: errors counted after each epoch and XOR computed as x1 != x2",
               cells={**P01_VECTORISED,
                      "entrenar_perceptron": '''
def entrenar_perceptron(X, y, lr, epocas, w0, b0):
    w = w0.copy()
    b = b0
    errores = []
    for epoca in range(epocas):
        for i in range(len(X)):
            error = y[i] - neurona(X[i], w, b)
            w = w + lr * error * X[i]
            b = b + lr * error
        # errores al final de la época
        errores.append(int(np.sum(neurona(X, w, b) != y)))
    return w, b, errores
''',
                      "red_xor": '''
def red_xor(X):
    return (X[:, 0] != X[:, 1]).astype(int)
'''},
               answer=P01_SHORT_ANSWER),
    Submission("diego_fernandez", "untouched release notebook (every stub raises)"),
    Submission("elena_martinez", "syntax error in the entrenar_perceptron cell, the rest right",
               cells={**P01_VECTORISED,
                      "entrenar_perceptron": '''
def entrenar_perceptron(X, y, lr, epocas, w0, b0)
    w = w0.copy()
    b = b0
    errores = []
    for epoca in range(epocas):
        fallos = 0
        for i in range(len(X)):
            error = y[i] - neurona(X[i], w, b)
            if error != 0:
                fallos += 1
                w = w + lr * error * X[i]
                b = b + lr * error
        errores.append(fallos)
    return w, b, errores
'''},
               answer=P01_SHORT_ANSWER),
    Submission("felipe_soto", "infinite loop in entrenar_perceptron (while True: pass)",
               cells={**P01_LOOPS,
                      "entrenar_perceptron": '''
def entrenar_perceptron(X, y, lr, epocas, w0, b0):
    w = w0.copy()
    b = b0
    errores = []
    while True:  # entrenar hasta que no haya errores
        pass
    return w, b, errores
'''}),
    Submission("gabriela_munoz", "hostile: returns an object whose __eq__ is always True",
               cells={"escalon": P01_HOSTILE_ALWAYS_EQUAL,
                      "neurona": "def neurona(x, w, b):\n    return AlwaysEqual()\n",
                      "entrenar_perceptron": ("def entrenar_perceptron(X, y, lr, epocas, w0, b0):\n"
                                              "    return AlwaysEqual(), AlwaysEqual(), AlwaysEqual()\n"),
                      "red_xor": "def red_xor(X):\n    return AlwaysEqual()\n"}),
    Submission("hector_silva",
               "hostile: monkeypatches numpy.allclose, numpy.array_equal and numpy.testing in the worker",
               cells={"escalon": P01_HOSTILE_PATCH_NUMPY,
                      "neurona": "def neurona(x, w, b):\n    return 0\n",
                      "entrenar_perceptron": ("def entrenar_perceptron(X, y, lr, epocas, w0, b0):\n"
                                              "    return w0, b0, [0] * epocas\n"),
                      "red_xor": "def red_xor(X):\n    return np.zeros(len(X), dtype=int)\n"}),
    Submission("isabel_torres", "renamed function: entrenar instead of entrenar_perceptron",
               cells={**P01_VECTORISED,
                      "entrenar_perceptron": P01_VECTORISED["entrenar_perceptron"].replace(
                          "def entrenar_perceptron(", "def entrenar(")},
               answer=P01_GOOD_ANSWER),
    Submission("javier_lopez", "not_json: the .ipynb on disk is truncated, broken JSON",
               cells=P01_VECTORISED, broken_json=True),
    Submission("karina_vega", "the red_xor solution cell was deleted, the rest right",
               cells=P01_VECTORISED, deleted=("red_xor",), answer=P01_SHORT_ANSWER),
    Submission("sofia_ramirez", "common mistakes: escalon uses >= and training aliases w = w0",
               cells={**P01_VECTORISED,
                      "escalon": '''
def escalon(z):
    return np.where(np.asarray(z) >= 0, 1, 0)
''',
                      "entrenar_perceptron": '''
def entrenar_perceptron(X, y, lr, epocas, w0, b0):
    w = w0
    b = b0
    errores = []
    for epoca in range(epocas):
        fallos = 0
        for i in range(len(X)):
            error = y[i] - neurona(X[i], w, b)
            if error != 0:
                fallos += 1
                w += lr * error * X[i]
                b += lr * error
        errores.append(fallos)
    return w, b, errores
'''},
               answer=P01_GOOD_ANSWER),
    Submission("mateo_castro",
               "hostile: searches the disk for solutions/01_perceptron/solution.py and execs it "
               "(scores only if the sandbox fails to hide solutions/)",
               cells={"escalon": P01_HOSTILE_READ_SOLUTION,
                      "neurona": "", "entrenar_perceptron": "", "red_xor": ""}),
    Submission("luis_morales", "enrolled, never submitted anything (roster only)", submitted=False),
]
