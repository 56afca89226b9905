# target: minmax_datos_nuevos
# why: normalises X in place (X -= minimo; X /= rango) after np.asarray, which does not copy a float array
# why_es: normaliza X en el lugar (X -= minimo; X /= rango) tras np.asarray, que no copia un arreglo de reales
# %% [minmax]
def ajustar_minmax(X_train):
    """Mínimo y máximo de cada columna de X_train, forma (d,) cada uno."""
    X = np.asarray(X_train, dtype=float)
    return X.min(axis=0), X.max(axis=0)


def aplicar_minmax(X, minimo, maximo):
    """(X - minimo) / (maximo - minimo) columna a columna; un rango 0 se reemplaza por 1."""
    X = np.asarray(X, dtype=float)
    rango = np.asarray(maximo, dtype=float) - np.asarray(minimo, dtype=float)
    rango = np.where(rango == 0, 1.0, rango)
    X -= minimo
    X /= rango
    return X
