# target: descenso_no_muta
# why: updates the caller's arrays in place (params = params0, then p -= ...), so w0 changes
# why_es: actualiza en el lugar los arreglos de quien llama (params = params0 y luego p -= ...), así w0 cambia
# %% [descenso_gradiente]
def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, tam_lote, semilla, decaimiento=None):
    params = params0
    historial = []
    for epoca, lotes in enumerate(indices_lotes(len(X), tam_lote, epocas, semilla)):
        tasa = tasa_aprendizaje(lr, epoca, decaimiento)
        for indices in lotes:
            grads = gradientes(params, X[indices], y[indices])
            for p, g in zip(params, grads):
                p -= tasa * np.mean(g, axis=0)
        historial.append(float(perdida(params, X, y)))
    return params, historial
