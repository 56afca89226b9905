# target: neurona_and_curso, neurona_aleatoria
# why: turns every input into a batch with np.atleast_2d, so a single input returns an array of shape (1,), not a number
# why_es: convierte toda entrada en un lote con np.atleast_2d: una sola entrada devuelve un arreglo de forma (1,), no un número
# %% [neurona]
def neurona(x, w, b):
    return escalon(np.atleast_2d(x) @ w + b)
