# target: iteraciones_techo
# why: always adds one batch for the remainder, even when N is a multiple of tam_lote
# why_es: siempre suma un lote por el resto, aunque N sea múltiplo de tam_lote
# %% [iteraciones_por_epoca]
def iteraciones_por_epoca(N, tam_lote):
    return N // tam_lote + 1
