"""The demo class of 04_descenso_gradiente: who the students are and what each notebook exercises.

Read by ``examples/make_examples.py``; each Submission replaces some solution cells of the release notebook.
"""

from make_examples import Submission

P04_VECTORISED = {
    "iteraciones_por_epoca": '''
def iteraciones_por_epoca(N, tam_lote):
    """Techo de N / tam_lote con enteros."""
    return int(np.ceil(N / tam_lote))
''',
    "indices_lotes": '''
def indices_lotes(N, tam_lote, epocas, semilla):
    """Una permutación nueva por época, del mismo generador."""
    gen = np.random.default_rng(semilla)
    salida = []
    for e in range(epocas):
        perm = gen.permutation(N)
        salida.append([perm[k:k + tam_lote] for k in range(0, N, tam_lote)])
    return salida
''',
    "tasa_aprendizaje": '''
def tasa_aprendizaje(lr0, epoca, decaimiento=None):
    """Las tres fórmulas de la tabla."""
    if decaimiento is None:
        return lr0
    if decaimiento["tipo"] == "tiempo":
        return lr0 / (1 + decaimiento["k"] * epoca)
    elif decaimiento["tipo"] == "escalon":
        return lr0 * decaimiento["factor"] ** np.floor(epoca / decaimiento["paso"])
    else:
        return lr0 * np.exp(-decaimiento["k"] * epoca)
''',
    "descenso_gradiente": '''
def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, tam_lote, semilla, decaimiento=None):
    """Un paso por lote con el promedio de los gradientes del lote."""
    params = [p.copy() for p in params0]
    historial = []
    todos = indices_lotes(len(X), tam_lote, epocas, semilla)
    for e in range(epocas):
        eta = tasa_aprendizaje(lr, e, decaimiento)
        for lote in todos[e]:
            g = gradientes(params, X[lote], y[lote])
            params = [p - eta * gi.mean(axis=0) for p, gi in zip(params, g)]
        historial.append(perdida(params, X, y))
    return params, historial
''',
}

P04_LOOPS = {
    "iteraciones_por_epoca": '''
def iteraciones_por_epoca(N, tam_lote):
    # TU CÓDIGO AQUÍ
    n = N // tam_lote
    if N % tam_lote != 0:
        n = n + 1
    return n
''',
    "indices_lotes": '''
def indices_lotes(N, tam_lote, epocas, semilla):
    # TU CÓDIGO AQUÍ
    rng = np.random.default_rng(semilla)
    epocas_lotes = []
    for epoca in range(epocas):
        indices = np.arange(N)
        rng.shuffle(indices)
        lotes = []
        for j in range(iteraciones_por_epoca(N, tam_lote)):
            lotes.append(indices[j * tam_lote:(j + 1) * tam_lote])
        epocas_lotes.append(lotes)
    return epocas_lotes
''',
    "tasa_aprendizaje": '''
def tasa_aprendizaje(lr0, epoca, decaimiento=None):
    # TU CÓDIGO AQUÍ
    import math
    if decaimiento == None:
        return lr0
    tipo = decaimiento["tipo"]
    if tipo == "tiempo":
        return lr0 * 1 / (1 + decaimiento["k"] * epoca)
    if tipo == "escalon":
        return lr0 * math.pow(decaimiento["factor"], epoca // decaimiento["paso"])
    if tipo == "exponencial":
        return lr0 * math.exp(-decaimiento["k"] * epoca)
''',
    "descenso_gradiente": '''
def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, tam_lote, semilla, decaimiento=None):
    # TU CÓDIGO AQUÍ
    params = []
    for p in params0:
        params.append(np.array(p, dtype=float))
    historial = []
    lotes_por_epoca = indices_lotes(X.shape[0], tam_lote, epocas, semilla)
    for epoca in range(epocas):
        tasa = tasa_aprendizaje(lr, epoca, decaimiento)
        for lote in lotes_por_epoca[epoca]:
            Xb = X[lote]
            yb = y[lote]
            grads = gradientes(params, Xb, yb)
            for i in range(len(params)):
                promedio = np.sum(grads[i], axis=0) / len(lote)
                params[i] = params[i] - tasa * promedio
        historial.append(perdida(params, X, y))
    return params, historial
''',
}

P04_GOOD_ANSWER = """\
Con 8 ejemplos, el modo batch (tam_lote = 8) hace 1 actualización por época, el mini-batch con lotes de 4 hace 2 y
el estocástico hace 8. En 20 épocas el estocástico es el que más baja la pérdida, porque da 160 pasos contra 20
del batch: aunque cada paso usa un gradiente menos preciso, avanza muchas más veces por época.

La curva más irregular es la del estocástico: cada paso usa un solo ejemplo, así que el gradiente es una
estimación ruidosa y a veces la pérdida total sube un poco. Es lo mismo que muestra el curso con los 60000
ejemplos: con lote 1 hay 60000 iteraciones por época (41 s por época) y la pérdida baja rápido por época; con
lote 2048 hay solo 30 iteraciones por época, cada una aprovecha el cálculo en paralelo y la época tarda menos de
1 s, pero con 30 pasos la pérdida baja menos por época.

Hacer decaer la tasa en el estocástico sirve para que, al final, los pasos sean chicos y el ruido del gradiente
no haga saltar los parámetros alrededor del mínimo: al comienzo se avanza rápido y al final se converge.
"""

