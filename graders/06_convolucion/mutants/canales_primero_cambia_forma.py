# target: canales_primero
# why: adds the channel axis of a grayscale image with imagenes.shape = (1, H, W), which changes the caller's own array
# why_es: agrega el eje de canal de una imagen en gris con imagenes.shape = (1, H, W), lo que cambia el arreglo de quien llama
# %% [imagenes]
def a_canales_primero(imagenes):
    if imagenes.ndim == 2:
        imagenes.shape = (1,) + imagenes.shape
        return imagenes
    return np.moveaxis(imagenes, -1, -3).copy()


def a_canales_ultimo(imagenes):
    return np.moveaxis(np.asarray(imagenes), -3, -1).copy()
