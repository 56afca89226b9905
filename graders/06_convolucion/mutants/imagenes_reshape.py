# target: imagenes_curso, canales_primero, canales_ultimo, canales_lote
# why: uses reshape to change the layout, which keeps the numbers' order and mixes the pixels of different channels
# why_es: usa reshape para cambiar la disposición, que conserva el orden de los números y mezcla los píxeles de canales distintos
# %% [imagenes]
def a_canales_primero(imagenes):
    arr = np.asarray(imagenes)
    if arr.ndim == 2:
        return arr.reshape(1, *arr.shape)
    if arr.ndim == 3:
        h, w, c = arr.shape
        return arr.reshape(c, h, w)
    n, h, w, c = arr.shape
    return arr.reshape(n, c, h, w)


def a_canales_ultimo(imagenes):
    arr = np.asarray(imagenes)
    if arr.ndim == 3:
        c, h, w = arr.shape
        return arr.reshape(h, w, c)
    n, c, h, w = arr.shape
    return arr.reshape(n, h, w, c)
