# target: derivadas_relu_curso, derivada_relu_exacta, derivada_leaky_relu_exacta
# why: uses x >= 0 in the derivatives, so at x = 0 they give 1 instead of the negative branch (0 and alfa)
# why_es: usa x >= 0 en las derivadas, así en x = 0 dan 1 en vez de la rama negativa (0 y alfa)
# %% [relu]
def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)


def derivada_relu(x):
    return np.where(np.asarray(x, dtype=float) >= 0, 1.0, 0.0)


def leaky_relu(x, alfa=0.1):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, alfa * x)


def derivada_leaky_relu(x, alfa=0.1):
    return np.where(np.asarray(x, dtype=float) >= 0, 1.0, float(alfa))
