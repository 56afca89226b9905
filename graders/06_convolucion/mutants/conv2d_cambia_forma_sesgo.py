# target: conv2d_canales
# why: reshapes the bias with b.shape = (1, F, 1, 1) to broadcast it, which changes the caller's own array
# why_es: cambia la forma del sesgo con b.shape = (1, F, 1, 1) para difundirlo, lo que cambia el arreglo de quien llama
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
            ventana = xp[:, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
            salida[:, :, i, j] = np.tensordot(ventana, w, axes=([1, 2, 3], [1, 2, 3]))
    b.shape = (1, f, 1, 1)
    return salida + b
