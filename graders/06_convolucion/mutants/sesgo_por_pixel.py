# target: conv2d_sesgo, conv2d_canales
# why: adds the bias inside the window sum, once per multiplied pixel, instead of once per output position
# why_es: suma el sesgo dentro de la suma de la ventana, una vez por píxel multiplicado, en vez de una vez por posición de salida
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
    for m in range(n):
        for g in range(f):
            for i in range(ho):
                for j in range(wo):
                    ventana = xp[m, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
                    salida[m, g, i, j] = np.sum(ventana * w[g] + b[g])
    return salida
