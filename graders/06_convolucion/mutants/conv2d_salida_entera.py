# target: conv2d_enteros
# why: gives the output the input's dtype (dtype=x.dtype): with integer pixels every value is truncated
# why_es: da a la salida el dtype de la entrada (dtype=x.dtype): con píxeles enteros todos los valores se truncan
# %% [conv2d]
def conv2d(x, w, b, stride=1, padding=0):
    x = np.asarray(x)
    n, _, alto, ancho = x.shape
    f, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    ho = (alto + 2 * padding - kh) // stride + 1
    wo = (ancho + 2 * padding - kw) // stride + 1
    salida = np.zeros((n, f, ho, wo), dtype=x.dtype)
    for i in range(ho):
        for j in range(wo):
            ventana = xp[:, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
            salida[:, :, i, j] = np.tensordot(ventana, w, axes=([1, 2, 3], [1, 2, 3])) + b
    return salida
