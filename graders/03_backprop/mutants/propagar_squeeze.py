# target: propagar_torch, propagar_curso
# why: squeezes the outputs, so a batch of one example (N = 1, as in the course's example) comes back with shapes (h,) and (k,)
# why_es: aplasta las salidas (squeeze), así un lote de un ejemplo (N = 1, como en el ejemplo del curso) vuelve con formas (h,) y (k,)
# %% [propagar_adelante]
def propagar_adelante(X, W1, b1, W2, b2):
    """Propagación hacia adelante de un lote: devuelve (H, Y), formas (N, h) y (N, k)."""
    H = sigmoide(X @ W1 + b1)
    Y = sigmoide(H @ W2 + b2)
    return np.squeeze(H), np.squeeze(Y)
