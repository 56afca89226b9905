# target: lotes_semilla, lotes_rebaraja
# why: ignores the seed and shuffles with the global np.random.permutation, so results cannot be reproduced
# why_es: ignora la semilla y baraja con np.random.permutation global, así los resultados no se pueden reproducir
# %% [indices_lotes]
def indices_lotes(N, tam_lote, epocas, semilla):
    resultado = []
    for _ in range(epocas):
        orden = np.random.permutation(N)
        resultado.append([orden[i:i + tam_lote] for i in range(0, N, tam_lote)])
    return resultado
