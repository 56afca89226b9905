# target: min_pool_torch, pooling_orden
# why: copy-paste slip: min_pool2d takes the maximum of each window
# why_es: error al copiar y pegar: min_pool2d toma el máximo de cada ventana
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
    return _ventanas(x, k, stride).max(axis=-1)


def min_pool2d(x, k, stride=None):
    return _ventanas(x, k, stride).max(axis=-1)


def avg_pool2d(x, k, stride=None):
    return _ventanas(x, k, stride).mean(axis=-1)
