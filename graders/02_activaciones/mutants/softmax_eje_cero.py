# target: softmax_curso, softmax_valores
# why: normalises along axis 0 (the columns of a batch) whatever eje says, so the rows of a batch do not add up to 1
# why_es: normaliza sobre el eje 0 (las columnas de un lote) diga lo que diga eje, así las filas de un lote no suman 1
# %% [softmax]
def softmax(z, eje=-1):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)
