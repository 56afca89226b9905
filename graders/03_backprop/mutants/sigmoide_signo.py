# target: sigmoide_curso, sigmoide_valores
# why: writes 1 / (1 + exp(z)), the exponent's sign lost: the curve is mirrored, σ(2) comes out 0.12
# why_es: escribe 1 / (1 + exp(z)), sin el signo del exponente: la curva queda reflejada, σ(2) da 0.12
# %% [sigmoide]
def sigmoide(z):
    z = np.asarray(z, dtype=float)
    return 1.0 / (1.0 + np.exp(np.clip(z, -500, 500)))
