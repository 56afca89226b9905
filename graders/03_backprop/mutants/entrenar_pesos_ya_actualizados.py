# target: entrenar_pesos
# why: follows the slide's steps literally: updates W2 and b2 first, then computes the hidden deltas with the new W2
# why_es: sigue los pasos de la diapositiva al pie de la letra: actualiza primero W2 y b2 y luego calcula los deltas ocultos con el W2 nuevo
# %% [entrenar]
def entrenar(X, D, W1, b1, W2, b2, eta, pasos):
    N = X.shape[0]
    historial = []
    for _ in range(pasos):
        historial.append(perdida(X, D, W1, b1, W2, b2))
        H, Y = propagar_adelante(X, W1, b1, W2, b2)
        delta2 = (D - Y) * Y * (1 - Y)
        W2 = W2 + eta * (H.T @ delta2) / N
        b2 = b2 + eta * delta2.sum(axis=0) / N
        delta1 = (delta2 @ W2.T) * H * (1 - H)
        W1 = W1 + eta * (X.T @ delta1) / N
        b1 = b1 + eta * delta1.sum(axis=0) / N
    return W1, b1, W2, b2, historial
