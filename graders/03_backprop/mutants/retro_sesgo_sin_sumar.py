# target: retro_curso, retro_torch, retro_lote
# why: returns the bias gradients per example, shape (N, h) and (N, k), instead of summing them over the batch
# why_es: devuelve los gradientes de los sesgos por ejemplo, de forma (N, h) y (N, k), en vez de sumarlos sobre el lote
# %% [retropropagar]
def retropropagar(X, D, W1, b1, W2, b2):
    N = X.shape[0]
    H, Y = propagar_adelante(X, W1, b1, W2, b2)
    delta2 = (D - Y) * Y * (1 - Y)
    delta1 = (delta2 @ W2.T) * H * (1 - H)
    return -(X.T @ delta1) / N, -delta1 / N, -(H.T @ delta2) / N, -delta2 / N
