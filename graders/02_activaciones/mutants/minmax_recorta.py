# target: minmax_datos_nuevos
# why: clips the normalised values to [0, 1], hiding that new data fall outside the training range
# why_es: recorta los valores normalizados a [0, 1] y oculta que los datos nuevos caen fuera del rango de entrenamiento
# %% [minmax]
def ajustar_minmax(X_train):
    X = np.asarray(X_train, dtype=float)
    return X.min(axis=0), X.max(axis=0)


def aplicar_minmax(X, minimo, maximo):
    X = np.asarray(X, dtype=float)
    rango = np.where(maximo - minimo == 0, 1.0, maximo - minimo)
    return np.clip((X - minimo) / rango, 0.0, 1.0)
