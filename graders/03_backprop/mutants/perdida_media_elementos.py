# target: perdida_curso, perdida_torch
# why: averages the squares over every element of Y (np.mean), dividing by N * k instead of by N
# %% [perdida]
def perdida(X, D, W1, b1, W2, b2):
    _, Y = propagar_adelante(X, W1, b1, W2, b2)
    return float(0.5 * np.mean((D - Y) ** 2))
