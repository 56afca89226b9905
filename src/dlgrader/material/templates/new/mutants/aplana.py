# target: duplicar_valores
# why: flattens the array (right on vectors only)
# why_es: aplana el arreglo (solo acierta con vectores)

# %% [duplicar]
def duplicar(x):
    return 2.0 * np.ravel(np.asarray(x, dtype=np.float64))
