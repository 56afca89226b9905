# target: categorica_curso, categorica_valores
# why: sums over the examples instead of averaging (the loss doubles when the batch is duplicated)
# why_es: suma sobre los ejemplos en vez de promediar (la pérdida se duplica al duplicar el lote)
# %% [entropia_cruzada_categorica]
def entropia_cruzada_categorica(Y_real, P_pred):
    Y = np.asarray(Y_real, dtype=float)
    P = np.clip(np.asarray(P_pred, dtype=float), EPS, 1.0)
    return float(-np.sum(Y * np.log(P)))
