# target: entrenar_escala_lr, entrenar_pesos
# why: forgets the learning rate in the bias update (b += error instead of b += lr*error)
# why_es: olvida la tasa de aprendizaje al actualizar el sesgo (b += error en vez de b += lr*error)
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
                b = b + error
        errores.append(fallos)
    return w, b, errores
