"""Reference solution of assignment 06 (convolution and pooling): one percent-format section per solution cell."""

import numpy as np

# %% [imagenes]
def a_canales_primero(imagenes):
    """Channels-last -> channels-first: (H, W) -> (1, H, W), (H, W, C) -> (C, H, W), (N, H, W, C) -> (N, C, H, W)."""
    arr = np.asarray(imagenes)
    if arr.ndim == 2:
        return arr[np.newaxis, :, :].copy()
    return np.moveaxis(arr, -1, -3).copy()


def a_canales_ultimo(imagenes):
    """Channels-first -> channels-last: (C, H, W) -> (H, W, C), (N, C, H, W) -> (N, H, W, C)."""
    return np.moveaxis(np.asarray(imagenes), -3, -1).copy()

# %% [tamano_salida]
def tamano_salida(n, k, stride=1, padding=0):
    """Output size along one axis: floor((n + 2p - k) / s) + 1, an int."""
    return (n + 2 * padding - k) // stride + 1

# %% [correlacion2d]
def correlacion2d(imagen, kernel):
    """Valid 2-D cross-correlation of one channel (no kernel flip), stride 1, no padding."""
    imagen = np.asarray(imagen, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    kh, kw = kernel.shape
    alto = imagen.shape[0] - kh + 1
    ancho = imagen.shape[1] - kw + 1
    salida = np.zeros((alto, ancho))
    for i in range(alto):
        for j in range(ancho):
            salida[i, j] = np.sum(imagen[i:i + kh, j:j + kw] * kernel)
    return salida

# %% [conv2d]
def conv2d(x, w, b, stride=1, padding=0):
    """Multi-channel, multi-filter cross-correlation on NCHW with zero padding on H and W, plus one bias per filter."""
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    n, _, alto, ancho = x.shape
    f, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    ho = tamano_salida(alto, kh, stride, padding)
    wo = tamano_salida(ancho, kw, stride, padding)
    salida = np.zeros((n, f, ho, wo))
    for i in range(ho):
        for j in range(wo):
            ventana = xp[:, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
            salida[:, :, i, j] = np.tensordot(ventana, w, axes=([1, 2, 3], [1, 2, 3]))
    return salida + b.reshape(1, f, 1, 1)

# %% [pooling]
def _ventanas(x, k, stride):
    """Every pooling window of x (N, C, H, W) as an array (N, C, Ho, Wo, kh*kw); stride None means stride = k."""
    x = np.asarray(x, dtype=np.float64)
    kh, kw = (k, k) if np.ndim(k) == 0 else tuple(k)
    if stride is None:
        sh, sw = kh, kw
    else:
        sh, sw = (stride, stride) if np.ndim(stride) == 0 else tuple(stride)
    ho = tamano_salida(x.shape[2], kh, sh)
    wo = tamano_salida(x.shape[3], kw, sw)
    bloques = np.empty(x.shape[:2] + (ho, wo, kh * kw))
    for i in range(ho):
        for j in range(wo):
            ventana = x[:, :, i * sh:i * sh + kh, j * sw:j * sw + kw]
            bloques[:, :, i, j, :] = ventana.reshape(x.shape[0], x.shape[1], kh * kw)
    return bloques


def max_pool2d(x, k, stride=None):
    """Max pooling on (N, C, H, W), each channel separately, no padding."""
    return _ventanas(x, k, stride).max(axis=-1)


def min_pool2d(x, k, stride=None):
    """Min pooling on (N, C, H, W), each channel separately, no padding."""
    return _ventanas(x, k, stride).min(axis=-1)


def avg_pool2d(x, k, stride=None):
    """Average pooling on (N, C, H, W): the mean of the kh*kw values of each window."""
    return _ventanas(x, k, stride).mean(axis=-1)

# %% [lenet]
def lenet(x, params):
    """LeNet-style forward pass: (conv, ReLU, 2x2 max pool) twice, flatten in C, H, W order, one dense layer."""
    h = np.maximum(conv2d(x, params["w1"], params["b1"]), 0.0)
    h = max_pool2d(h, 2)
    h = np.maximum(conv2d(h, params["w2"], params["b2"]), 0.0)
    h = max_pool2d(h, 2)
    plano = h.reshape(h.shape[0], -1)
    return plano @ np.asarray(params["w3"], dtype=np.float64) + np.asarray(params["b3"], dtype=np.float64)