P04_SHORT_ANSWER = """\
El estocástico hace más actualizaciones y baja más rápido pero es más ruidoso. El batch es más estable.
El decaimiento sirve para converger.
"""

P04_HOSTILE_READ_SOLUTION = '''
import os
from pathlib import Path

def _buscar():
    """Busca la solución del profesor subiendo por las carpetas."""
    for inicio in [Path.cwd(), Path.home(), Path(os.environ.get("DLGRADER_ROOT", "."))]:
        for lugar in [inicio, *inicio.parents]:
            archivo = lugar / "solutions" / "04_descenso_gradiente" / "solution.py"
            if archivo.is_file():
                return archivo.read_text()
    return None

_codigo = _buscar()
if _codigo is not None:
    exec(_codigo)
else:
    def iteraciones_por_epoca(N, tam_lote):
        raise NotImplementedError("iteraciones_por_epoca: completa esta función")
'''

P04_HOSTILE_PATCH_NUMPY = '''
import numpy
import numpy.testing

# Si todas las comparaciones dan verdadero, ¡pasan todas las pruebas!
numpy.allclose = lambda *args, **kwargs: True
numpy.array_equal = lambda *args, **kwargs: True
numpy.isclose = lambda *args, **kwargs: True
numpy.testing.assert_allclose = lambda *args, **kwargs: None

def iteraciones_por_epoca(N, tam_lote):
    return 0
'''

