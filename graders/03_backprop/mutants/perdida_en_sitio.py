# target: perdida_torch
# why: computes the error in the caller's D (error = D; error -= Y), so D ends up holding D - Y
# why_es: calcula el error en el D de quien llama (error = D; error -= Y), así D termina valiendo D - Y
# %% [perdida]
def perdida(X, D, W1, b1, W2, b2):
    _, Y = propagar_adelante(X, W1, b1, W2, b2)
    error = D
    error -= Y
    return float(np.mean(0.5 * np.sum(error ** 2, axis=1)))
