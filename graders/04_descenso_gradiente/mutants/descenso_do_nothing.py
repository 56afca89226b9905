# target: descenso_forma, descenso_tres_modos, descenso_decrece, descenso_reproducible, descenso_no_muta, descenso_lote_completo
# why: returns copies of the initial parameters and their loss every epoch without training
# why_es: devuelve copias de los parámetros iniciales y su pérdida en cada época, sin entrenar
# %% [descenso_gradiente]
def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, tam_lote, semilla, decaimiento=None):
    return [p.copy() for p in params0], [perdida(params0, X, y)] * epocas
