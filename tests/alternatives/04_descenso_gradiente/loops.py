"""Alternative correct solution: plain Python loops, rng.shuffle, averages accumulated by hand. Must get full marks."""

import numpy as np

# %% [iteraciones_por_epoca]
def iteraciones_por_epoca(N, tam_lote):
    """Cuenta los lotes recorriendo el inicio de cada uno."""
    cuenta = 0
    inicio = 0
    while inicio < N:
        cuenta += 1
        inicio += tam_lote
    return cuenta

# %% [indices_lotes]
def indices_lotes(N, tam_lote, epocas, semilla):
    """rng.shuffle sobre np.arange(N) da la misma permutación que rng.permutation(N)."""
    rng = np.random.default_rng(semilla)
    todas = []
    for epoca in range(epocas):
        orden = np.arange(N)
        rng.shuffle(orden)
        lotes = []
        actual = []
        for indice in orden:
            actual.append(int(indice))
            if len(actual) == tam_lote:
                lotes.append(np.array(actual, dtype=int))
                actual = []
        if actual:
            lotes.append(np.array(actual, dtype=int))
        todas.append(lotes)
    return todas

# %% [tasa_aprendizaje]
def tasa_aprendizaje(lr0, epoca, decaimiento=None):
    """Un if por tipo, con math en vez de NumPy."""
    import math
    if decaimiento is None:
        return lr0
    if decaimiento["tipo"] == "tiempo":
        return lr0 / (1 + decaimiento["k"] * epoca)
    if decaimiento["tipo"] == "escalon":
        bloques = math.floor(epoca / decaimiento["paso"])
        return lr0 * math.pow(decaimiento["factor"], bloques)
    if decaimiento["tipo"] == "exponencial":
        return lr0 * math.exp(-decaimiento["k"] * epoca)
    raise ValueError(decaimiento)

# %% [descenso_gradiente]
def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, tam_lote, semilla, decaimiento=None):
    """Promedio calculado a mano: suma de los gradientes de cada ejemplo dividida por el tamaño del lote."""
    params = [p.copy() for p in params0]
    historial = []
    todas = indices_lotes(len(X), tam_lote, epocas, semilla)
    for e in range(epocas):
        tasa = tasa_aprendizaje(lr, e, decaimiento)
        for lote in todas[e]:
            grads = gradientes(params, X[lote], y[lote])
            nuevos = []
            for p, g in zip(params, grads):
                suma = np.zeros_like(p, dtype=float)
                for k in range(len(lote)):
                    suma = suma + g[k]
                nuevos.append(p - tasa * (suma / len(lote)))
            params = nuevos
        historial.append(perdida(params, X, y))
    return params, historial