STUDENTS = [
    Submission("ana_perez", "complete, vectorised (np.ceil, slices, gi.mean(axis=0))",
               cells=P04_VECTORISED, answer=P04_GOOD_ANSWER),
    Submission("bruno_gonzalez",
               "complete, written with loops (rng.shuffle on np.arange, sum / len(lote), math.pow)",
               cells=P04_LOOPS, answer=P04_GOOD_ANSWER.replace("Con 8 ejemplos", "Con los 8 ejemplos")),
    Submission("camila_rojas",
               "partial: batching right, the schedule counts epochs from 1 and the loop sums the batch gradients",
               cells={**P04_VECTORISED,
                      "tasa_aprendizaje": '''
def tasa_aprendizaje(lr0, epoca, decaimiento=None):
    if decaimiento is None:
        return lr0
    e = epoca + 1  # la primera época es la 1
    if decaimiento["tipo"] == "tiempo":
        return lr0 / (1 + decaimiento["k"] * e)
    if decaimiento["tipo"] == "escalon":
        return lr0 * decaimiento["factor"] ** (e // decaimiento["paso"])
    return lr0 * np.exp(-decaimiento["k"] * e)
''',
                      "descenso_gradiente": '''
def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, tam_lote, semilla, decaimiento=None):
    params = [p.copy() for p in params0]
    historial = []
    for e, lotes in enumerate(indices_lotes(len(X), tam_lote, epocas, semilla)):
        eta = tasa_aprendizaje(lr, e, decaimiento)
        for lote in lotes:
            g = gradientes(params, X[lote], y[lote])
            params = [p - eta * gi.sum(axis=0) for p, gi in zip(params, g)]
        historial.append(perdida(params, X, y))
    return params, historial
'''},
               answer=P04_SHORT_ANSWER),
    Submission("elena_martinez", "untouched release notebook (every stub raises)"),
    Submission("gabriela_munoz", "syntax error in the tasa_aprendizaje cell, the rest right",
               cells={**P04_VECTORISED,
                      "tasa_aprendizaje": '''
def tasa_aprendizaje(lr0, epoca, decaimiento=None):
    if decaimiento is None
        return lr0
    if decaimiento["tipo"] == "tiempo":
        return lr0 / (1 + decaimiento["k"] * epoca)
    if decaimiento["tipo"] == "escalon":
        return lr0 * decaimiento["factor"] ** (epoca // decaimiento["paso"])
    return lr0 * np.exp(-decaimiento["k"] * epoca)
'''},
               answer=P04_SHORT_ANSWER),
    Submission("isabel_torres",
               "common mistakes: drops the last incomplete batch and shuffles X and y with different permutations",
               cells={**P04_VECTORISED,
                      "indices_lotes": '''
def indices_lotes(N, tam_lote, epocas, semilla):
    rng = np.random.default_rng(semilla)
    resultado = []
    for e in range(epocas):
        orden = rng.permutation(N)
        resultado.append([orden[i:i + tam_lote] for i in range(0, N - tam_lote + 1, tam_lote)])
    return resultado
''',
                      "descenso_gradiente": '''
def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, tam_lote, semilla, decaimiento=None):
    rng = np.random.default_rng(semilla)
    params = [p.copy() for p in params0]
    historial = []
    for e in range(epocas):
        eta = tasa_aprendizaje(lr, e, decaimiento)
        X_mezclado = X[rng.permutation(len(X))]
        y_mezclado = y[rng.permutation(len(y))]
        for i in range(0, len(X), tam_lote):
            g = gradientes(params, X_mezclado[i:i + tam_lote], y_mezclado[i:i + tam_lote])
            params = [p - eta * gi.mean(axis=0) for p, gi in zip(params, g)]
        historial.append(perdida(params, X, y))
    return params, historial
'''},
               answer=P04_GOOD_ANSWER),
    Submission("sofia_ramirez",
               "common mistakes: global np.random.shuffle (no seed) and the decay applied per iteration",
               cells={**P04_LOOPS,
                      "indices_lotes": '''
def indices_lotes(N, tam_lote, epocas, semilla):
    resultado = []
    for e in range(epocas):
        orden = np.arange(N)
        np.random.shuffle(orden)
        resultado.append([orden[i:i + tam_lote] for i in range(0, N, tam_lote)])
    return resultado
''',
                      "descenso_gradiente": '''
def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, tam_lote, semilla, decaimiento=None):
    params = [p.copy() for p in params0]
    historial = []
    iteracion = 0
    for lotes in indices_lotes(len(X), tam_lote, epocas, semilla):
        for lote in lotes:
            eta = tasa_aprendizaje(lr, iteracion, decaimiento)
            g = gradientes(params, X[lote], y[lote])
            params = [p - eta * gi.mean(axis=0) for p, gi in zip(params, g)]
            iteracion += 1
        historial.append(perdida(params, X, y))
    return params, historial
'''},
               answer=P04_SHORT_ANSWER),
    Submission("mateo_castro",
               "hostile: searches the disk for solutions/04_descenso_gradiente/solution.py and execs it "
               "(scores only if the sandbox fails to hide solutions/)",
               cells={"iteraciones_por_epoca": P04_HOSTILE_READ_SOLUTION, "indices_lotes": "",
                      "tasa_aprendizaje": "", "descenso_gradiente": ""}),
    Submission("hector_silva",
               "hostile: monkeypatches numpy.allclose, numpy.array_equal and numpy.testing in the worker",
               cells={"iteraciones_por_epoca": P04_HOSTILE_PATCH_NUMPY,
                      "indices_lotes": ("def indices_lotes(N, tam_lote, epocas, semilla):\n"
                                        "    return [[np.arange(N)] for _ in range(epocas)]\n"),
                      "tasa_aprendizaje": "def tasa_aprendizaje(lr0, epoca, decaimiento=None):\n    return lr0\n",
                      "descenso_gradiente": ("def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, "
                                             "tam_lote, semilla, decaimiento=None):\n"
                                             "    return params0, [0.0] * epocas\n")}),
    Submission("felipe_soto",
               "infinite loop in descenso_gradiente (the epoch counter is never incremented), the rest right",
               cells={**P04_VECTORISED,
                      "descenso_gradiente": '''
def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, tam_lote, semilla, decaimiento=None):
    params = [p.copy() for p in params0]
    historial = []
    todos = indices_lotes(len(X), tam_lote, epocas, semilla)
    e = 0
    while e < epocas:  # olvidé e += 1
        eta = tasa_aprendizaje(lr, e, decaimiento)
        for lote in todos[e]:
            g = gradientes(params, X[lote], y[lote])
            params = [p - eta * gi.mean(axis=0) for p, gi in zip(params, g)]
    historial.append(perdida(params, X, y))
    return params, historial
'''},
               answer=P04_SHORT_ANSWER),
    Submission("karina_vega",
               "common mistakes: step decay without the floor and updates the caller's arrays in place (p -= ...)",
               cells={**P04_VECTORISED,
                      "tasa_aprendizaje": '''
def tasa_aprendizaje(lr0, epoca, decaimiento=None):
    if decaimiento is None:
        return lr0
    if decaimiento["tipo"] == "tiempo":
        return lr0 / (1 + decaimiento["k"] * epoca)
    if decaimiento["tipo"] == "escalon":
        return lr0 * decaimiento["factor"] ** (epoca / decaimiento["paso"])
    return lr0 * np.exp(-decaimiento["k"] * epoca)
''',
                      "descenso_gradiente": '''
def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, tam_lote, semilla, decaimiento=None):
    params = params0
    historial = []
    for e, lotes in enumerate(indices_lotes(len(X), tam_lote, epocas, semilla)):
        eta = tasa_aprendizaje(lr, e, decaimiento)
        for lote in lotes:
            g = gradientes(params, X[lote], y[lote])
            for p, gi in zip(params, g):
                p -= eta * gi.mean(axis=0)
        historial.append(perdida(params, X, y))
    return params, historial
'''},
               answer=P04_GOOD_ANSWER),
    Submission("javier_lopez", "not_json: the .ipynb on disk is truncated, broken JSON",
               cells=P04_VECTORISED, broken_json=True),
    Submission("diego_fernandez", "stopped submitting after unit 1 (roster only)", submitted=False),
    Submission("luis_morales", "enrolled, never submitted anything (roster only)", submitted=False),
]
