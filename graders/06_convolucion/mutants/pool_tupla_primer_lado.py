# target: max_pool_torch, avg_pool_torch, min_pool_torch
# why: reads a window or stride given as a tuple by its first element only, as if every window were square
# why_es: de una ventana o un paso dado como tupla lee solo el primer elemento, como si toda ventana fuera cuadrada
# %% [pooling]
def _ventanas(x, k, stride):
    x = np.asarray(x, dtype=np.float64)
    kh = kw = k if np.ndim(k) == 0 else k[0]
    if stride is None:
        sh, sw = kh, kw
    else:
        sh = sw = stride if np.ndim(stride) == 0 else stride[0]
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
    return _ventanas(x, k, stride).min(axis=-1)


def avg_pool2d(x, k, stride=None):
    return _ventanas(x, k, stride).mean(axis=-1)
