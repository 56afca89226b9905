# target: duplicar_curso, duplicar_valores
# why: squares instead of doubling (right only where x is 0 or 2)
# why_es: eleva al cuadrado en vez de duplicar (solo acierta donde x es 0 o 2)

# %% [duplicar]
def duplicar(x):
    return np.asarray(x, dtype=np.float64) ** 2
