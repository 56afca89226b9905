# target: descenso_forma, descenso_decrece, descenso_no_muta, descenso_reproducible
# why: returns the initial parameters with a made-up history of zeros (the right shape, nothing trained)
# why_es: devuelve los parámetros iniciales con un historial inventado de ceros (la forma correcta, nada entrenado)
# %% [descenso_gradiente]
def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, tam_lote, semilla, decaimiento=None):
    return params0, [0.0] * epocas
