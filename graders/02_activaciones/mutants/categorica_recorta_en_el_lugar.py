# target: categorica_extremos
# why: clips with np.clip(P_pred, EPS, 1, out=P_pred), which writes into the caller's array
# why_es: recorta con np.clip(P_pred, EPS, 1, out=P_pred), que escribe en el arreglo de quien llama
# %% [entropia_cruzada_categorica]
def entropia_cruzada_categorica(Y_real, P_pred):
    """-promedio sobre los ejemplos de la suma de Y·log(P), con P recortada a [EPS, 1]."""
    Y = np.asarray(Y_real, dtype=float)
    P = np.clip(P_pred, EPS, 1.0, out=P_pred)
    return float(-np.mean(np.sum(Y * np.log(P), axis=-1)))
