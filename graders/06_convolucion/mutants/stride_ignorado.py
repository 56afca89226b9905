# target: conv2d_stride, conv2d_forma, conv2d_desplazamiento, conv2d_curso_stride_padding
# why: accepts stride but always slides the window one pixel at a time
# why_es: acepta stride pero siempre desliza la ventana de a un píxel
# %% [conv2d]
def conv2d(x, w, b, stride=1, padding=0):
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    n, _, alto, ancho = x.shape
    f, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    ho = alto + 2 * padding - kh + 1
    wo = ancho + 2 * padding - kw + 1
    salida = np.zeros((n, f, ho, wo))
    for i in range(ho):
        for j in range(wo):
            ventana = xp[:, :, i:i + kh, j:j + kw]
            salida[:, :, i, j] = np.tensordot(ventana, w, axes=([1, 2, 3], [1, 2, 3]))
    return salida + b.reshape(1, f, 1, 1)
