"""The demo class of 02_activaciones: who the students are and what each notebook exercises.

Read by ``examples/make_examples.py``; each Submission replaces some solution cells of the release notebook.
"""

from make_examples import Submission

P02_VECTORISED = {
    "sigmoide": '''
def sigmoide(x):
    """Sigmoide estable: la exponencial solo recibe -|x|."""
    x = np.asarray(x, dtype=float)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def derivada_sigmoide(x):
    s = sigmoide(x)
    return s * (1 - s)
''',
    "tanh_": '''
def tanh_(x):
    return np.tanh(x)


def derivada_tanh(x):
    return 1 - np.tanh(x) ** 2
''',
    "relu": '''
def relu(x):
    return np.maximum(0, np.asarray(x, dtype=float))


def derivada_relu(x):
    return (np.asarray(x) > 0).astype(float)


def leaky_relu(x, alfa=0.1):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, alfa * x)


def derivada_leaky_relu(x, alfa=0.1):
    return np.where(np.asarray(x) > 0, 1.0, alfa)
''',
    "elu": '''
def elu(x, alfa=1.0):
    x = np.asarray(x, dtype=float)
    return np.where(x >= 0, x, alfa * (np.exp(np.minimum(x, 0)) - 1))


def derivada_elu(x, alfa=1.0):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, 1.0, alfa * np.exp(np.minimum(x, 0)))
''',
    "softmax": '''
def softmax(z, eje=-1):
    z = np.asarray(z, dtype=float)
    z = z - np.max(z, axis=eje, keepdims=True)  # estabilidad: el mayor exponente es 0
    e = np.exp(z)
    return e / e.sum(axis=eje, keepdims=True)
''',
    "mse": '''
def mse(y_real, y_pred):
    return np.mean((np.asarray(y_real) - np.asarray(y_pred)) ** 2)
''',
    "entropia_cruzada_binaria": '''
def entropia_cruzada_binaria(y_real, p_pred):
    p = np.clip(p_pred, EPS, 1 - EPS)
    return -np.mean(y_real * np.log(p) + (1 - y_real) * np.log(1 - p))
''',
    "entropia_cruzada_categorica": '''
def entropia_cruzada_categorica(Y_real, P_pred):
    P = np.clip(P_pred, EPS, 1)
    return -np.mean(np.sum(Y_real * np.log(P), axis=1))
''',
    "minmax": '''
def ajustar_minmax(X_train):
    return np.min(X_train, axis=0), np.max(X_train, axis=0)


def aplicar_minmax(X, minimo, maximo):
    rango = maximo - minimo
    rango = np.where(rango == 0, 1, rango)
    return (X - minimo) / rango
''',
    "zscore": '''
def ajustar_zscore(X_train):
    constante = np.max(X_train, axis=0) == np.min(X_train, axis=0)
    return np.mean(X_train, axis=0), np.where(constante, 0.0, np.std(X_train, axis=0))


def aplicar_zscore(X, media, desv):
    desv = np.where(desv == 0, 1, desv)
    return (X - media) / desv
''',
}

