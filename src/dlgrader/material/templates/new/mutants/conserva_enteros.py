# target: duplicar_reales
# why: keeps the input dtype: integers stay integers

# %% [duplicar]
def duplicar(x):
    return 2 * np.asarray(x)
