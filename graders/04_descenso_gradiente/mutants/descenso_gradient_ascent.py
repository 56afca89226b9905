# target: descenso_decrece, descenso_lote_completo, descenso_tres_modos
# why: adds the gradient instead of subtracting it (gradient ascent)
# why_es: suma el gradiente en vez de restarlo (ascenso por gradiente)
# %% [descenso_gradiente]
def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, tam_lote, semilla, decaimiento=None):
    params = [np.array(p, dtype=float) for p in params0]
    historial = []
    for epoca, lotes in enumerate(indices_lotes(len(X), tam_lote, epocas, semilla)):
        tasa = tasa_aprendizaje(lr, epoca, decaimiento)
        for indices in lotes:
            grads = gradientes(params, X[indices], y[indices])
            params = [p + tasa * np.mean(g, axis=0) for p, g in zip(params, grads)]
        historial.append(float(perdida(params, X, y)))
    return params, historial
