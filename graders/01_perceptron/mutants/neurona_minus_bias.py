# target: neurona_and_curso, neurona_aleatoria
# why: confuses bias and threshold: computes escalon(w·x - b) instead of escalon(w·x + b)
# why_es: confunde sesgo y umbral: calcula escalon(w·x - b) en vez de escalon(w·x + b)
# %% [neurona]
def neurona(x, w, b):
    return escalon(np.dot(x, w) - b)
