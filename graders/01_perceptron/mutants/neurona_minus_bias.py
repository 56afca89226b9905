# target: neurona_and_curso, neurona_aleatoria
# why: confuses bias and threshold: computes escalon(w·x - b) instead of escalon(w·x + b)
# %% [neurona]
def neurona(x, w, b):
    return escalon(np.dot(x, w) - b)
