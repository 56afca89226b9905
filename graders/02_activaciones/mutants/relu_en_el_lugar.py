# target: relu_valores
# why: zeroes the negative entries in place (x[x < 0] = 0) after np.asarray, which does not copy: the caller's array changes
# why_es: anula los negativos en el lugar (x[x < 0] = 0) tras np.asarray, que no copia: cambia el arreglo de quien llama
# %% [relu]
def relu(x):
    x = np.asarray(x, dtype=float)
    x[x < 0] = 0.0
    return x


def derivada_relu(x):
    """1 donde x > 0 y 0 donde x <= 0 (también en x = 0)."""
    return np.where(np.asarray(x, dtype=float) > 0, 1.0, 0.0)


def leaky_relu(x, alfa=0.1):
    """x donde x > 0 y alfa·x donde x <= 0 (el curso usa alfa = 0.1)."""
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, alfa * x)


def derivada_leaky_relu(x, alfa=0.1):
    """1 donde x > 0 y alfa donde x <= 0 (también en x = 0)."""
    return np.where(np.asarray(x, dtype=float) > 0, 1.0, float(alfa))
