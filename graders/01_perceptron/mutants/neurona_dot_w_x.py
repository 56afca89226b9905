# target: neurona_lote_curso, neurona_lote_filas
# why: writes np.dot(w, x), right for one input but wrong for an (n, d) batch (an error, or column sums when n == d)
# why_es: escribe np.dot(w, x): bien para una entrada pero mal para un lote (n, d) (un error, o sumas por columna si n == d)
# %% [neurona]
def neurona(x, w, b):
    return escalon(np.dot(w, x) + b)
