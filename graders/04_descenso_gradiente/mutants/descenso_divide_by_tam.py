# target: descenso_minilotes
# why: divides by tam_lote instead of the size of the batch, so the last incomplete batch takes a smaller step
# why_es: divide por tam_lote en vez del tamaño del lote, así el último lote incompleto da un paso más corto
# %% [descenso_gradiente]
def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, tam_lote, semilla, decaimiento=None):
    params = [np.array(p, dtype=float) for p in params0]
    historial = []
    for epoca, lotes in enumerate(indices_lotes(len(X), tam_lote, epocas, semilla)):
        tasa = tasa_aprendizaje(lr, epoca, decaimiento)
        for indices in lotes:
            grads = gradientes(params, X[indices], y[indices])
            params = [p - tasa * np.sum(g, axis=0) / tam_lote for p, g in zip(params, grads)]
        historial.append(float(perdida(params, X, y)))
    return params, historial
