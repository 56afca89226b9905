"""Alternative correct solution: einsum, the sigmoid through tanh, a cache-style backward. Must get full marks."""

import numpy as np

# %% [sigmoide]
def sigmoide(z):
    """f(z) = (1 + tanh(z / 2)) / 2, que no desborda."""
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=float)))

# %% [propagar_adelante]
def propagar_adelante(X, W1, b1, W2, b2):
    """Productos con einsum."""
    H = sigmoide(np.einsum("ni,ij->nj", X, W1) + b1[None, :])
    Y = sigmoide(np.einsum("nj,jk->nk", H, W2) + b2[None, :])
    return (H, Y)

# %% [perdida]
def perdida(X, D, W1, b1, W2, b2):
    """Error con einsum: suma de cuadrados de cada fila, luego promedio."""
    Y = propagar_adelante(X, W1, b1, W2, b2)[1]
    R = D - Y
    return 0.5 * np.einsum("nk,nk->", R, R) / len(X)

# %% [retropropagar]
def retropropagar(X, D, W1, b1, W2, b2):
    """Gradiente del promedio escrito con dE/dY y la derivada de la sigmoide."""
    H, Y = propagar_adelante(X, W1, b1, W2, b2)
    dY = (Y - D) / X.shape[0]  # dE/dY
    dZ2 = dY * Y * (1.0 - Y)
    dH = np.einsum("nk,jk->nj", dZ2, W2)
    dZ1 = dH * H * (1.0 - H)
    return (np.einsum("ni,nj->ij", X, dZ1), dZ1.sum(0), np.einsum("nj,nk->jk", H, dZ2), dZ2.sum(0))

# %% [actualizar]
def actualizar(parametros, gradientes, eta):
    """Tupla nueva con np.subtract."""
    return tuple(np.subtract(p, np.multiply(eta, g)) for p, g in zip(parametros, gradientes))

# %% [gradiente_numerico]
def gradiente_numerico(X, D, W1, b1, W2, b2, eps=1e-5):
    """Mueve las entradas de copias planas y guarda el valor original exacto."""
    copias = [np.array(p, dtype=float, copy=True) for p in (W1, b1, W2, b2)]
    salida = []
    for p in copias:
        plano = p.reshape(-1)  # vista de la copia
        g = np.empty_like(plano)
        for n in range(plano.size):
            guardado = plano[n]
            plano[n] = guardado + eps
            arriba = perdida(X, D, *copias)
            plano[n] = guardado - eps
            abajo = perdida(X, D, *copias)
            plano[n] = guardado
            g[n] = (arriba - abajo) / (2 * eps)
        salida.append(g.reshape(p.shape))
    return tuple(salida)

# %% [entrenar]
def entrenar(X, D, W1, b1, W2, b2, eta, pasos):
    """Mientras queden pasos; el historial es una lista de floats."""
    actuales = (W1, b1, W2, b2)
    historial = []
    while len(historial) < pasos:
        historial.append(float(perdida(X, D, *actuales)))
        actuales = actualizar(actuales, retropropagar(X, D, *actuales), eta)
    return actuales[0], actuales[1], actuales[2], actuales[3], historial
