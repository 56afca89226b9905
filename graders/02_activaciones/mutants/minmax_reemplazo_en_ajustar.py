# target: minmax_constante
# why: makes the range 1 in ajustar_minmax (maximo = minimo + 1 for a constant column), so aplicar_minmax divides by 0 when it receives maximo == minimo
# why_es: fija el rango en 1 en ajustar_minmax (maximo = minimo + 1 en una columna constante), así aplicar_minmax divide por 0 cuando recibe maximo == minimo
# %% [minmax]
def ajustar_minmax(X_train):
    """Mínimo y máximo de cada columna de X_train, forma (d,) cada uno."""
    X = np.asarray(X_train, dtype=float)
    minimo, maximo = X.min(axis=0), X.max(axis=0)
    return minimo, np.where(maximo == minimo, minimo + 1.0, maximo)


def aplicar_minmax(X, minimo, maximo):
    """(X - minimo) / (maximo - minimo) columna a columna; un rango 0 se reemplaza por 1."""
    X = np.asarray(X, dtype=float)
    rango = np.asarray(maximo, dtype=float) - np.asarray(minimo, dtype=float)
    return (X - minimo) / rango
