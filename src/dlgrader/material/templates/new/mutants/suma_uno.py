# target: duplicar_curso, duplicar_valores
# why: adds 1 instead of doubling (right only where x is 1)
# why_es: suma 1 en vez de duplicar (solo acierta donde x es 1)

# %% [duplicar]
def duplicar(x):
    return np.asarray(x, dtype=np.float64) + 1.0
