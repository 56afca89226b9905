# target: zscore_entrenamiento, zscore_curso
# why: computes the mean and deviation of each row (axis=1) instead of each column (feature)
# why_es: calcula la media y la desviación de cada fila (axis=1) en vez de cada columna (variable)
# %% [zscore]
def ajustar_zscore(X_train):
    """Media y desviación estándar poblacional (ddof = 0) de cada columna; exactamente 0 si la columna es constante."""
    X = np.asarray(X_train, dtype=float)
    constante = X.max(axis=1) == X.min(axis=1)  # np.std de valores iguales puede dar 1e-17 en vez de 0
    return X.mean(axis=1), np.where(constante, 0.0, X.std(axis=1))


def aplicar_zscore(X, media, desv):
    """(X - media) / desv columna a columna; una desviación 0 se reemplaza por 1."""
    X = np.asarray(X, dtype=float)
    desv = np.asarray(desv, dtype=float)
    desv = np.where(desv == 0, 1.0, desv)
    return (X - media) / desv
