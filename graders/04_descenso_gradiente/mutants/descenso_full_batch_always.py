# target: descenso_minilotes, descenso_reproducible
# why: ignores tam_lote and always uses the whole data set (batch gradient descent in every mode)
# why_es: ignora tam_lote y siempre usa todos los datos (descenso por lotes completos en todos los modos)
# %% [descenso_gradiente]
def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, tam_lote, semilla, decaimiento=None):
    params = [np.array(p, dtype=float) for p in params0]
    historial = []
    for epoca in range(epocas):
        tasa = tasa_aprendizaje(lr, epoca, decaimiento)
        grads = gradientes(params, X, y)
        params = [p - tasa * np.mean(g, axis=0) for p, g in zip(params, grads)]
        historial.append(float(perdida(params, X, y)))
    return params, historial
