"""The demo class of 03_backprop: who the students are and what each notebook exercises.

Read by ``examples/make_examples.py``; each Submission replaces some solution cells of the release notebook.
"""

from make_examples import Submission

P03_VECTORISED = {
    "sigmoide": '''
def sigmoide(z):
    """Sigmoide estable: para z negativo usa exp(z) / (1 + exp(z))."""
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
''',
    "propagar_adelante": '''
def propagar_adelante(X, W1, b1, W2, b2):
    """Dos productos de matrices y la sigmoide."""
    ocultas = sigmoide(np.dot(X, W1) + b1)
    salidas = sigmoide(np.dot(ocultas, W2) + b2)
    return ocultas, salidas
''',
    "perdida": '''
def perdida(X, D, W1, b1, W2, b2):
    """Promedio sobre el lote de 1/2 ||d - y||^2."""
    _, Y = propagar_adelante(X, W1, b1, W2, b2)
    por_ejemplo = 0.5 * ((D - Y) ** 2).sum(axis=1)
    return float(por_ejemplo.mean())
''',
    "retropropagar": '''
def retropropagar(X, D, W1, b1, W2, b2):
    """Deltas del curso en forma matricial, promediadas sobre el lote."""
    n = len(X)
    H, Y = propagar_adelante(X, W1, b1, W2, b2)
    d_salida = (D - Y) * Y * (1 - Y)
    d_oculta = d_salida.dot(W2.T) * H * (1 - H)
    return (-X.T.dot(d_oculta) / n, -d_oculta.mean(axis=0),
            -H.T.dot(d_salida) / n, -d_salida.mean(axis=0))
''',
    "actualizar": '''
def actualizar(parametros, gradientes, eta):
    """p - eta * g, en arreglos nuevos."""
    return tuple(p - eta * g for p, g in zip(parametros, gradientes))
''',
    "gradiente_numerico": '''
def gradiente_numerico(X, D, W1, b1, W2, b2, eps=1e-5):
    """Diferencias centrales sobre copias de los parámetros."""
    copias = [W1.copy(), b1.copy(), W2.copy(), b2.copy()]
    gradientes = []
    for p in copias:
        g = np.zeros_like(p)
        it = np.nditer(p, flags=["multi_index"])
        for _ in it:
            i = it.multi_index
            original = p[i]
            p[i] = original + eps
            e1 = perdida(X, D, *copias)
            p[i] = original - eps
            e2 = perdida(X, D, *copias)
            p[i] = original
            g[i] = (e1 - e2) / (2 * eps)
        gradientes.append(g)
    return tuple(gradientes)
''',
    "entrenar": '''
def entrenar(X, D, W1, b1, W2, b2, eta, pasos):
    """Descenso de gradiente con el lote completo."""
    params = (W1, b1, W2, b2)
    historial = []
    for paso in range(pasos):
        historial.append(perdida(X, D, *params))
        params = actualizar(params, retropropagar(X, D, *params), eta)
    return params[0], params[1], params[2], params[3], historial
''',
}

P03_LOOPS = {
    **P03_VECTORISED,
    "sigmoide": '''
def sigmoide(z):
    # TU CÓDIGO AQUÍ
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))
''',
    "retropropagar": '''
def retropropagar(X, D, W1, b1, W2, b2):
    # TU CÓDIGO AQUÍ
    # Regla delta del curso, ejemplo por ejemplo, y luego el promedio
    N = X.shape[0]
    gW1, gb1 = np.zeros_like(W1), np.zeros_like(b1)
    gW2, gb2 = np.zeros_like(W2), np.zeros_like(b2)
    for n in range(N):
        x, d = X[n:n + 1], D[n:n + 1]
        h, y = propagar_adelante(x, W1, b1, W2, b2)
        delta_k = (d - y) * y * (1 - y)                 # (1, k)
        delta_j = (delta_k @ W2.T) * h * (1 - h)        # (1, h)
        gW2 += -np.outer(h, delta_k)
        gb2 += -delta_k[0]
        gW1 += -np.outer(x, delta_j)
        gb1 += -delta_j[0]
    return gW1 / N, gb1 / N, gW2 / N, gb2 / N
''',
    "gradiente_numerico": '''
def gradiente_numerico(X, D, W1, b1, W2, b2, eps=1e-5):
    # TU CÓDIGO AQUÍ
    params = [W1, b1, W2, b2]
    grads = []
    for q in range(4):
        g = np.zeros(params[q].shape)
        for idx in np.ndindex(params[q].shape):
            arriba = [p.copy() for p in params]
            abajo = [p.copy() for p in params]
            arriba[q][idx] += eps
            abajo[q][idx] -= eps
            g[idx] = (perdida(X, D, *arriba) - perdida(X, D, *abajo)) / (2 * eps)
        grads.append(g)
    return tuple(grads)
''',
}

