# target: imagenes_curso, canales_primero, canales_ultimo
# why: converts the pixels to float64 while moving the axis, so a uint8 image does not keep its dtype
# why_es: convierte los píxeles a float64 al mover el eje, así una imagen uint8 no conserva su dtype
# %% [imagenes]
def a_canales_primero(imagenes):
    x = np.asarray(imagenes, dtype=np.float64)
    if x.ndim == 2:
        return x[np.newaxis].copy()
    return np.moveaxis(x, -1, -3).copy()


def a_canales_ultimo(imagenes):
    return np.moveaxis(np.asarray(imagenes, dtype=np.float64), -3, -1).copy()
