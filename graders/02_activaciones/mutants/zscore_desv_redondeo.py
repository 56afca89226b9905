# target: zscore_constante
# why: takes np.std as it is: for a constant column of decimals it is 1e-17, not 0, and the column ends up at ±1
# why_es: toma np.std tal cual: en una columna constante de decimales da 1e-17, no 0, y la columna termina en ±1
# %% [zscore]
def ajustar_zscore(X_train):
    """Media y desviación estándar poblacional (ddof = 0) de cada columna; exactamente 0 si la columna es constante."""
    X = np.asarray(X_train, dtype=float)
    constante = X.max(axis=0) == X.min(axis=0)  # np.std de valores iguales puede dar 1e-17 en vez de 0
    return X.mean(axis=0), X.std(axis=0)


def aplicar_zscore(X, media, desv):
    """(X - media) / desv columna a columna; una desviación 0 se reemplaza por 1."""
    X = np.asarray(X, dtype=float)
    desv = np.asarray(desv, dtype=float)
    desv = np.where(desv == 0, 1.0, desv)
    return (X - media) / desv
