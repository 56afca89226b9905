# target: zscore_datos_nuevos
# why: normalises X in place (X -= media; X /= desv), modifying the caller's array
# why_es: normaliza X en el lugar (X -= media; X /= desv), modificando el arreglo de quien llama
# %% [zscore]
def ajustar_zscore(X_train):
    X = np.asarray(X_train, dtype=float)
    return X.mean(axis=0), X.std(axis=0)


def aplicar_zscore(X, media, desv):
    X -= media
    X /= np.where(desv == 0, 1.0, desv)
    return X
