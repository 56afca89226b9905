# target: max_pool_torch, avg_pool_torch, min_pool_torch
# why: the pooling window also spans the channel axis (x[n, :, rows, cols]), mixing channels
# why_es: la ventana del pooling abarca también el eje de canal (x[n, :, filas, columnas]) y mezcla canales
# %% [pooling]
def _reducir(x, k, stride, op):
    x = np.asarray(x, dtype=np.float64)
    kh, kw = (k, k) if np.ndim(k) == 0 else tuple(k)
    if stride is None:
        sh, sw = kh, kw
    else:
        sh, sw = (stride, stride) if np.ndim(stride) == 0 else tuple(stride)
    ho = (x.shape[2] - kh) // sh + 1
    wo = (x.shape[3] - kw) // sw + 1
    salida = np.empty((x.shape[0], x.shape[1], ho, wo))
    for n in range(x.shape[0]):
        for i in range(ho):
            for j in range(wo):
                salida[n, :, i, j] = op(x[n, :, i * sh:i * sh + kh, j * sw:j * sw + kw])
    return salida


def max_pool2d(x, k, stride=None):
    return _reducir(x, k, stride, np.max)


def min_pool2d(x, k, stride=None):
    return _reducir(x, k, stride, np.min)


def avg_pool2d(x, k, stride=None):
    return _reducir(x, k, stride, np.mean)
