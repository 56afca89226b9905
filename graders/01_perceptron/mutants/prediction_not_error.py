# target: entrenar_correctos, entrenar_pesos
# why: uses the prediction instead of the error in the update (w += lr*pred*x)
# why_es: usa la predicción en vez del error al actualizar (w += lr*pred*x)
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
            w = w + lr * pred * xi
            b = b + lr * pred
        errores.append(fallos)
    return w, b, errores
