# target: sigmoide_valores
# why: computes the sigmoid in place on its argument to "save memory", overwriting the caller's z
# why_es: calcula la sigmoide en el lugar sobre su argumento «para ahorrar memoria» y sobrescribe el z de quien llama
# %% [sigmoide]
def sigmoide(z):
    if not isinstance(z, np.ndarray):
        return 1.0 / (1.0 + np.exp(-z))
    np.negative(z, out=z)
    np.exp(z, out=z)
    z += 1
    np.reciprocal(z, out=z)
    return z
