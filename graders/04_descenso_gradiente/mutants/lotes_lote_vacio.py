# target: lotes_visita_todos
# why: always appends the "rest" as a last batch, so when tam_lote divides N (batch mode, tam_lote = N) an empty batch is left at the end
# why_es: siempre agrega el «resto» como último lote, así cuando tam_lote divide a N (modo por lotes, tam_lote = N) queda un lote vacío al final
# %% [indices_lotes]
def indices_lotes(N, tam_lote, epocas, semilla):
    generador = np.random.default_rng(semilla)
    epocas_lotes = []
    for _ in range(epocas):
        orden = generador.permutation(N)
        completos = N // tam_lote
        lotes = [orden[j * tam_lote:(j + 1) * tam_lote] for j in range(completos)]
        lotes.append(orden[completos * tam_lote:])
        epocas_lotes.append(lotes)
    return epocas_lotes
