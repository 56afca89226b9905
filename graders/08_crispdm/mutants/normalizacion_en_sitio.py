# target: normalizacion_estadisticas
# why: normalises in place (X -= media; X /= desv) after np.asarray, which does not copy a float64 array
# why_es: normaliza en el lugar (X -= media; X /= desv) tras np.asarray, que no copia un arreglo float64
# %% [normalizacion]
def ajustar_normalizacion(X):
    """Media y desviación estándar (ddof=0) de cada columna; 1 en una columna constante (máximo igual al mínimo)."""
    X = np.asarray(X, dtype=np.float64)
    media = X.mean(axis=0)
    constante = X.max(axis=0) == X.min(axis=0)  # np.std de valores iguales puede dar 1e-17 en vez de 0
    return media, np.where(constante, 1.0, X.std(axis=0))


def aplicar_normalizacion(X, media, desv):
    """(X - media) / desv en float64, columna a columna."""
    X = np.asarray(X, dtype=np.float64)
    X -= media
    X /= desv
    return X


def normalizar_particiones(X_ent, X_pru):
    """Normaliza entrenamiento y prueba con las estadísticas de entrenamiento solamente."""
    media, desv = ajustar_normalizacion(X_ent)
    return aplicar_normalizacion(X_ent, media, desv), aplicar_normalizacion(X_pru, media, desv)