P03_GOOD_ANSWER = """\
1. El gradiente es la derivada de E en el punto donde está la red ahora, con todos los pesos de ese momento. La
delta oculta mide cuánto cambia E si cambia h_j, y eso depende de los ω_jk actuales. Si primero actualizo ω_jk y
después uso los nuevos, calculo la derivada en un punto mezclado (capa de salida nueva, capa oculta vieja) que no
es el gradiente de ninguna pérdida que haya evaluado; con η pequeño la diferencia es pequeña, pero ya no es
descenso de gradiente y no coincide con torch.autograd (mi entrenar dio otros pesos cuando lo probé así).

2. Con la suma, cada ejemplo aporta su gradiente entero: con el doble de ejemplos el gradiente es
aproximadamente el doble y el paso η·g también. Para entrenar igual tendría que usar η/2 (η dividido por el tamaño
del lote). Con el promedio el tamaño del gradiente no depende del lote y el mismo η sirve.
"""

P03_SHORT_ANSWER = """\
Hay que usar los pesos viejos porque el gradiente se calcula antes de actualizar. Con la suma el gradiente crece
con el lote y hay que achicar η.
"""

P03_HOSTILE_READ_SOLUTION = '''
import os
from pathlib import Path

def _buscar():
    """Busca solutions/03_backprop/solution.py hacia arriba desde varias carpetas."""
    for carpeta in [Path.cwd(), Path.home(), Path(os.environ.get("DLGRADER_ROOT", "."))]:
        for lugar in [carpeta, *carpeta.parents]:
            archivo = lugar / "solutions" / "03_backprop" / "solution.py"
            if archivo.is_file():
                return archivo.read_text()
    return None

_codigo = _buscar()
if _codigo is not None:
    exec(_codigo)
else:
    def sigmoide(z):
        raise NotImplementedError("sigmoide: completa esta función")
'''

P03_HOSTILE_PATCH_NUMPY = '''
import numpy
import numpy.linalg

# Si todo compara igual y las normas son cero, ¡los gradientes siempre «coinciden»!
numpy.allclose = lambda *args, **kwargs: True
numpy.array_equal = lambda *args, **kwargs: True
numpy.linalg.norm = lambda *args, **kwargs: 0.0

def sigmoide(z):
    return np.zeros(np.shape(z))
'''

