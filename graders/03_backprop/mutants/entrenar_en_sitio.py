# target: entrenar_no_muta
# why: trains the received arrays in place (p -= eta * g for each parameter), changing the caller's initial weights
# why_es: entrena en el lugar los arreglos recibidos (p -= eta * g en cada parámetro) y cambia los pesos iniciales de quien llama
# %% [entrenar]
def entrenar(X, D, W1, b1, W2, b2, eta, pasos):
    historial = []
    for _ in range(pasos):
        historial.append(perdida(X, D, W1, b1, W2, b2))
        gradientes = retropropagar(X, D, W1, b1, W2, b2)
        for p, g in zip((W1, b1, W2, b2), gradientes):
            p -= eta * g
    return W1, b1, W2, b2, historial
