# target: derivada_sigmoide_curso, derivada_sigmoide_diferencias
# why: treats the argument as the output σ(x) and returns x(1 - x) instead of σ(x)(1 - σ(x))
# why_es: toma el argumento como la salida σ(x) y devuelve x(1 - x) en vez de σ(x)(1 - σ(x))
# %% [sigmoide]
def sigmoide(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def derivada_sigmoide(x):
    x = np.asarray(x, dtype=float)
    return x * (1.0 - x)
