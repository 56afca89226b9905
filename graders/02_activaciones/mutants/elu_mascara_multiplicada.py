# target: elu_valores
# why: avoids np.where by multiplying masks: the exponential is computed on every element, and at x = 1000 inf·0 is nan
# why_es: evita np.where multiplicando máscaras: la exponencial se calcula en todos los elementos y en x = 1000 inf·0 da nan
# %% [elu]
def elu(x, alfa=1.0):
    """x donde x > 0 y alfa·(e^x - 1) donde x <= 0; la exponencial solo ve números <= 0."""
    x = np.asarray(x, dtype=float)
    return x * (x > 0) + alfa * (np.exp(x) - 1) * (x <= 0)


def derivada_elu(x, alfa=1.0):
    """1 donde x > 0 y alfa·e^x donde x <= 0 (también en x = 0)."""
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, 1.0, alfa * np.exp(np.minimum(x, 0.0)))
