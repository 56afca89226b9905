# target: relu_curso, leaky_relu_valores
# why: puts the slope alfa on the positive side (alfa·x for x > 0, x for x <= 0)
# why_es: pone la pendiente alfa en el lado positivo (alfa·x para x > 0, x para x <= 0)
# %% [relu]
def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)


def derivada_relu(x):
    return np.where(np.asarray(x, dtype=float) > 0, 1.0, 0.0)


def leaky_relu(x, alfa=0.1):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, alfa * x, x)


def derivada_leaky_relu(x, alfa=0.1):
    return np.where(np.asarray(x, dtype=float) > 0, 1.0, float(alfa))
