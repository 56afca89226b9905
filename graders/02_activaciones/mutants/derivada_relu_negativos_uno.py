# target: derivada_relu_exacta
# why: writes the derivative as |sign(x)|, which is 1 for x < 0 too (right only at 0 and for x > 0)
# why_es: escribe la derivada como |sign(x)|, que también vale 1 para x < 0 (solo acierta en 0 y para x > 0)
# %% [relu]
def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)


def derivada_relu(x):
    return np.abs(np.sign(np.asarray(x, dtype=float)))


def leaky_relu(x, alfa=0.1):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, alfa * x)


def derivada_leaky_relu(x, alfa=0.1):
    return np.where(np.asarray(x, dtype=float) > 0, 1.0, float(alfa))
