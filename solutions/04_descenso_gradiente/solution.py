"""Reference solution of assignment 04 (gradient descent): one percent-format section per solution cell.

The notebook's locked cell ``modelos`` (loss, per-example gradients and the entrenar_lineal /
entrenar_logistica wrappers) is not repeated here: graders compare against their own oracle.
"""

import numpy as np

# %% [iteraciones_por_epoca]
def iteraciones_por_epoca(N, tam_lote):
    """Cantidad de lotes (actualizaciones) por época: techo de N / tam_lote."""
    return -(-int(N) // int(tam_lote))

# %% [indices_lotes]
def indices_lotes(N, tam_lote, epocas, semilla):
    """Lotes de índices de cada época: un orden aleatorio nuevo por época, último lote parcial incluido."""
    generador = np.random.default_rng(semilla)  # uno solo, creado una vez
    epocas_lotes = []
    for _ in range(epocas):
        orden = generador.permutation(N)
        epocas_lotes.append([orden[inicio:inicio + tam_lote] for inicio in range(0, N, tam_lote)])
    return epocas_lotes

# %% [tasa_aprendizaje]
def tasa_aprendizaje(lr0, epoca, decaimiento=None):
    """Tasa de aprendizaje de la época `epoca` (contada desde 0) según el decaimiento elegido."""
    if decaimiento is None:
        return float(lr0)
    tipo = decaimiento["tipo"]
    if tipo == "tiempo":
        return float(lr0 / (1.0 + decaimiento["k"] * epoca))
    if tipo == "escalon":
        return float(lr0 * decaimiento["factor"] ** (epoca // decaimiento["paso"]))
    if tipo == "exponencial":
        return float(lr0 * np.exp(-decaimiento["k"] * epoca))
    raise ValueError(f"tipo de decaimiento desconocido: {tipo!r}")

# %% [descenso_gradiente]
def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, tam_lote, semilla, decaimiento=None):
    """Descenso del gradiente por lotes: promedio de los gradientes del lote, tasa fija dentro de cada época."""
    params = [np.array(p, dtype=float) for p in params0]
    historial = []
    for epoca, lotes in enumerate(indices_lotes(len(X), tam_lote, epocas, semilla)):
        tasa = tasa_aprendizaje(lr, epoca, decaimiento)
        for indices in lotes:
            grads = gradientes(params, X[indices], y[indices])
            params = [p - tasa * np.mean(g, axis=0) for p, g in zip(params, grads)]
        historial.append(float(perdida(params, X, y)))
    return params, historial
