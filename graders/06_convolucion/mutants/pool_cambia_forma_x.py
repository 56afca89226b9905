# target: max_pool_torch
# why: max_pool2d treats every channel as one batch with x.shape = (1, N*C, H, W), which reshapes the caller's own array
# why_es: max_pool2d trata cada canal como un lote con x.shape = (1, N*C, H, W), lo que cambia la forma del arreglo de quien llama
# %% [pooling]
def _ventanas(x, k, stride):
    x = np.asarray(x, dtype=np.float64)
    kh, kw = (k, k) if np.ndim(k) == 0 else tuple(k)
    if stride is None:
        sh, sw = kh, kw
    else:
        sh, sw = (stride, stride) if np.ndim(stride) == 0 else tuple(stride)
    ho = (x.shape[2] - kh) // sh + 1
    wo = (x.shape[3] - kw) // sw + 1
    bloques = np.empty(x.shape[:2] + (ho, wo, kh * kw))
    for i in range(ho):
        for j in range(wo):
            ventana = x[:, :, i * sh:i * sh + kh, j * sw:j * sw + kw]
            bloques[:, :, i, j, :] = ventana.reshape(x.shape[0], x.shape[1], kh * kw)
    return bloques


def max_pool2d(x, k, stride=None):
    x = np.asarray(x, dtype=np.float64)
    n, c, h, w = x.shape
    x.shape = (1, n * c, h, w)  # all channels as one batch: changes the caller's own array
    return _ventanas(x, k, stride).max(axis=-1).reshape(n, c, -1, _ventanas(x, k, stride).shape[3])


def min_pool2d(x, k, stride=None):
    return _ventanas(x, k, stride).min(axis=-1)


def avg_pool2d(x, k, stride=None):
    return _ventanas(x, k, stride).mean(axis=-1)
