# target: entrenar_historial, entrenar_xor_curso
# why: records the loss after each update instead of before it, so historial[0] is not the initial loss
# why_es: anota la pérdida después de cada actualización en vez de antes, así historial[0] no es la pérdida inicial
# %% [entrenar]
def entrenar(X, D, W1, b1, W2, b2, eta, pasos):
    parametros = (W1, b1, W2, b2)
    historial = []
    for _ in range(pasos):
        parametros = actualizar(parametros, retropropagar(X, D, *parametros), eta)
        historial.append(perdida(X, D, *parametros))
    return (*parametros, historial)
