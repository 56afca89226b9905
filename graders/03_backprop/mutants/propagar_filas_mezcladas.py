# target: propagar_lote
# why: reads X as (d, N), as in the slides' column vectors, and reshapes X.T back instead of using X: rows get mixed
# why_es: lee X como (d, N), como los vectores columna de las diapositivas, y rehace X.T en vez de usar X: las filas se mezclan
# %% [propagar_adelante]
def propagar_adelante(X, W1, b1, W2, b2):
    X = np.asarray(X, dtype=float)
    X = X.T.reshape(X.shape)
    H = sigmoide(X @ W1 + b1)
    Y = sigmoide(H @ W2 + b2)
    return H, Y
