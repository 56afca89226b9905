# target: escalon_enteros
# why: returns the comparison itself (booleans True/False) instead of integers 0/1
# why_es: devuelve la comparación misma (booleanos True/False) en vez de enteros 0/1
# %% [escalon]
def escalon(z):
    return np.asarray(z) > 0
