# target: perdida_curso, perdida_torch
# why: sums 1/2 ||d - y||^2 over the batch instead of averaging it
# why_es: suma 1/2 ||d - y||^2 sobre el lote en vez de promediarla
# %% [perdida]
def perdida(X, D, W1, b1, W2, b2):
    _, Y = propagar_adelante(X, W1, b1, W2, b2)
    return float(0.5 * np.sum((D - Y) ** 2))
