# target: conv2d_canales, conv2d_identidad
# why: averages the per-channel correlations instead of summing them over the input channels
# why_es: promedia las correlaciones de cada canal en vez de sumarlas sobre los canales de entrada
# %% [conv2d]
def conv2d(x, w, b, stride=1, padding=0):
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    n, _, alto, ancho = x.shape
    f, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    ho = (alto + 2 * padding - kh) // stride + 1
    wo = (ancho + 2 * padding - kw) // stride + 1
    salida = np.zeros((n, f, ho, wo))
    for i in range(ho):
        for j in range(wo):
            ventana = xp[:, np.newaxis, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
            salida[:, :, i, j] = (ventana * w[np.newaxis]).sum(axis=(3, 4)).mean(axis=2)
    return salida + b.reshape(1, f, 1, 1)
