# target: sigmoide_valores
# why: computes in float32 (as frameworks do by default): about 1e-8 of relative error, far above the stated 1e-12
# why_es: calcula en float32 (como los frameworks por omisión): un error relativo de 1e-8, muy por encima del 1e-12 pedido
# %% [sigmoide]
def sigmoide(z):
    """Sigmoide 1 / (1 + exp(-z)), elemento a elemento, sin desbordes para |z| grande."""
    z = np.asarray(z, dtype=np.float32)
    ez = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + ez), ez / (1.0 + ez))
