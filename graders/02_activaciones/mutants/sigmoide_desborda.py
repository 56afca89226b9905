# target: sigmoide_estable
# why: writes σ(x) = e^x / (1 + e^x): at x = 1000 both are inf and inf/inf is nan
# why_es: escribe σ(x) = e^x / (1 + e^x): en x = 1000 ambos son inf e inf/inf es nan
# %% [sigmoide]
def sigmoide(x):
    e = np.exp(np.asarray(x, dtype=float))
    return e / (1.0 + e)


def derivada_sigmoide(x):
    s = 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=float)))
    return s * (1.0 - s)
