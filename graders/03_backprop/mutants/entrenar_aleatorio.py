# target: entrenar_pesos, entrenar_xor
# why: ignores the initial weights it receives and draws its own with np.random (not reproducible)
# why_es: ignora los pesos iniciales que recibe y sortea los suyos con np.random (no reproducible)
# %% [entrenar]
def entrenar(X, D, W1, b1, W2, b2, eta, pasos):
    parametros = tuple(np.random.normal(size=np.shape(p)) for p in (W1, b1, W2, b2))
    historial = []
    for _ in range(pasos):
        historial.append(perdida(X, D, *parametros))
        parametros = actualizar(parametros, retropropagar(X, D, *parametros), eta)
    return (*parametros, historial)
