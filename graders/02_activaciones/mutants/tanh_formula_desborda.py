# target: tanh_estable
# why: computes tanh from e^x and e^(-x) separately: at ±1000 it is inf/inf = nan
# why_es: calcula tanh con e^x y e^(-x) por separado: en ±1000 da inf/inf = nan
# %% [tanh_]
def tanh_(x):
    x = np.asarray(x, dtype=float)
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))


def derivada_tanh(x):
    t = np.tanh(np.asarray(x, dtype=float))
    return 1.0 - t ** 2
