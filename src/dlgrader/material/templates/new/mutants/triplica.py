# target: duplicar_curso, duplicar_valores
# why: multiplies by 3 instead of 2

# %% [duplicar]
def duplicar(x):
    return 3.0 * np.asarray(x, dtype=np.float64)
