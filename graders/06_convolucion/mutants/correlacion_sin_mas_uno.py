# target: correlacion_curso, correlacion_torch
# why: the output size forgets the + 1, so the last row and column of the feature map are missing
# why_es: el tamaño de salida olvida el + 1, así faltan la última fila y columna del mapa de características
# %% [correlacion2d]
def correlacion2d(imagen, kernel):
    imagen = np.asarray(imagen, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    kh, kw = kernel.shape
    salida = np.zeros((imagen.shape[0] - kh, imagen.shape[1] - kw))
    for i in range(salida.shape[0]):
        for j in range(salida.shape[1]):
            salida[i, j] = np.sum(imagen[i:i + kh, j:j + kw] * kernel)
    return salida
