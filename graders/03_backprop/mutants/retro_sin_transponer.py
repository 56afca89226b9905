# target: retro_curso, retro_torch
# why: propagates the output deltas with W2 instead of W2.T (right only when W2 is symmetric; a shape error otherwise)
# why_es: propaga los deltas de salida con W2 en vez de W2.T (correcto solo si W2 es simétrica; si no, un error de forma)
# %% [retropropagar]
def retropropagar(X, D, W1, b1, W2, b2):
    N = X.shape[0]
    H, Y = propagar_adelante(X, W1, b1, W2, b2)
    delta2 = (D - Y) * Y * (1 - Y)
    delta1 = (delta2 @ W2) * H * (1 - H)
    return -(X.T @ delta1) / N, -delta1.sum(axis=0) / N, -(H.T @ delta2) / N, -delta2.sum(axis=0) / N
