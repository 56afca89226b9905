# target: entrenar_correctos, entrenar_pesos
# why: updates on every example, even when the prediction is right (w += lr*y*x instead of lr*(y - pred)*x)
# why_es: actualiza con cada ejemplo aunque la predicción sea correcta (w += lr*y*x en vez de lr*(y - pred)*x)
# %% [entrenar_perceptron]
def entrenar_perceptron(X, y, lr, epocas, w0, b0):
    w = np.array(w0, dtype=float)
    b = float(b0)
    errores = []
    for _ in range(epocas):
        fallos = 0
        for xi, di in zip(X, y):
            pred = neurona(xi, w, b)
            if pred != di:
                fallos += 1
            w = w + lr * di * xi
            b = b + lr * di
        errores.append(fallos)
    return w, b, errores
