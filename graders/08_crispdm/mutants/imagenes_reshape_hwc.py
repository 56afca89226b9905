# target: imagenes_curso, imagenes_filas
# why: reshapes each CIFAR row straight to (lado, lado, 3), as if it were stored channels-last
# why_es: da a cada fila de CIFAR directamente la forma (lado, lado, 3), como si estuviera guardada con los canales al final
# %% [imagenes]
def filas_a_imagenes(filas, lado):
    return np.asarray(filas).reshape(len(filas), lado, lado, 3)
