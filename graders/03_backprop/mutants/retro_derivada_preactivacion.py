# target: retro_curso, retro_torch
# why: evaluates y(1 - y) on the pre-activations z = h @ W2 + b2 and z = x @ W1 + b1 instead of on the outputs
# why_es: evalúa y(1 - y) en las preactivaciones z = h @ W2 + b2 y z = x @ W1 + b1 en vez de en las salidas
# %% [retropropagar]
def retropropagar(X, D, W1, b1, W2, b2):
    N = X.shape[0]
    Z1 = X @ W1 + b1
    H = sigmoide(Z1)
    Z2 = H @ W2 + b2
    Y = sigmoide(Z2)
    delta2 = (D - Y) * Z2 * (1 - Z2)
    delta1 = (delta2 @ W2.T) * Z1 * (1 - Z1)
    return -(X.T @ delta1) / N, -delta1.sum(axis=0) / N, -(H.T @ delta2) / N, -delta2.sum(axis=0) / N
