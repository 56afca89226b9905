# target: conv2d_forma, conv2d_canales
# why: reads height and width in the wrong order (alto from x.shape[3], ancho from x.shape[2]); square examples hide it
# why_es: lee alto y ancho en el orden equivocado (alto de x.shape[3], ancho de x.shape[2]); los ejemplos cuadrados lo ocultan
# %% [conv2d]
def conv2d(x, w, b, stride=1, padding=0):
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    n, _, ancho, alto = x.shape
    f, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    ho = (alto + 2 * padding - kh) // stride + 1
    wo = (ancho + 2 * padding - kw) // stride + 1
    salida = np.zeros((n, f, ho, wo))
    for i in range(ho):
        for j in range(wo):
            ventana = xp[:, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
            salida[:, :, i, j] = np.tensordot(ventana, w, axes=([1, 2, 3], [1, 2, 3]))
    return salida + b.reshape(1, f, 1, 1)
