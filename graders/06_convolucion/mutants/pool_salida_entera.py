# target: pooling_enteros
# why: keeps the input's dtype (np.empty(..., dtype=x.dtype)): integer maps come back as integers and the average is truncated
# why_es: conserva el dtype de la entrada (np.empty(..., dtype=x.dtype)): los mapas enteros vuelven enteros y el promedio se trunca
# %% [pooling]
def _ventanas(x, k, stride):
    x = np.asarray(x)
    kh, kw = (k, k) if np.ndim(k) == 0 else tuple(k)
    if stride is None:
        sh, sw = kh, kw
    else:
        sh, sw = (stride, stride) if np.ndim(stride) == 0 else tuple(stride)
    ho = (x.shape[2] - kh) // sh + 1
    wo = (x.shape[3] - kw) // sw + 1
    bloques = np.empty(x.shape[:2] + (ho, wo, kh * kw), dtype=x.dtype)
    for i in range(ho):
        for j in range(wo):
            ventana = x[:, :, i * sh:i * sh + kh, j * sw:j * sw + kw]
            bloques[:, :, i, j, :] = ventana.reshape(x.shape[0], x.shape[1], kh * kw)
    return bloques


def max_pool2d(x, k, stride=None):
    return _ventanas(x, k, stride).max(axis=-1)


def min_pool2d(x, k, stride=None):
    return _ventanas(x, k, stride).min(axis=-1)


def avg_pool2d(x, k, stride=None):
    v = _ventanas(x, k, stride)
    return v.mean(axis=-1).astype(v.dtype)
