# target: entrenar_historial, entrenar_pesos
# why: loops range(pasos + 1): one update too many and one loss too many in historial
# why_es: recorre range(pasos + 1): una actualización de más y una pérdida de más en historial
# %% [entrenar]
def entrenar(X, D, W1, b1, W2, b2, eta, pasos):
    """Descenso de gradiente con el lote completo; historial[t] es E antes de la actualización t."""
    parametros = (W1, b1, W2, b2)
    historial = []
    for _ in range(pasos + 1):
        historial.append(perdida(X, D, *parametros))
        gradientes = retropropagar(X, D, *parametros)
        parametros = actualizar(parametros, gradientes, eta)
    W1, b1, W2, b2 = parametros
    return W1, b1, W2, b2, historial
