# target: retro_curso, retro_torch
# why: returns the course's increments delta_k h_j (the direction of descent) instead of the gradient of E
# why_es: devuelve los incrementos del curso delta_k h_j (la dirección de descenso) en vez del gradiente de E
# %% [retropropagar]
def retropropagar(X, D, W1, b1, W2, b2):
    N = X.shape[0]
    H, Y = propagar_adelante(X, W1, b1, W2, b2)
    delta2 = (D - Y) * Y * (1 - Y)
    delta1 = (delta2 @ W2.T) * H * (1 - H)
    return (X.T @ delta1) / N, delta1.sum(axis=0) / N, (H.T @ delta2) / N, delta2.sum(axis=0) / N
