# target: relu_curso, relu_valores
# why: uses Python's max(0, x), which works on numbers but raises on arrays ("truth value is ambiguous")
# why_es: usa max(0, x) de Python, que sirve con números pero falla con arreglos («valor de verdad ambiguo»)
# %% [relu]
def relu(x):
    return max(0.0, x)


def derivada_relu(x):
    return np.where(np.asarray(x, dtype=float) > 0, 1.0, 0.0)


def leaky_relu(x, alfa=0.1):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, alfa * x)


def derivada_leaky_relu(x, alfa=0.1):
    return np.where(np.asarray(x, dtype=float) > 0, 1.0, float(alfa))
