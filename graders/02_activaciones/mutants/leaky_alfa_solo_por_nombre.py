# target: leaky_relu_valores, derivada_leaky_relu_exacta
# why: makes alfa keyword-only (def leaky_relu(x, *, alfa=0.1)), so leaky_relu(x, 0.2) raises TypeError
# why_es: hace alfa solo por nombre (def leaky_relu(x, *, alfa=0.1)), así leaky_relu(x, 0.2) lanza TypeError
# %% [relu]
def relu(x):
    """max(0, x) elemento a elemento."""
    return np.maximum(np.asarray(x, dtype=float), 0.0)


def derivada_relu(x):
    """1 donde x > 0 y 0 donde x <= 0 (también en x = 0)."""
    return np.where(np.asarray(x, dtype=float) > 0, 1.0, 0.0)


def leaky_relu(x, *, alfa=0.1):
    """x donde x > 0 y alfa·x donde x <= 0 (el curso usa alfa = 0.1)."""
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, alfa * x)


def derivada_leaky_relu(x, *, alfa=0.1):
    """1 donde x > 0 y alfa donde x <= 0 (también en x = 0)."""
    return np.where(np.asarray(x, dtype=float) > 0, 1.0, float(alfa))
