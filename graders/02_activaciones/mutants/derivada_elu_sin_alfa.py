# target: derivada_elu_valores
# why: uses elu(x) = alfa(e^x - 1) as the derivative for x <= 0 instead of alfa·e^x = elu(x) + alfa
# why_es: usa elu(x) = alfa(e^x - 1) como derivada para x <= 0 en vez de alfa·e^x = elu(x) + alfa
# %% [elu]
def elu(x, alfa=1.0):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, alfa * np.expm1(np.minimum(x, 0.0)))


def derivada_elu(x, alfa=1.0):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, 1.0, elu(x, alfa))
