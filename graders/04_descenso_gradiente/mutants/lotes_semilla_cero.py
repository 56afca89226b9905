# target: lotes_semilla
# why: writes np.random.default_rng(semilla or None) "in case there is no seed", so semilla = 0 draws fresh entropy
# why_es: escribe np.random.default_rng(semilla or None) «por si no hay semilla», así semilla = 0 sortea al azar
# %% [indices_lotes]
def indices_lotes(N, tam_lote, epocas, semilla):
    generador = np.random.default_rng(semilla or None)
    epocas_lotes = []
    for _ in range(epocas):
        orden = generador.permutation(N)
        epocas_lotes.append([orden[inicio:inicio + tam_lote] for inicio in range(0, N, tam_lote)])
    return epocas_lotes
