# target: binaria_curso, binaria_valores
# why: sums over the examples instead of averaging (the loss grows with the batch size)
# why_es: suma sobre los ejemplos en vez de promediar (la pérdida crece con el tamaño del lote)
# %% [entropia_cruzada_binaria]
def entropia_cruzada_binaria(y_real, p_pred):
    y = np.asarray(y_real, dtype=float)
    p = np.clip(np.asarray(p_pred, dtype=float), EPS, 1.0 - EPS)
    return float(-np.sum(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))
