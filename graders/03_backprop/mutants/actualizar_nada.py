# target: actualizar_curso, actualizar_valores, actualizar_no_muta
# why: returns copies of the parameters unchanged (passes a naive "does not modify" check only)
# why_es: devuelve copias de los parámetros sin cambios (solo pasa una prueba ingenua de «no modifica»)
# %% [actualizar]
def actualizar(parametros, gradientes, eta):
    return tuple(np.array(p, dtype=float) for p in parametros)
