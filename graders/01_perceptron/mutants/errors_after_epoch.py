# target: entrenar_errores
# why: counts the errors at the end of each epoch with the final weights instead of before each update
# why_es: cuenta los errores al final de cada época con los pesos finales en vez de antes de cada actualización
# %% [entrenar_perceptron]
def entrenar_perceptron(X, y, lr, epocas, w0, b0):
    w = np.array(w0, dtype=float)
    b = float(b0)
    errores = []
    for _ in range(epocas):
        for xi, di in zip(X, y):
            error = di - neurona(xi, w, b)
            w = w + lr * error * xi
            b = b + lr * error
        errores.append(int(np.sum(neurona(X, w, b) != y)))
    return w, b, errores
