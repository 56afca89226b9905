# target: neurona_lote_curso, neurona_lote_filas
# why: sums the products over the wrong axis (axis=0), which only works for a single 1-D input
# why_es: suma los productos sobre el eje equivocado (axis=0), lo que solo sirve para una entrada 1-D
# %% [neurona]
def neurona(x, w, b):
    return escalon(np.sum(x * w, axis=0) + b)
