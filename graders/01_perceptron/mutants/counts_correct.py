# target: entrenar_errores, entrenar_xor
# why: counts the correctly classified examples instead of the misclassified ones
# why_es: cuenta los ejemplos bien clasificados en vez de los mal clasificados
# %% [entrenar_perceptron]
def entrenar_perceptron(X, y, lr, epocas, w0, b0):
    w = np.array(w0, dtype=float)
    b = float(b0)
    errores = []
    for _ in range(epocas):
        aciertos = 0
        for xi, di in zip(X, y):
            error = di - neurona(xi, w, b)
            if error == 0:
                aciertos += 1
            w = w + lr * error * xi
            b = b + lr * error
        errores.append(aciertos)
    return w, b, errores
