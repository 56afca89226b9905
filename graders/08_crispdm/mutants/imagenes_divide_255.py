# target: imagenes_filas, imagenes_curso
# why: scales the pixels to [0, 1] while reshaping (divides by 255), so uint8 rows come back as floats
# why_es: escala los píxeles a [0, 1] al cambiar la forma (divide por 255), así las filas uint8 vuelven como reales
# %% [imagenes]
def filas_a_imagenes(filas, lado):
    """Filas de CIFAR-10 (N, 3*lado*lado), guardadas canal por canal (CHW), a imágenes (N, lado, lado, 3)."""
    filas = np.asarray(filas)
    return filas.reshape(len(filas), 3, lado, lado).transpose(0, 2, 3, 1) / 255.0
