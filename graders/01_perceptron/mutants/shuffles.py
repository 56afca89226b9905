# target: entrenar_pesos
# why: shuffles the examples every epoch (as SGD often does) instead of visiting them in order
# why_es: baraja los ejemplos en cada época (como suele hacer SGD) en vez de recorrerlos en orden
# %% [entrenar_perceptron]
def entrenar_perceptron(X, y, lr, epocas, w0, b0):
    rng = np.random.default_rng(0)
    w = np.array(w0, dtype=float)
    b = float(b0)
    errores = []
    for _ in range(epocas):
        fallos = 0
        for i in rng.permutation(len(X)):
            error = y[i] - neurona(X[i], w, b)
            if error != 0:
                fallos += 1
                w = w + lr * error * X[i]
                b = b + lr * error
        errores.append(fallos)
    return w, b, errores
