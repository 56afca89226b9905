# target: lotes_semilla, lotes_rebaraja
# why: creates a new generator from the same seed inside the epoch loop, so every epoch gets the same order
# why_es: crea un generador nuevo con la misma semilla dentro del ciclo de épocas, así todas las épocas tienen el mismo orden
# %% [indices_lotes]
def indices_lotes(N, tam_lote, epocas, semilla):
    resultado = []
    for _ in range(epocas):
        rng = np.random.default_rng(semilla)
        orden = rng.permutation(N)
        resultado.append([orden[i:i + tam_lote] for i in range(0, N, tam_lote)])
    return resultado
