# target: duplicar_reales
# why: keeps the input dtype: integers stay integers
# why_es: conserva el dtype de la entrada: los enteros siguen enteros

# %% [duplicar]
def duplicar(x):
    return 2 * np.asarray(x)
