# target: descenso_generico
# why: hard-codes the linear model (perdida_lineal, gradientes_lineal) instead of using the functions it receives
# why_es: deja fijo el modelo lineal (perdida_lineal, gradientes_lineal) en vez de usar las funciones que recibe
# %% [descenso_gradiente]
def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, tam_lote, semilla, decaimiento=None):
    params = [np.array(p, dtype=float) for p in params0]
    historial = []
    for epoca, lotes in enumerate(indices_lotes(len(X), tam_lote, epocas, semilla)):
        tasa = tasa_aprendizaje(lr, epoca, decaimiento)
        for indices in lotes:
            grads = gradientes_lineal(params, X[indices], y[indices])
            params = [p - tasa * np.mean(g, axis=0) for p, g in zip(params, grads)]
        historial.append(float(perdida_lineal(params, X, y)))
    return params, historial
