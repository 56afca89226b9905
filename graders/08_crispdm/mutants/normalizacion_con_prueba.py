# target: normalizacion_solo_entrenamiento
# why: fits the mean and deviation on training and test together (information from test leaks into training)
# why_es: ajusta la media y la desviación con entrenamiento y prueba juntos (información de prueba se filtra al entrenamiento)
# %% [normalizacion]
def ajustar_normalizacion(X):
    X = np.asarray(X, dtype=np.float64)
    desv = X.std(axis=0)
    return X.mean(axis=0), np.where(desv == 0, 1.0, desv)


def aplicar_normalizacion(X, media, desv):
    return (np.asarray(X, dtype=np.float64) - media) / desv


def normalizar_particiones(X_ent, X_pru):
    media, desv = ajustar_normalizacion(np.concatenate([X_ent, X_pru]))
    return aplicar_normalizacion(X_ent, media, desv), aplicar_normalizacion(X_pru, media, desv)
