# target: descenso_decaimiento
# why: the loop asks the schedule for epoch e + 1, so the first epoch already uses a decayed rate
# why_es: el ciclo pide al calendario la época e + 1, así la primera época ya usa una tasa reducida
# %% [descenso_gradiente]
def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, tam_lote, semilla, decaimiento=None):
    params = [np.array(p, dtype=float) for p in params0]
    historial = []
    for epoca, lotes in enumerate(indices_lotes(len(X), tam_lote, epocas, semilla)):
        tasa = tasa_aprendizaje(lr, epoca + 1, decaimiento)
        for indices in lotes:
            grads = gradientes(params, X[indices], y[indices])
            params = [p - tasa * np.mean(g, axis=0) for p, g in zip(params, grads)]
        historial.append(float(perdida(params, X, y)))
    return params, historial
