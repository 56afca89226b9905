# target: retro_no_muta
# why: aliases error = D and subtracts Y in place, so the caller's D ends up holding D - Y
# why_es: hace error = D y resta Y en el lugar, así el D de quien llama termina valiendo D - Y
# %% [retropropagar]
def retropropagar(X, D, W1, b1, W2, b2):
    N = X.shape[0]
    H, Y = propagar_adelante(X, W1, b1, W2, b2)
    error = D
    error -= Y
    delta2 = error * Y * (1 - Y)
    delta1 = (delta2 @ W2.T) * H * (1 - H)
    return -(X.T @ delta1) / N, -delta1.sum(axis=0) / N, -(H.T @ delta2) / N, -delta2.sum(axis=0) / N
