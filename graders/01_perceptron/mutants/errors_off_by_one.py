# target: entrenar_forma, entrenar_errores
# why: records the error count of the initial weights too, so errores has epocas + 1 elements
# why_es: anota también los errores de los pesos iniciales, así errores tiene epocas + 1 elementos
# %% [entrenar_perceptron]
def entrenar_perceptron(X, y, lr, epocas, w0, b0):
    w = np.array(w0, dtype=float)
    b = float(b0)
    errores = [int(np.sum(neurona(X, w, b) != y))]
    for _ in range(epocas):
        fallos = 0
        for xi, di in zip(X, y):
            error = di - neurona(xi, w, b)
            if error != 0:
                fallos += 1
                w = w + lr * error * xi
                b = b + lr * error
        errores.append(fallos)
    return w, b, errores
