# target: relu_curso, leaky_relu_valores, derivadas_relu_curso, derivada_leaky_relu_exacta
# why: copies PyTorch's default slope 0.01 instead of the course's alfa = 0.1
# why_es: copia la pendiente por omisión de PyTorch, 0.01, en vez del alfa = 0.1 del curso
# %% [relu]
def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)


def derivada_relu(x):
    return np.where(np.asarray(x, dtype=float) > 0, 1.0, 0.0)


def leaky_relu(x, alfa=0.01):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, alfa * x)


def derivada_leaky_relu(x, alfa=0.01):
    return np.where(np.asarray(x, dtype=float) > 0, 1.0, float(alfa))
