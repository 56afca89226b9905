# A correct alternative: x + x on a float copy.

# %% [duplicar]
def duplicar(x):
    reales = np.array(x, dtype=float)
    return reales + reales
