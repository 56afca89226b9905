# target: iteraciones_curso, iteraciones_techo
# why: counts the iterations per epoch with the integer division N // tam_lote, forgetting the last partial batch
# %% [iteraciones_por_epoca]
def iteraciones_por_epoca(N, tam_lote):
    return N // tam_lote
