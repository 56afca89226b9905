# target: iteraciones_techo
# why: rounds up with np.ceil(N / tam_lote), which gives a float (938.0) instead of an int
# why_es: redondea hacia arriba con np.ceil(N / tam_lote), que da un real (938.0) en vez de un entero
# %% [iteraciones_por_epoca]
def iteraciones_por_epoca(N, tam_lote):
    return np.ceil(N / tam_lote)
