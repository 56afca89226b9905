# target: zscore_curso, zscore_entrenamiento
# why: uses the sample deviation (ddof=1, pandas' default) instead of the population one
# why_es: usa la desviación muestral (ddof=1, la de pandas por omisión) en vez de la poblacional
# %% [zscore]
def ajustar_zscore(X_train):
    X = np.asarray(X_train, dtype=float)
    return X.mean(axis=0), X.std(axis=0, ddof=1)


def aplicar_zscore(X, media, desv):
    desv = np.where(np.asarray(desv) == 0, 1.0, desv)
    return (np.asarray(X, dtype=float) - media) / desv
