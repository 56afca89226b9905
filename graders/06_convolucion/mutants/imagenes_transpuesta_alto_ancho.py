# target: canales_primero, canales_ultimo
# why: transposes with the axes (2, 1, 0) instead of (2, 0, 1), swapping height and width; a square image keeps its shape
# why_es: transpone con los ejes (2, 1, 0) en vez de (2, 0, 1) e intercambia alto y ancho; una imagen cuadrada conserva su forma
# %% [imagenes]
def a_canales_primero(imagenes):
    x = np.asarray(imagenes)
    if x.ndim == 2:
        return x[np.newaxis].copy()
    ejes = (2, 1, 0) if x.ndim == 3 else (0, 3, 2, 1)
    return np.transpose(x, ejes).copy()


def a_canales_ultimo(imagenes):
    x = np.asarray(imagenes)
    ejes = (2, 1, 0) if x.ndim == 3 else (0, 3, 2, 1)
    return np.transpose(x, ejes).copy()
