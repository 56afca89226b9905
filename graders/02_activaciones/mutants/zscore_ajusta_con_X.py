# target: zscore_datos_nuevos
# why: aplicar_zscore recomputes the mean and deviation from the data it normalises (fits on the test data)
# why_es: aplicar_zscore recalcula la media y la desviación con los datos que normaliza (se ajusta con los datos de prueba)
# %% [zscore]
def ajustar_zscore(X_train):
    X = np.asarray(X_train, dtype=float)
    return X.mean(axis=0), X.std(axis=0)


def aplicar_zscore(X, media, desv):
    X = np.asarray(X, dtype=float)
    media, desv = X.mean(axis=0), X.std(axis=0)
    return (X - media) / np.where(desv == 0, 1.0, desv)