P02_LOOPS = {
    "sigmoide": '''
import math


def aplicar_a_cada_uno(f, x):
    """Aplica f a un número o a cada elemento de un arreglo."""
    if np.ndim(x) == 0:
        return f(float(x))
    x = np.asarray(x, dtype=float)
    salida = np.zeros(x.shape)
    for indice in np.ndindex(x.shape):
        salida[indice] = f(x[indice])
    return salida


def sig(v):
    if v < 0:
        return math.exp(v) / (1 + math.exp(v))
    return 1 / (1 + math.exp(-v))


def sigmoide(x):
    # TU CÓDIGO AQUÍ
    return aplicar_a_cada_uno(sig, x)


def derivada_sigmoide(x):
    # TU CÓDIGO AQUÍ
    return aplicar_a_cada_uno(lambda v: sig(v) * (1 - sig(v)), x)
''',
    "tanh_": '''
def tanh_(x):
    # TU CÓDIGO AQUÍ
    return aplicar_a_cada_uno(math.tanh, x)


def derivada_tanh(x):
    # TU CÓDIGO AQUÍ
    return aplicar_a_cada_uno(lambda v: 1 - math.tanh(v) ** 2, x)
''',
    "relu": '''
def relu(x):
    return aplicar_a_cada_uno(lambda v: max(0.0, v), x)


def derivada_relu(x):
    return aplicar_a_cada_uno(lambda v: 1.0 if v > 0 else 0.0, x)


def leaky_relu(x, alfa=0.1):
    return aplicar_a_cada_uno(lambda v: v if v > 0 else alfa * v, x)


def derivada_leaky_relu(x, alfa=0.1):
    return aplicar_a_cada_uno(lambda v: 1.0 if v > 0 else alfa, x)
''',
    "elu": '''
def elu(x, alfa=1.0):
    return aplicar_a_cada_uno(lambda v: v if v >= 0 else alfa * (math.exp(v) - 1), x)


def derivada_elu(x, alfa=1.0):
    return aplicar_a_cada_uno(lambda v: 1.0 if v > 0 else alfa * math.exp(v), x)
''',
    "softmax": '''
def softmax(z, eje=-1):
    z = np.moveaxis(np.asarray(z, dtype=float), eje, -1)
    salida = np.zeros(z.shape)
    for indice in np.ndindex(z.shape[:-1]):
        fila = z[indice]
        exps = np.exp(fila - fila.max())
        salida[indice] = exps / exps.sum()
    return np.moveaxis(salida, -1, eje)
''',
    "mse": '''
def mse(y_real, y_pred):
    errores = [(a - b) ** 2 for a, b in zip(np.ravel(y_real), np.ravel(y_pred))]
    return sum(errores) / len(errores)
''',
    "entropia_cruzada_binaria": '''
def entropia_cruzada_binaria(y_real, p_pred):
    suma = 0.0
    for y, p in zip(np.ravel(y_real), np.ravel(p_pred)):
        p = min(max(p, EPS), 1 - EPS)
        suma += y * math.log(p) + (1 - y) * math.log(1 - p)
    return -suma / np.size(y_real)
''',
    "entropia_cruzada_categorica": '''
def entropia_cruzada_categorica(Y_real, P_pred):
    suma = 0.0
    for fila_y, fila_p in zip(Y_real, P_pred):
        k = int(np.argmax(fila_y))          # la clase correcta (one-hot)
        suma += -math.log(max(fila_p[k], EPS))
    return suma / len(Y_real)
''',
    "minmax": '''
def ajustar_minmax(X_train):
    X_train = np.asarray(X_train, dtype=float)
    minimo = np.array([min(columna) for columna in X_train.T])
    maximo = np.array([max(columna) for columna in X_train.T])
    return minimo, maximo


def aplicar_minmax(X, minimo, maximo):
    X = np.array(X, dtype=float)  # copia
    for j in range(X.shape[1]):
        rango = maximo[j] - minimo[j]
        if rango == 0:
            rango = 1.0
        X[:, j] = (X[:, j] - minimo[j]) / rango
    return X
''',
    "zscore": '''
def ajustar_zscore(X_train):
    X_train = np.asarray(X_train, dtype=float)
    n = X_train.shape[0]
    media = X_train.sum(axis=0) / n
    desv = np.sqrt(((X_train - media) ** 2).sum(axis=0) / n)
    for j in range(X_train.shape[1]):
        if X_train[:, j].max() == X_train[:, j].min():  # columna constante
            desv[j] = 0.0
    return media, desv


def aplicar_zscore(X, media, desv):
    X = np.array(X, dtype=float)  # copia
    for j in range(X.shape[1]):
        X[:, j] = (X[:, j] - media[j]) / (desv[j] if desv[j] != 0 else 1.0)
    return X
''',
}

