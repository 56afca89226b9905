# target: entrenar_no_muta
# why: aliases w = w0 and updates it in place, modifying the caller's initial weights
# why_es: hace w = w0 y lo actualiza en el lugar, modificando los pesos iniciales de quien llama
# %% [entrenar_perceptron]
def entrenar_perceptron(X, y, lr, epocas, w0, b0):
    w = w0
    b = b0
    errores = []
    for _ in range(epocas):
        fallos = 0
        for i in range(len(X)):
            error = y[i] - neurona(X[i], w, b)
            if error != 0:
                fallos += 1
                w += lr * error * X[i]
                b += lr * error
        errores.append(fallos)
    return w, b, errores
