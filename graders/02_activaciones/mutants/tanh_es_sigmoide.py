# target: tanh_curso, tanh_valores
# why: confuses tanh with the sigmoid: outputs in (0, 1) instead of (−1, 1), tanh(0) = 0.5
# why_es: confunde tanh con la sigmoide: salidas en (0, 1) en vez de (−1, 1), tanh(0) = 0.5
# %% [tanh_]
def tanh_(x):
    x = np.asarray(x, dtype=float)
    return 1.0 / (1.0 + np.exp(-np.clip(x, -500, 500)))


def derivada_tanh(x):
    t = np.tanh(np.asarray(x, dtype=float))
    return 1.0 - t * t
