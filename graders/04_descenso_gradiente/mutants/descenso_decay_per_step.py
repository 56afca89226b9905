# target: descenso_decaimiento
# why: applies the decay per iteration (counting batches) instead of per epoch
# why_es: aplica el decaimiento por iteración (contando lotes) en vez de por época
# %% [descenso_gradiente]
def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, tam_lote, semilla, decaimiento=None):
    params = [np.array(p, dtype=float) for p in params0]
    historial = []
    paso = 0
    for lotes in indices_lotes(len(X), tam_lote, epocas, semilla):
        for indices in lotes:
            tasa = tasa_aprendizaje(lr, paso, decaimiento)
            grads = gradientes(params, X[indices], y[indices])
            params = [p - tasa * np.mean(g, axis=0) for p, g in zip(params, grads)]
            paso += 1
        historial.append(float(perdida(params, X, y)))
    return params, historial
