# target: correlacion_torch
# why: np.asarray(imagen, dtype=float) does not copy a float image, and the map is written over the caller's image to save memory
# why_es: np.asarray(imagen, dtype=float) no copia una imagen de reales, y el mapa se escribe sobre la imagen de quien llama para ahorrar memoria
# %% [correlacion2d]
def correlacion2d(imagen, kernel):
    imagen = np.asarray(imagen, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    kh, kw = kernel.shape
    alto = imagen.shape[0] - kh + 1
    ancho = imagen.shape[1] - kw + 1
    for i in range(alto):
        for j in range(ancho):
            imagen[i, j] = np.sum(imagen[i:i + kh, j:j + kw] * kernel)
    return imagen[:alto, :ancho].copy()
