# target: zscore_constante
# why: replaces the constant column's deviation by 1 in ajustar_zscore (which must return 0) and not in aplicar_zscore
# why_es: reemplaza por 1 la desviación de la columna constante en ajustar_zscore (que debe devolver 0) y no en aplicar_zscore
# %% [zscore]
def ajustar_zscore(X_train):
    """Media y desviación estándar poblacional (ddof = 0) de cada columna; exactamente 0 si la columna es constante."""
    X = np.asarray(X_train, dtype=float)
    constante = X.max(axis=0) == X.min(axis=0)  # np.std de valores iguales puede dar 1e-17 en vez de 0
    return X.mean(axis=0), np.where(constante, 1.0, X.std(axis=0))


def aplicar_zscore(X, media, desv):
    """(X - media) / desv columna a columna; una desviación 0 se reemplaza por 1."""
    X = np.asarray(X, dtype=float)
    desv = np.asarray(desv, dtype=float)
    return (X - media) / desv
