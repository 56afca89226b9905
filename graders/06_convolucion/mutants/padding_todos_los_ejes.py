# target: conv2d_padding, conv2d_curso_stride_padding, conv2d_identidad
# why: np.pad(x, padding) pads every axis, the batch and channel axes too
# why_es: np.pad(x, padding) rellena todos los ejes, también los de lote y canal
# %% [conv2d]
def conv2d(x, w, b, stride=1, padding=0):
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    n, _, alto, ancho = x.shape
    f, _, kh, kw = w.shape
    xp = np.pad(x, padding)
    ho = (alto + 2 * padding - kh) // stride + 1
    wo = (ancho + 2 * padding - kw) // stride + 1
    salida = np.zeros((n, f, ho, wo))
    for m in range(n):
        for i in range(ho):
            for j in range(wo):
                ventana = xp[m, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
                salida[m, :, i, j] = np.tensordot(w, ventana, axes=([1, 2, 3], [0, 1, 2]))
    return salida + b.reshape(1, f, 1, 1)
