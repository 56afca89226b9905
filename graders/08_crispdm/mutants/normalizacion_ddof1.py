# target: normalizacion_curso, normalizacion_estadisticas
# why: uses the sample deviation (ddof=1) instead of the population deviation of np.std
# why_es: usa la desviación muestral (ddof=1) en vez de la poblacional de np.std
# %% [normalizacion]
def ajustar_normalizacion(X):
    X = np.asarray(X, dtype=np.float64)
    desv = X.std(axis=0, ddof=1)
    return X.mean(axis=0), np.where(desv == 0, 1.0, desv)


def aplicar_normalizacion(X, media, desv):
    return (np.asarray(X, dtype=np.float64) - media) / desv


def normalizar_particiones(X_ent, X_pru):
    media, desv = ajustar_normalizacion(X_ent)
    return aplicar_normalizacion(X_ent, media, desv), aplicar_normalizacion(X_pru, media, desv)
