# target: neurona_and_curso, neurona_aleatoria
# why: turns every input into a batch with np.atleast_2d, so a single input returns an array of shape (1,), not a number
# %% [neurona]
def neurona(x, w, b):
    return escalon(np.atleast_2d(x) @ w + b)
