# target: descenso_lote_completo, descenso_minilotes
# why: shuffles X and y with two different permutations, so the examples lose their labels
# why_es: baraja X e y con dos permutaciones distintas, así los ejemplos pierden sus etiquetas
# %% [descenso_gradiente]
def descenso_gradiente(perdida, gradientes, params0, X, y, lr, epocas, tam_lote, semilla, decaimiento=None):
    params = [np.array(p, dtype=float) for p in params0]
    historial = []
    rng = np.random.default_rng(semilla)
    N = len(X)
    for epoca in range(epocas):
        tasa = tasa_aprendizaje(lr, epoca, decaimiento)
        Xs = X[rng.permutation(N)]
        ys = y[rng.permutation(N)]
        for inicio in range(0, N, tam_lote):
            grads = gradientes(params, Xs[inicio:inicio + tam_lote], ys[inicio:inicio + tam_lote])
            params = [p - tasa * np.mean(g, axis=0) for p, g in zip(params, grads)]
        historial.append(float(perdida(params, X, y)))
    return params, historial
