# target: entrenar_pesos, entrenar_converge, entrenar_and_curso
# why: updates the weights but forgets to update the bias (AND then cannot be learned from b0 = 0)
# why_es: actualiza los pesos pero olvida actualizar el sesgo (así AND no se aprende desde b0 = 0)
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
        errores.append(fallos)
    return w, b, errores
