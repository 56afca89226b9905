# target: sigmoide_valores
# why: writes exp(z) / (1 + exp(z)), which gives inf / inf = nan for large z
# why_es: escribe exp(z) / (1 + exp(z)), que da inf / inf = nan para z grandes
# %% [sigmoide]
def sigmoide(z):
    ez = np.exp(z)
    return ez / (1 + ez)
