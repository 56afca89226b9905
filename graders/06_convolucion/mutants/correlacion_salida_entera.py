# target: correlacion_enteros
# why: creates the output with the image's dtype (np.zeros_like): an integer image with a real kernel gives a truncated integer map
# why_es: crea la salida con el dtype de la imagen (np.zeros_like): una imagen entera con un kernel real da un mapa entero truncado
# %% [correlacion2d]
def correlacion2d(imagen, kernel):
    kh, kw = np.shape(kernel)
    alto = imagen.shape[0] - kh + 1
    ancho = imagen.shape[1] - kw + 1
    salida = np.zeros_like(imagen[:alto, :ancho])
    for i in range(alto):
        for j in range(ancho):
            salida[i, j] = np.sum(imagen[i:i + kh, j:j + kw] * kernel)
    return salida
