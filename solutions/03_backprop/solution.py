"""Reference solution of assignment 03 (backpropagation by hand): one percent-format section per solution cell.

Shapes: X (N, d), D (N, k), W1 (d, h), b1 (h,), W2 (h, k), b2 (k,), H (N, h), Y (N, k).
E is the mean over the batch of 1/2 ||d - y||^2.
"""

import numpy as np

# %% [sigmoide]
def sigmoide(z):
    """Sigmoide 1 / (1 + exp(-z)), elemento a elemento, sin desbordes para |z| grande."""
    z = np.asarray(z, dtype=float)
    ez = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + ez), ez / (1.0 + ez))

# %% [propagar_adelante]
def propagar_adelante(X, W1, b1, W2, b2):
    """Propagación hacia adelante de un lote: devuelve (H, Y), formas (N, h) y (N, k)."""
    H = sigmoide(X @ W1 + b1)
    Y = sigmoide(H @ W2 + b2)
    return H, Y

# %% [perdida]
def perdida(X, D, W1, b1, W2, b2):
    """E = promedio sobre el lote de 1/2 ||d - y||^2 (un número)."""
    _, Y = propagar_adelante(X, W1, b1, W2, b2)
    return float(np.mean(0.5 * np.sum((D - Y) ** 2, axis=1)))

# %% [retropropagar]
def retropropagar(X, D, W1, b1, W2, b2):
    """Gradientes de E respecto de W1, b1, W2 y b2 (mismas formas que los parámetros)."""
    N = X.shape[0]
    H, Y = propagar_adelante(X, W1, b1, W2, b2)
    delta2 = (D - Y) * Y * (1 - Y)            # (N, k): delta_k del curso, uno por ejemplo
    delta1 = (delta2 @ W2.T) * H * (1 - H)    # (N, h): deltas ocultas con los pesos de antes
    gW2 = -(H.T @ delta2) / N
    gb2 = -delta2.sum(axis=0) / N
    gW1 = -(X.T @ delta1) / N
    gb1 = -delta1.sum(axis=0) / N
    return gW1, gb1, gW2, gb2

# %% [actualizar]
def actualizar(parametros, gradientes, eta):
    """Un paso de descenso de gradiente: devuelve una tupla nueva con p - eta * g para cada parámetro."""
    return tuple(p - eta * g for p, g in zip(parametros, gradientes))

# %% [gradiente_numerico]
def gradiente_numerico(X, D, W1, b1, W2, b2, eps=1e-5):
    """Diferencias centrales (E(p + eps) - E(p - eps)) / (2 eps) en cada entrada de cada parámetro."""
    parametros = [np.array(p, dtype=float) for p in (W1, b1, W2, b2)]
    gradientes = []
    for p in parametros:
        g = np.zeros_like(p)
        for idx in np.ndindex(p.shape):
            viejo = p[idx]
            p[idx] = viejo + eps
            e_mas = perdida(X, D, *parametros)
            p[idx] = viejo - eps
            e_menos = perdida(X, D, *parametros)
            p[idx] = viejo
            g[idx] = (e_mas - e_menos) / (2 * eps)
        gradientes.append(g)
    return tuple(gradientes)

# %% [entrenar]
def entrenar(X, D, W1, b1, W2, b2, eta, pasos):
    """Descenso de gradiente con el lote completo; historial[t] es E antes de la actualización t."""
    parametros = (W1, b1, W2, b2)
    historial = []
    for _ in range(pasos):
        historial.append(perdida(X, D, *parametros))
        gradientes = retropropagar(X, D, *parametros)
        parametros = actualizar(parametros, gradientes, eta)
    W1, b1, W2, b2 = parametros
    return W1, b1, W2, b2, historial
