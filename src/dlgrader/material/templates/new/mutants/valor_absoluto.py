# target: duplicar_curso, duplicar_valores
# why: loses the sign

# %% [duplicar]
def duplicar(x):
    return 2.0 * np.abs(np.asarray(x, dtype=np.float64))
