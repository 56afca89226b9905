# A correct alternative: element by element, with a loop over every index.

# %% [duplicar]
def duplicar(x):
    x = np.asarray(x)
    out = np.zeros(x.shape)
    for indice in np.ndindex(x.shape):
        out[indice] = 2 * float(x[indice])
    return out
