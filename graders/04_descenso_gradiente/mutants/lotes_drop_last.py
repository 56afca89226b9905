# target: lotes_curso, lotes_visita_todos, lotes_semilla
# why: drops the last incomplete batch (as drop_last=True), so some examples are never visited in an epoch
# why_es: descarta el último lote incompleto (como drop_last=True), así algunos ejemplos no se visitan en la época
# %% [indices_lotes]
def indices_lotes(N, tam_lote, epocas, semilla):
    rng = np.random.default_rng(semilla)
    resultado = []
    for _ in range(epocas):
        orden = rng.permutation(N)
        completos = N // tam_lote
        resultado.append([orden[j * tam_lote:(j + 1) * tam_lote] for j in range(completos)])
    return resultado
