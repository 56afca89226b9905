# target: binaria_extremos
# why: clips with np.clip(p_pred, EPS, 1 - EPS, out=p_pred), which writes into the caller's array
# why_es: recorta con np.clip(p_pred, EPS, 1 - EPS, out=p_pred), que escribe en el arreglo de quien llama
# %% [entropia_cruzada_binaria]
def entropia_cruzada_binaria(y_real, p_pred):
    """-promedio de y·log(p) + (1 - y)·log(1 - p), con p recortada a [EPS, 1 - EPS]."""
    y = np.asarray(y_real, dtype=float)
    p = np.clip(p_pred, EPS, 1.0 - EPS, out=p_pred)
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))
