# target: normalizacion_uint8
# why: computes the variance as mean(X**2) - media**2 without converting to float, so X**2 wraps around in uint8
# why_es: calcula la varianza como mean(X**2) - media**2 sin pasar a reales, así X**2 se desborda en uint8
# %% [normalizacion]
def ajustar_normalizacion(X):
    media = X.mean(axis=0)
    desv = np.sqrt(np.maximum((X ** 2).mean(axis=0) - media ** 2, 0.0))
    return media, np.where(desv == 0, 1.0, desv)


def aplicar_normalizacion(X, media, desv):
    return (X - media) / desv


def normalizar_particiones(X_ent, X_pru):
    media, desv = ajustar_normalizacion(X_ent)
    return aplicar_normalizacion(X_ent, media, desv), aplicar_normalizacion(X_pru, media, desv)
