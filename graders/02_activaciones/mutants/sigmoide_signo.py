# target: sigmoide_curso, sigmoide_valores
# why: writes σ(x) = 1 / (1 + e^x), the exponent's sign lost: σ(2) comes out 0.12 instead of 0.88
# why_es: escribe σ(x) = 1 / (1 + e^x), sin el signo del exponente: σ(2) da 0.12 en vez de 0.88
# %% [sigmoide]
def sigmoide(x):
    x = np.asarray(x, dtype=float)
    return 1.0 / (1.0 + np.exp(np.clip(x, -500, 500)))


def derivada_sigmoide(x):
    x = np.asarray(x, dtype=float)
    s = 1.0 / (1.0 + np.exp(-np.clip(x, -500, 500)))
    return s * (1.0 - s)
