# target: entrenar_no_muta
# why: starts from w = w0 (no copy) and rebinds w only on an update, so when nothing is updated it returns the caller's own w0
# why_es: parte de w = w0 (sin copia) y solo reasigna w al actualizar: si nada se actualiza devuelve el propio w0 de quien llama
# %% [entrenar_perceptron]
def entrenar_perceptron(X, y, lr, epocas, w0, b0):
    w = w0
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
    return w, b, errores
