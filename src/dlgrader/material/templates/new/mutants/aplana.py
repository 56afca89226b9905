# target: duplicar_valores
# why: flattens the array (right on vectors only)

# %% [duplicar]
def duplicar(x):
    return 2.0 * np.ravel(np.asarray(x, dtype=np.float64))
