# target: duplicar_curso, duplicar_valores
# why: multiplies by 3 instead of 2
# why_es: multiplica por 3 en vez de 2

# %% [duplicar]
def duplicar(x):
    return 3.0 * np.asarray(x, dtype=np.float64)
