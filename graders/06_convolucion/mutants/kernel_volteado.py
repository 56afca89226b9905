# target: correlacion_torch, conv2d_canales, conv2d_stride, conv2d_padding
# why: true convolution (the kernel is flipped 180 degrees), as in signal-processing books; the course's symmetric kernel hides it
# why_es: convolución verdadera (el kernel girado 180 grados), como en los libros de señales; el kernel simétrico del curso lo oculta
# %% [correlacion2d]
def correlacion2d(imagen, kernel):
    imagen = np.asarray(imagen, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)[::-1, ::-1]
    kh, kw = kernel.shape
    salida = np.zeros((imagen.shape[0] - kh + 1, imagen.shape[1] - kw + 1))
    for i in range(salida.shape[0]):
        for j in range(salida.shape[1]):
            salida[i, j] = np.sum(imagen[i:i + kh, j:j + kw] * kernel)
    return salida

# %% [conv2d]
def conv2d(x, w, b, stride=1, padding=0):
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    n, _, alto, ancho = x.shape
    f, _, kh, kw = w.shape
    w = w[:, :, ::-1, ::-1]
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    ho = (alto + 2 * padding - kh) // stride + 1
    wo = (ancho + 2 * padding - kw) // stride + 1
    salida = np.zeros((n, f, ho, wo))
    for i in range(ho):
        for j in range(wo):
            ventana = xp[:, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
            salida[:, :, i, j] = np.tensordot(ventana, w, axes=([1, 2, 3], [1, 2, 3]))
    return salida + b.reshape(1, f, 1, 1)
