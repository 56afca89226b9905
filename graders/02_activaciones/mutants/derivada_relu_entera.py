# target: derivada_relu_exacta
# why: returns the comparison as integers ((x > 0).astype(int)): 0 and 1 are right, but the notebook asks for reals
# why_es: devuelve la comparación como enteros ((x > 0).astype(int)): 0 y 1 son correctos, pero el notebook pide reales
# %% [relu]
def relu(x):
    """max(0, x) elemento a elemento."""
    return np.maximum(np.asarray(x, dtype=float), 0.0)


def derivada_relu(x):
    """1 donde x > 0 y 0 donde x <= 0 (también en x = 0)."""
    return (np.asarray(x) > 0).astype(int)


def leaky_relu(x, alfa=0.1):
    """x donde x > 0 y alfa·x donde x <= 0 (el curso usa alfa = 0.1)."""
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, alfa * x)


def derivada_leaky_relu(x, alfa=0.1):
    """1 donde x > 0 y alfa donde x <= 0 (también en x = 0)."""
    return np.where(np.asarray(x, dtype=float) > 0, 1.0, float(alfa))
