# target: canales_lote
# why: always moves the last axis to the front, so a batch (N, H, W, C) becomes (C, N, H, W)
# why_es: siempre mueve el último eje al frente, así un lote (N, H, W, C) queda (C, N, H, W)
# %% [imagenes]
def a_canales_primero(imagenes):
    arr = np.asarray(imagenes)
    if arr.ndim == 2:
        return arr[np.newaxis]
    return np.moveaxis(arr, -1, 0)


def a_canales_ultimo(imagenes):
    return np.moveaxis(np.asarray(imagenes), 0, -1)
