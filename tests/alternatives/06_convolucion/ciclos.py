"""Alternative correct solution: clear Python loops over every output position. Must get full marks."""

import numpy as np

# %% [imagenes]
def a_canales_primero(imagenes):
    """Copia píxel a píxel en un arreglo nuevo con los ejes en el orden channels-first."""
    if imagenes.ndim == 2:
        imagenes = imagenes[:, :, np.newaxis]
    if imagenes.ndim == 3:
        h, w, c = imagenes.shape
        salida = np.empty((c, h, w), dtype=imagenes.dtype)
        for i in range(h):
            for j in range(w):
                for k in range(c):
                    salida[k, i, j] = imagenes[i, j, k]
        return salida
    return np.stack([a_canales_primero(img) for img in imagenes])


def a_canales_ultimo(imagenes):
    if imagenes.ndim == 4:
        return np.stack([a_canales_ultimo(img) for img in imagenes])
    c, h, w = imagenes.shape
    salida = np.empty((h, w, c), dtype=imagenes.dtype)
    for k in range(c):
        salida[:, :, k] = imagenes[k]
    return salida

# %% [tamano_salida]
def tamano_salida(n, k, stride=1, padding=0):
    posiciones = 0
    inicio = 0
    while inicio + k <= n + 2 * padding:
        posiciones += 1
        inicio += stride
    return posiciones

# %% [correlacion2d]
def correlacion2d(imagen, kernel):
    alto, ancho = len(imagen) - len(kernel) + 1, len(imagen[0]) - len(kernel[0]) + 1
    salida = np.zeros((alto, ancho))
    for i in range(alto):
        for j in range(ancho):
            total = 0.0
            for u in range(len(kernel)):
                for v in range(len(kernel[0])):
                    total += float(imagen[i + u][j + v]) * float(kernel[u][v])
            salida[i, j] = total
    return salida

# %% [conv2d]
def conv2d(x, w, b, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, kh, kw = w.shape
    xp = np.zeros((N, C, H + 2 * padding, W + 2 * padding))
    xp[:, :, padding:padding + H, padding:padding + W] = x
    Ho = (H + 2 * padding - kh) // stride + 1
    Wo = (W + 2 * padding - kw) // stride + 1
    out = np.zeros((N, F, Ho, Wo))
    for n in range(N):
        for f in range(F):
            for i in range(Ho):
                for j in range(Wo):
                    fila, col = i * stride, j * stride
                    out[n, f, i, j] = np.sum(xp[n, :, fila:fila + kh, col:col + kw] * w[f]) + b[f]
    return out

# %% [pooling]
def _pool(x, k, stride, reducir):
    kh, kw = (k, k) if isinstance(k, int) else k
    if stride is None:
        stride = (kh, kw)
    sh, sw = (stride, stride) if isinstance(stride, int) else stride
    N, C, H, W = x.shape
    Ho, Wo = (H - kh) // sh + 1, (W - kw) // sw + 1
    out = np.zeros((N, C, Ho, Wo))
    for n in range(N):
        for c in range(C):
            for i in range(Ho):
                for j in range(Wo):
                    out[n, c, i, j] = reducir(x[n, c, i * sh:i * sh + kh, j * sw:j * sw + kw])
    return out


def max_pool2d(x, k, stride=None):
    return _pool(x, k, stride, np.max)


def min_pool2d(x, k, stride=None):
    return _pool(x, k, stride, np.min)


def avg_pool2d(x, k, stride=None):
    return _pool(x, k, stride, np.mean)

# %% [lenet]
def lenet(x, params):
    capa1 = max_pool2d(np.maximum(conv2d(x, params["w1"], params["b1"]), 0), 2)
    capa2 = max_pool2d(np.maximum(conv2d(capa1, params["w2"], params["b2"]), 0), 2)
    plano = np.array([ejemplo.ravel() for ejemplo in capa2])
    return np.array([fila @ params["w3"] + params["b3"] for fila in plano])
