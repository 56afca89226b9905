# target: max_pool_torch, pooling_curso
# why: keeps a last window that does not fit whole (rounds the size up, like ceil_mode=True), pooling what is left of it
# why_es: conserva una última ventana que no cabe entera (redondea el tamaño hacia arriba, como ceil_mode=True) y hace pooling con lo que queda
# %% [pooling]
def _ventanas(x, k, stride):
    x = np.asarray(x, dtype=np.float64)
    kh, kw = (k, k) if np.ndim(k) == 0 else tuple(k)
    if stride is None:
        sh, sw = kh, kw
    else:
        sh, sw = (stride, stride) if np.ndim(stride) == 0 else tuple(stride)
    ho = -(-(x.shape[2] - kh) // sh) + 1
    wo = -(-(x.shape[3] - kw) // sw) + 1
    x = np.pad(x, ((0, 0), (0, 0), (0, sh), (0, sw)), constant_values=np.nan)
    bloques = np.empty(x.shape[:2] + (ho, wo, kh * kw))
    for i in range(ho):
        for j in range(wo):
            ventana = x[:, :, i * sh:i * sh + kh, j * sw:j * sw + kw]
            bloques[:, :, i, j, :] = ventana.reshape(x.shape[0], x.shape[1], kh * kw)
    return bloques


def max_pool2d(x, k, stride=None):
    return np.nanmax(_ventanas(x, k, stride), axis=-1)


def min_pool2d(x, k, stride=None):
    return np.nanmin(_ventanas(x, k, stride), axis=-1)


def avg_pool2d(x, k, stride=None):
    return np.nanmean(_ventanas(x, k, stride), axis=-1)