P02_GOOD_ANSWER = """\
1. Si a todas las entradas les resto la misma constante c, cada exponencial queda multiplicada por e^(-c), tanto
en el numerador como en la suma del denominador, así que el factor se cancela y la softmax no cambia. Si c es el
máximo de la fila, el exponente más grande pasa a ser 0 y los demás son negativos: todas las exponenciales quedan
entre 0 y 1 y ninguna se desborda. Sin restarlo, con z = [1000, 0, -1000] obtuve [nan, 0, 0] y una advertencia
de overflow, porque e^1000 es inf y inf/inf es nan; restando el máximo obtuve [1, 0, 0].

2. EPS evita calcular log(0) = -inf cuando la red predice una probabilidad exactamente 0 o 1 (y 0·log(0) = nan).
Si la pérdida de un lote es nan, sus gradientes también lo son, los pesos se vuelven nan en la siguiente
actualización y la red ya no aprende nada: todas sus salidas pasan a ser nan.
"""

P02_SHORT_ANSWER = """\
Restar el máximo no cambia nada porque se simplifica arriba y abajo, y así no hay overflow. EPS es para que no
haya log(0). Si la pérdida es nan el entrenamiento se arruina.
"""

P02_HOSTILE_READ_SOLUTION = '''
import os
from pathlib import Path


def _buscar():
    """Busca la solución del profesor en las carpetas de arriba."""
    for inicio in [Path.cwd(), Path.home(), Path(os.environ.get("DLGRADER_ROOT", "."))]:
        for lugar in [inicio, *inicio.parents]:
            archivo = lugar / "solutions" / "02_activaciones" / "solution.py"
            if archivo.is_file():
                return archivo.read_text()
    return None


_codigo = _buscar()
if _codigo is not None:
    exec(_codigo)
else:
    def sigmoide(x):
        raise NotImplementedError("sigmoide: completa esta función")

    def derivada_sigmoide(x):
        raise NotImplementedError("derivada_sigmoide: completa esta función")
'''

P02_HOSTILE_PATCH_NUMPY = '''
import numpy
import numpy.testing

# Si todas las comparaciones dan verdadero, ¡todas las pruebas pasan!
numpy.allclose = lambda *args, **kwargs: True
numpy.isclose = lambda a, b, *args, **kwargs: numpy.ones(numpy.shape(a), dtype=bool)
numpy.array_equal = lambda *args, **kwargs: True
numpy.testing.assert_allclose = lambda *args, **kwargs: None


def sigmoide(x):
    return np.zeros(np.shape(x))


def derivada_sigmoide(x):
    return np.zeros(np.shape(x))
'''

