# target: lotes_semilla, lotes_rebaraja
# why: shuffles once before training and reuses the same order in every epoch
# why_es: baraja una vez antes de entrenar y repite el mismo orden en cada época
# %% [indices_lotes]
def indices_lotes(N, tam_lote, epocas, semilla):
    rng = np.random.default_rng(semilla)
    orden = rng.permutation(N)
    lotes = [orden[i:i + tam_lote] for i in range(0, N, tam_lote)]
    return [lotes for _ in range(epocas)]
