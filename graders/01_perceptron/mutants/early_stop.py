# target: entrenar_forma, entrenar_errores
# why: stops training at the first epoch without errors, so errores is shorter than epocas
# why_es: deja de entrenar en la primera época sin errores, así errores es más corto que epocas
# %% [entrenar_perceptron]
def entrenar_perceptron(X, y, lr, epocas, w0, b0):
    w = np.array(w0, dtype=float)
    b = float(b0)
    errores = []
    for _ in range(epocas):
        fallos = 0
        for xi, di in zip(X, y):
            error = di - neurona(xi, w, b)
            if error != 0:
                fallos += 1
                w = w + lr * error * xi
                b = b + lr * error
        errores.append(fallos)
        if fallos == 0:
            break
    return w, b, errores
