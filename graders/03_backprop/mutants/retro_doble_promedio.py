# target: retro_curso, retro_torch, retro_lote
# why: divides by N twice (once in the deltas and again in the matrix products)
# why_es: divide por N dos veces (en los deltas y otra vez en los productos de matrices)
# %% [retropropagar]
def retropropagar(X, D, W1, b1, W2, b2):
    N = X.shape[0]
    H, Y = propagar_adelante(X, W1, b1, W2, b2)
    delta2 = (D - Y) * Y * (1 - Y) / N
    delta1 = (delta2 @ W2.T) * H * (1 - H)
    return -(X.T @ delta1) / N, -delta1.sum(axis=0) / N, -(H.T @ delta2) / N, -delta2.sum(axis=0) / N