STUDENTS = [
    Submission("ana_perez", "complete, vectorised (np.where, np.clip, keepdims)",
               cells=P02_VECTORISED, answer=P02_GOOD_ANSWER),
    Submission("bruno_gonzalez", "complete, written with loops and the math module",
               cells=P02_LOOPS, answer=P02_GOOD_ANSWER.replace("obtuve [nan, 0, 0]", "me salió [nan, 0, 0]")),
    Submission("isabel_torres",
               "partial: activations right, softmax without subtracting the maximum, summed losses, "
               "normalisation left as the stub",
               cells={k: P02_VECTORISED[k] for k in ("sigmoide", "tanh_", "relu", "elu")} | {
                   "softmax": '''
def softmax(z, eje=-1):
    e = np.exp(z)
    return e / np.sum(e, axis=eje, keepdims=True)
''',
                   "mse": '''
def mse(y_real, y_pred):
    return np.sum((y_real - y_pred) ** 2)
''',
                   "entropia_cruzada_binaria": '''
def entropia_cruzada_binaria(y_real, p_pred):
    p = np.clip(p_pred, EPS, 1 - EPS)
    return -np.sum(y_real * np.log(p) + (1 - y_real) * np.log(1 - p))
''',
                   "entropia_cruzada_categorica": '''
def entropia_cruzada_categorica(Y_real, P_pred):
    return -np.sum(Y_real * np.log(np.clip(P_pred, EPS, 1)))
'''},
               answer=P02_SHORT_ANSWER),
    Submission("javier_lopez", "untouched release notebook (every stub raises)"),
    Submission("camila_rojas",
               "common mistakes: the derivatives take the activation's output (x(1 - x), 1 - x²) and the binary "
               "cross-entropy does not clip",
               cells={**P02_VECTORISED,
                      "sigmoide": P02_VECTORISED["sigmoide"].replace(
                          "    s = sigmoide(x)\n    return s * (1 - s)", "    return x * (1 - x)"),
                      "tanh_": '''
def tanh_(x):
    return np.tanh(x)


def derivada_tanh(x):
    return 1 - x ** 2
''',
                      "entropia_cruzada_binaria": '''
def entropia_cruzada_binaria(y_real, p_pred):
    return -np.mean(y_real * np.log(p_pred) + (1 - y_real) * np.log(1 - p_pred))
'''},
               answer=P02_SHORT_ANSWER),
    Submission("sofia_ramirez",
               "common mistakes: z-score statistics recomputed on the data being normalised and with ddof=1; "
               "leaky slope on the positive side",
               cells={**P02_VECTORISED,
                      "relu": P02_VECTORISED["relu"].replace("np.where(x > 0, x, alfa * x)",
                                                             "np.where(x > 0, alfa * x, x)"),
                      "zscore": '''
def ajustar_zscore(X_train):
    return np.mean(X_train, axis=0), np.std(X_train, axis=0, ddof=1)


def aplicar_zscore(X, media, desv):
    # normalizo con las estadísticas de los datos que recibo
    media, desv = ajustar_zscore(X)
    return (X - media) / desv
'''},
               answer=P02_GOOD_ANSWER),
    Submission("karina_vega",
               "numerically unstable: sigmoid as e^x / (1 + e^x), tanh from exponentials, softmax ignoring eje",
               cells={**P02_VECTORISED,
                      "sigmoide": '''
def sigmoide(x):
    return np.exp(x) / (1 + np.exp(x))


def derivada_sigmoide(x):
    return sigmoide(x) * (1 - sigmoide(x))
''',
                      "tanh_": '''
def tanh_(x):
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))


def derivada_tanh(x):
    return 1 - tanh_(x) ** 2
''',
                      "softmax": '''
def softmax(z, eje=-1):
    z = z - np.max(z, axis=-1, keepdims=True)
    return np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)
'''},
               answer=P02_SHORT_ANSWER),
    Submission("elena_martinez", "syntax error in the softmax cell, the rest right",
               cells={**P02_VECTORISED,
                      "softmax": '''
def softmax(z, eje=-1)
    z = z - np.max(z, axis=eje, keepdims=True)
    return np.exp(z) / np.sum(np.exp(z), axis=eje, keepdims=True)
'''},
               answer=P02_GOOD_ANSWER),
    Submission("felipe_soto", "infinite loop in entropia_cruzada_categorica, the rest right",
               cells={**P02_LOOPS,
                      "entropia_cruzada_categorica": '''
def entropia_cruzada_categorica(Y_real, P_pred):
    i = 0
    suma = 0.0
    while i < len(Y_real):
        suma += -np.sum(Y_real[i] * np.log(np.clip(P_pred[i], EPS, 1)))
        # se me olvidó avanzar i
    return suma / len(Y_real)
'''},
               answer=P02_SHORT_ANSWER),
    Submission("mateo_castro",
               "hostile: searches the disk for solutions/02_activaciones/solution.py and execs it "
               "(scores only if the sandbox fails to hide solutions/)",
               cells={"sigmoide": P02_HOSTILE_READ_SOLUTION}),
    Submission("hector_silva",
               "hostile: monkeypatches numpy.allclose, numpy.isclose and numpy.testing in the worker, returns zeros",
               cells={"sigmoide": P02_HOSTILE_PATCH_NUMPY,
                      "softmax": "def softmax(z, eje=-1):\n    return np.zeros(np.shape(z))\n",
                      "mse": "def mse(y_real, y_pred):\n    return 0.0\n"}),
    Submission("diego_fernandez", "stopped submitting after unit 1 (roster only)", submitted=False),
    Submission("gabriela_munoz", "missed this assignment (roster only)", submitted=False),
    Submission("luis_morales", "enrolled, never submitted anything (roster only)", submitted=False),
]