STUDENTS = [
    Submission("ana_perez", "complete, vectorised (np.dot, nditer in the numerical gradient)",
               cells=P03_VECTORISED, answer=P03_GOOD_ANSWER),
    Submission("bruno_gonzalez",
               "complete, backprop as a loop over examples with the course's per-example rule, copies everywhere",
               cells=P03_LOOPS, answer=P03_GOOD_ANSWER.replace("mi entrenar", "mi función entrenar")),
    Submission("isabel_torres",
               "partial: gradients summed over the batch (no 1/N), entrenar left as the stub",
               cells={key: value for key, value in {
                   **P03_VECTORISED,
                   "retropropagar": '''
def retropropagar(X, D, W1, b1, W2, b2):
    H, Y = propagar_adelante(X, W1, b1, W2, b2)
    delta2 = (D - Y) * Y * (1 - Y)
    delta1 = (delta2 @ W2.T) * H * (1 - H)
    # el gradiente de todo el lote
    return -X.T @ delta1, -delta1.sum(axis=0), -H.T @ delta2, -delta2.sum(axis=0)
'''}.items() if key != "entrenar"},
               answer=P03_SHORT_ANSWER),
    Submission("mateo_castro", "untouched release notebook (every stub raises)"),
    Submission("sofia_ramirez",
               "common mistake: hidden deltas with W2 instead of W2.T (shape error unless h == k) and y(1 - y) on z",
               cells={**P03_VECTORISED,
                      "retropropagar": '''
def retropropagar(X, D, W1, b1, W2, b2):
    N = X.shape[0]
    Z1 = X @ W1 + b1
    H = sigmoide(Z1)
    Z2 = H @ W2 + b2
    Y = sigmoide(Z2)
    delta2 = (D - Y) * Y * (1 - Y)
    delta1 = (delta2 @ W2) * Z1 * (1 - Z1)
    return -(X.T @ delta1) / N, -delta1.sum(axis=0) / N, -(H.T @ delta2) / N, -delta2.sum(axis=0) / N
'''},
               answer=P03_SHORT_ANSWER),
    Submission("karina_vega",
               "common mistakes: follows the slide literally (updates W2, then hidden deltas with the new W2) and "
               "updates the parameters in place (W -= eta * g)",
               cells={**P03_VECTORISED,
                      "actualizar": '''
def actualizar(parametros, gradientes, eta):
    for p, g in zip(parametros, gradientes):
        p -= eta * g
    return parametros
''',
                      "entrenar": '''
def entrenar(X, D, W1, b1, W2, b2, eta, pasos):
    N = len(X)
    historial = []
    for paso in range(pasos):
        historial.append(perdida(X, D, W1, b1, W2, b2))
        H, Y = propagar_adelante(X, W1, b1, W2, b2)
        delta_k = (D - Y) * Y * (1 - Y)
        # pasos 4 y 5 de las diapositivas: capa de salida
        W2 = W2 + eta * H.T @ delta_k / N
        b2 = b2 + eta * delta_k.sum(axis=0) / N
        # pasos 6 y 7: capa oculta
        delta_j = (delta_k @ W2.T) * H * (1 - H)
        W1 = W1 + eta * X.T @ delta_j / N
        b1 = b1 + eta * delta_j.sum(axis=0) / N
    return W1, b1, W2, b2, historial
'''},
               answer=P03_GOOD_ANSWER),
    Submission("camila_rojas",
               "common mistakes: forward differences in gradiente_numerico and perdida summed over the batch",
               cells={**P03_VECTORISED,
                      "perdida": '''
def perdida(X, D, W1, b1, W2, b2):
    _, Y = propagar_adelante(X, W1, b1, W2, b2)
    return 0.5 * np.sum((D - Y) ** 2)
''',
                      "gradiente_numerico": '''
def gradiente_numerico(X, D, W1, b1, W2, b2, eps=1e-5):
    params = [W1.copy(), b1.copy(), W2.copy(), b2.copy()]
    E0 = perdida(X, D, *params)
    grads = []
    for p in params:
        g = np.zeros_like(p)
        for i in np.ndindex(p.shape):
            p[i] += eps
            g[i] = (perdida(X, D, *params) - E0) / eps
            p[i] -= eps
        grads.append(g)
    return tuple(grads)
'''},
               answer=P03_SHORT_ANSWER),
    Submission("elena_martinez", "syntax error in the gradiente_numerico cell, the rest right",
               cells={**P03_VECTORISED,
                      "gradiente_numerico": '''
def gradiente_numerico(X, D, W1, b1, W2, b2, eps=1e-5):
    params = [W1.copy(), b1.copy(), W2.copy(), b2.copy()]
    grads = []
    for p in params
        g = np.zeros_like(p)
        grads.append(g)
    return tuple(grads)
'''},
               answer=P03_GOOD_ANSWER),
    Submission("felipe_soto", "infinite loop in entrenar (trains until the loss is exactly 0)",
               cells={**P03_LOOPS,
                      "entrenar": '''
def entrenar(X, D, W1, b1, W2, b2, eta, pasos):
    params = (W1, b1, W2, b2)
    historial = [perdida(X, D, *params)]
    while historial[-1] > 0:  # entrenar hasta que no haya error
        params = actualizar(params, retropropagar(X, D, *params), eta)
        historial.append(perdida(X, D, *params))
    return (*params, historial)
'''},
               answer=P03_SHORT_ANSWER),
    Submission("gabriela_munoz",
               "hostile: searches the disk for solutions/03_backprop/solution.py and execs it "
               "(scores only if the sandbox fails to hide solutions/)",
               cells={"sigmoide": P03_HOSTILE_READ_SOLUTION, "propagar_adelante": "", "perdida": "",
                      "retropropagar": "", "actualizar": "", "gradiente_numerico": "", "entrenar": ""}),
    Submission("hector_silva",
               "hostile: monkeypatches numpy.allclose, numpy.array_equal and numpy.linalg.norm in the worker, "
               "returns zeros everywhere",
               cells={"sigmoide": P03_HOSTILE_PATCH_NUMPY,
                      "propagar_adelante": ("def propagar_adelante(X, W1, b1, W2, b2):\n"
                                            "    return np.zeros((len(X), W1.shape[1])), np.zeros((len(X), W2.shape[1]))\n"),
                      "retropropagar": ("def retropropagar(X, D, W1, b1, W2, b2):\n"
                                        "    return tuple(np.zeros_like(p) for p in (W1, b1, W2, b2))\n"),
                      "actualizar": "def actualizar(parametros, gradientes, eta):\n    return parametros\n"}),
    Submission("javier_lopez", "not_json: the .ipynb on disk is truncated, broken JSON",
               cells=P03_VECTORISED, broken_json=True),
    Submission("diego_fernandez", "stopped submitting after unit 1 (roster only)", submitted=False),
    Submission("luis_morales", "enrolled, never submitted anything (roster only)", submitted=False),
]
