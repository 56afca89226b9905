"""Alternative correct solution: the course's per-example rule with explicit loops. Must get full marks."""

import numpy as np

# %% [sigmoide]
def sigmoide(z):
    """1 / (1 + exp(-z)) directo; con z muy negativo exp desborda a inf y el resultado 0 es correcto."""
    with np.errstate(over="ignore"):
        resultado = 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))
    if np.ndim(z) == 0 and not isinstance(z, np.ndarray):
        return float(resultado)
    return resultado

# %% [propagar_adelante]
def propagar_adelante(X, W1, b1, W2, b2):
    """Neurona por neurona y ejemplo por ejemplo, con las sumas de las diapositivas."""
    N, d = X.shape
    h, k = W2.shape
    H = np.zeros((N, h))
    Y = np.zeros((N, k))
    for n in range(N):
        for j in range(h):
            suma = b1[j]
            for i in range(d):
                suma += W1[i, j] * X[n, i]
            H[n, j] = sigmoide(suma)
        for m in range(k):
            suma = b2[m]
            for j in range(h):
                suma += W2[j, m] * H[n, j]
            Y[n, m] = sigmoide(suma)
    return H, Y

# %% [perdida]
def perdida(X, D, W1, b1, W2, b2):
    """Promedio sobre los ejemplos de 1/2 * suma de cuadrados."""
    _, Y = propagar_adelante(X, W1, b1, W2, b2)
    total = 0.0
    for n in range(X.shape[0]):
        total += 0.5 * sum((D[n, m] - Y[n, m]) ** 2 for m in range(D.shape[1]))
    return total / X.shape[0]

# %% [retropropagar]
def retropropagar(X, D, W1, b1, W2, b2):
    """Regla delta del curso para cada ejemplo; el gradiente del lote es el promedio."""
    N, d = X.shape
    h, k = W2.shape
    H, Y = propagar_adelante(X, W1, b1, W2, b2)
    gW1, gb1 = np.zeros((d, h)), np.zeros(h)
    gW2, gb2 = np.zeros((h, k)), np.zeros(k)
    for n in range(N):
        delta_k = [(D[n, m] - Y[n, m]) * Y[n, m] * (1 - Y[n, m]) for m in range(k)]
        delta_j = [H[n, j] * (1 - H[n, j]) * sum(W2[j, m] * delta_k[m] for m in range(k)) for j in range(h)]
        for j in range(h):
            for m in range(k):
                gW2[j, m] -= delta_k[m] * H[n, j] / N
        for m in range(k):
            gb2[m] -= delta_k[m] / N
        for i in range(d):
            for j in range(h):
                gW1[i, j] -= delta_j[j] * X[n, i] / N
        for j in range(h):
            gb1[j] -= delta_j[j] / N
    return gW1, gb1, gW2, gb2

# %% [actualizar]
def actualizar(parametros, gradientes, eta):
    """Devuelve una lista nueva (también se acepta una lista)."""
    nuevos = []
    for p, g in zip(parametros, gradientes):
        nuevos.append(p - eta * g)
    return nuevos

# %% [gradiente_numerico]
def gradiente_numerico(X, D, W1, b1, W2, b2, eps=1e-5):
    """Copia los parámetros en cada evaluación: nunca toca los originales."""
    originales = [W1, b1, W2, b2]
    resultado = []
    for q, p in enumerate(originales):
        g = np.zeros(p.shape)
        for idx in np.ndindex(p.shape):
            mas = [a.copy() for a in originales]
            menos = [a.copy() for a in originales]
            mas[q][idx] += eps
            menos[q][idx] -= eps
            g[idx] = (perdida(X, D, *mas) - perdida(X, D, *menos)) / (2 * eps)
        resultado.append(g)
    return tuple(resultado)

# %% [entrenar]
def entrenar(X, D, W1, b1, W2, b2, eta, pasos):
    """Ciclo explícito; historial como arreglo de NumPy."""
    historial = np.zeros(pasos)
    for t in range(pasos):
        historial[t] = perdida(X, D, W1, b1, W2, b2)
        gW1, gb1, gW2, gb2 = retropropagar(X, D, W1, b1, W2, b2)
        W1, b1, W2, b2 = actualizar((W1, b1, W2, b2), (gW1, gb1, gW2, gb2), eta)
    return W1, b1, W2, b2, historial
