# target: lotes_semilla, lotes_rebaraja
# why: never shuffles: every epoch visits the examples in their original order
# why_es: nunca baraja: cada época recorre los ejemplos en su orden original
# %% [indices_lotes]
def indices_lotes(N, tam_lote, epocas, semilla):
    orden = np.arange(N)
    return [[orden[i:i + tam_lote] for i in range(0, N, tam_lote)] for _ in range(epocas)]
