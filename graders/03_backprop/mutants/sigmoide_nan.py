# target: sigmoide_valores
# why: writes exp(z) / (1 + exp(z)), which gives inf / inf = nan for large z
# %% [sigmoide]
def sigmoide(z):
    ez = np.exp(z)
    return ez / (1 + ez)
