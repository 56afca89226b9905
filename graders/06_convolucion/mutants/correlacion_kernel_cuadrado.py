# target: correlacion_torch
# why: takes the kernel's side from kernel.shape[0] for both axes, as if every kernel were square
# why_es: toma el lado del kernel de kernel.shape[0] para ambos ejes, como si todo kernel fuera cuadrado
# %% [correlacion2d]
def correlacion2d(imagen, kernel):
    imagen = np.asarray(imagen, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    k = kernel.shape[0]
    alto = imagen.shape[0] - k + 1
    ancho = imagen.shape[1] - k + 1
    salida = np.zeros((alto, ancho))
    for i in range(alto):
        for j in range(ancho):
            salida[i, j] = np.sum(imagen[i:i + k, j:j + k] * kernel[:k, :k])
    return salida
