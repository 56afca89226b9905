# target: minmax_constante
# why: divides by maximo - minimo without handling constant columns (0/0 = nan)
# why_es: divide por maximo - minimo sin tratar las columnas constantes (0/0 = nan)
# %% [minmax]
def ajustar_minmax(X_train):
    X = np.asarray(X_train, dtype=float)
    return X.min(axis=0), X.max(axis=0)


def aplicar_minmax(X, minimo, maximo):
    return (np.asarray(X, dtype=float) - minimo) / (maximo - minimo)
