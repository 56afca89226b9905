# target: minmax_datos_nuevos
# why: aplicar_minmax recomputes the minimum and maximum from the data it normalises (fits on the test data)
# why_es: aplicar_minmax recalcula el mínimo y el máximo con los datos que normaliza (se ajusta con los datos de prueba)
# %% [minmax]
def ajustar_minmax(X_train):
    X = np.asarray(X_train, dtype=float)
    return X.min(axis=0), X.max(axis=0)


def aplicar_minmax(X, minimo, maximo):
    X = np.asarray(X, dtype=float)
    minimo, maximo = X.min(axis=0), X.max(axis=0)
    rango = np.where(maximo - minimo == 0, 1.0, maximo - minimo)
    return (X - minimo) / rango
