# target: entrenar_pesos, entrenar_errores
# why: accumulates the changes and updates once per epoch (batch rule) instead of after each example
# why_es: acumula los cambios y actualiza una vez por época (regla por lotes) en vez de tras cada ejemplo
# %% [entrenar_perceptron]
def entrenar_perceptron(X, y, lr, epocas, w0, b0):
    w = np.array(w0, dtype=float)
    b = float(b0)
    errores = []
    for _ in range(epocas):
        dw = np.zeros_like(w)
        db = 0.0
        fallos = 0
        for xi, di in zip(X, y):
            error = di - neurona(xi, w, b)
            if error != 0:
                fallos += 1
                dw = dw + lr * error * xi
                db = db + lr * error
        w = w + dw
        b = b + db
        errores.append(fallos)
    return w, b, errores
