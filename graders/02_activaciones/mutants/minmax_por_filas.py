# target: minmax_curso, minmax_entrenamiento
# why: takes the minimum and maximum of each row (axis=1) instead of each column (feature)
# why_es: toma el mínimo y el máximo de cada fila (axis=1) en vez de cada columna (variable)
# %% [minmax]
def ajustar_minmax(X_train):
    X = np.asarray(X_train, dtype=float)
    return X.min(axis=1), X.max(axis=1)


def aplicar_minmax(X, minimo, maximo):
    X = np.asarray(X, dtype=float)
    rango = np.asarray(maximo, dtype=float) - np.asarray(minimo, dtype=float)
    rango = np.where(rango == 0, 1.0, rango)
    return (X - minimo) / rango
