# target: normalizacion_uint8
# why: walks the columns with n, d = X.shape: right for rows such as D's, but the images of A, B and C, (n, 28, 28) or (n, 32, 32, 3), have one statistic per pixel and channel
# why_es: recorre las columnas con n, d = X.shape: sirve para filas como las de D, pero las imágenes de A, B y C, (n, 28, 28) o (n, 32, 32, 3), tienen una estadística por píxel y canal
# %% [normalizacion]
def ajustar_normalizacion(X):
    X = np.asarray(X, dtype=np.float64)
    n, d = X.shape
    media, desv = np.zeros(d), np.ones(d)
    for j in range(d):
        media[j] = X[:, j].mean()
        if X[:, j].max() > X[:, j].min():
            desv[j] = X[:, j].std()
    return media, desv


def aplicar_normalizacion(X, media, desv):
    return (np.asarray(X, dtype=np.float64) - media) / desv


def normalizar_particiones(X_ent, X_pru):
    media, desv = ajustar_normalizacion(X_ent)
    return aplicar_normalizacion(X_ent, media, desv), aplicar_normalizacion(X_pru, media, desv)
