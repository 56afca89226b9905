# target: descenso_forma, descenso_minilotes
# why: stores the initial loss too, so the history has epocas + 1 values
# why_es: guarda también la pérdida inicial, así el historial tiene epocas + 1 valores
# %% [descenso_gradiente]
def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, tam_lote, semilla, decaimiento=None):
    params = [np.array(p, dtype=float) for p in params0]
    historial = [float(perdida(params, X, y))]
    for epoca, lotes in enumerate(indices_lotes(len(X), tam_lote, epocas, semilla)):
        tasa = tasa_aprendizaje(lr, epoca, decaimiento)
        for indices in lotes:
            grads = gradientes(params, X[indices], y[indices])
            params = [p - tasa * np.mean(g, axis=0) for p, g in zip(params, grads)]
        historial.append(float(perdida(params, X, y)))
    return params, historial
