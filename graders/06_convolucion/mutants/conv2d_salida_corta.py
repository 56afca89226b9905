# target: conv2d_forma, conv2d_curso
# why: wrong output size in conv2d: floor((H + 2p - k) / s) without the + 1, so the last row and column are lost
# why_es: tamaño de salida equivocado en conv2d: floor((H + 2p - k) / s) sin el + 1, así se pierden la última fila y columna
# %% [conv2d]
def conv2d(x, w, b, stride=1, padding=0):
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    n, _, alto, ancho = x.shape
    f, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    ho = (alto + 2 * padding - kh) // stride
    wo = (ancho + 2 * padding - kw) // stride
    salida = np.zeros((n, f, ho, wo))
    for i in range(ho):
        for j in range(wo):
            ventana = xp[:, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
            salida[:, :, i, j] = np.tensordot(ventana, w, axes=([1, 2, 3], [1, 2, 3]))
    return salida + b.reshape(1, f, 1, 1)
