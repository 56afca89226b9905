"""Alternative correct solution: PyTorch's functional ops in float64, views instead of copies for the layouts."""

# %% [imagenes]
import numpy as np
import torch
import torch.nn.functional as F


def a_canales_primero(imagenes):
    x = np.asarray(imagenes)
    return x[None] if x.ndim == 2 else np.moveaxis(x, -1, -3)


def a_canales_ultimo(imagenes):
    return np.moveaxis(np.asarray(imagenes), -3, -1)

# %% [tamano_salida]
def tamano_salida(n, k, stride=1, padding=0):
    return int((n + 2 * padding - k) // stride + 1)

# %% [correlacion2d]
def _t(a):
    return torch.as_tensor(np.asarray(a), dtype=torch.float64)


def correlacion2d(imagen, kernel):
    return F.conv2d(_t(imagen)[None, None], _t(kernel)[None, None])[0, 0].numpy()

# %% [conv2d]
def conv2d(x, w, b, stride=1, padding=0):
    return F.conv2d(_t(x), _t(w), _t(b), stride=stride, padding=padding).numpy()

# %% [pooling]
def _par(v):
    return (int(v), int(v)) if np.ndim(v) == 0 else tuple(int(u) for u in v)


def max_pool2d(x, k, stride=None):
    return F.max_pool2d(_t(x), _par(k), _par(k if stride is None else stride)).numpy()


def min_pool2d(x, k, stride=None):
    return -F.max_pool2d(-_t(x), _par(k), _par(k if stride is None else stride)).numpy()


def avg_pool2d(x, k, stride=None):
    return F.avg_pool2d(_t(x), _par(k), _par(k if stride is None else stride)).numpy()

# %% [lenet]
def lenet(x, params):
    h = max_pool2d(np.maximum(conv2d(x, params["w1"], params["b1"]), 0), 2)
    h = max_pool2d(np.maximum(conv2d(h, params["w2"], params["b2"]), 0), 2)
    return h.reshape(h.shape[0], -1) @ np.asarray(params["w3"], dtype=np.float64) + params["b3"]
