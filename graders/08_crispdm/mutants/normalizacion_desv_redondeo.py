# target: normalizacion_estadisticas
# why: replaces only a deviation that is exactly 0: np.std of a constant column of decimals is 1e-17, so that column ends up at ±1
# why_es: reemplaza solo una desviación exactamente 0: np.std de una columna constante de decimales da 1e-17, así esa columna termina en ±1
# %% [normalizacion]
def ajustar_normalizacion(X):
    """Media y desviación estándar (ddof=0) de cada columna; 1 en una columna constante (máximo igual al mínimo)."""
    X = np.asarray(X, dtype=np.float64)
    media = X.mean(axis=0)
    desv = X.std(axis=0)
    return media, np.where(desv == 0, 1.0, desv)


def aplicar_normalizacion(X, media, desv):
    """(X - media) / desv en float64, columna a columna."""
    return (np.asarray(X, dtype=np.float64) - media) / desv


def normalizar_particiones(X_ent, X_pru):
    """Normaliza entrenamiento y prueba con las estadísticas de entrenamiento solamente."""
    media, desv = ajustar_normalizacion(X_ent)
    return aplicar_normalizacion(X_ent, media, desv), aplicar_normalizacion(X_pru, media, desv)
