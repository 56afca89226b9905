# target: softmax_estable
# why: subtracts the maximum of the whole array instead of each row's: rows of another scale underflow to 0/0
# why_es: resta el máximo de todo el arreglo en vez del de cada fila: las filas de otra escala se vuelven 0/0
# %% [softmax]
def softmax(z, eje=-1):
    """e^z / suma de e^z a lo largo de eje, restando antes el máximo de ese eje."""
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z))
    return e / np.sum(e, axis=eje, keepdims=True)
