# target: iteraciones_curso, iteraciones_techo
# why: counts the iterations per epoch with the integer division N // tam_lote, forgetting the last partial batch
# why_es: cuenta las iteraciones por época con la división entera N // tam_lote y olvida el último lote parcial
# %% [iteraciones_por_epoca]
def iteraciones_por_epoca(N, tam_lote):
    return N // tam_lote
