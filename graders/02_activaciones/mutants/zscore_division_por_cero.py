# target: zscore_constante
# why: divides by the deviation without handling constant columns (0/0 = nan)
# why_es: divide por la desviación sin tratar las columnas constantes (0/0 = nan)
# %% [zscore]
def ajustar_zscore(X_train):
    X = np.asarray(X_train, dtype=float)
    return X.mean(axis=0), X.std(axis=0)


def aplicar_zscore(X, media, desv):
    return (np.asarray(X, dtype=float) - media) / desv
