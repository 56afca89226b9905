"""Alternative correct solution: math.ceil, np.split at the batch boundaries, the loop draws its own permutations.

Must get full marks: it follows the same convention (one rng, one rng.permutation(N) per epoch) without calling
indices_lotes from the loop, and stores the history as a NumPy array.
"""

import numpy as np

# %% [iteraciones_por_epoca]
import math


def iteraciones_por_epoca(N, tam_lote):
    return math.ceil(N / tam_lote)

# %% [indices_lotes]
def indices_lotes(N, tam_lote, epocas, semilla):
    rng = np.random.default_rng(semilla)
    cortes = np.arange(tam_lote, N, tam_lote)
    return [np.split(rng.permutation(N), cortes) for _ in range(epocas)]

# %% [tasa_aprendizaje]
FORMULAS = {
    "tiempo": lambda lr0, e, d: lr0 / (1.0 + d["k"] * e),
    "escalon": lambda lr0, e, d: lr0 * d["factor"] ** (e // d["paso"]),
    "exponencial": lambda lr0, e, d: lr0 * np.exp(-d["k"] * e),
}


def tasa_aprendizaje(lr0, epoca, decaimiento=None):
    if not decaimiento:
        return float(lr0)
    return float(FORMULAS[decaimiento["tipo"]](lr0, epoca, decaimiento))

# %% [descenso_gradiente]
def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, tam_lote, semilla, decaimiento=None):
    params = [np.copy(p).astype(float) for p in params0]
    historial = np.zeros(epocas)
    rng = np.random.default_rng(semilla)
    N = X.shape[0]
    for e in range(epocas):
        tasa = tasa_aprendizaje(lr, e, decaimiento)
        orden = rng.permutation(N)
        Xs, ys = X[orden], y[orden]
        for inicio in range(0, N, tam_lote):
            Xb, yb = Xs[inicio:inicio + tam_lote], ys[inicio:inicio + tam_lote]
            grads = gradientes(params, Xb, yb)
            for i, g in enumerate(grads):
                params[i] = params[i] - tasa * g.mean(axis=0)
        historial[e] = perdida(params, X, y)
    return params, historial
