# target: binaria_valores, binaria_extremos
# why: takes log(p) and log(1 - p) without clipping: p = 0 or 1 gives -inf, and 0·log(0) gives nan
# why_es: toma log(p) y log(1 - p) sin recortar: p = 0 o 1 da -inf, y 0·log(0) da nan
# %% [entropia_cruzada_binaria]
def entropia_cruzada_binaria(y_real, p_pred):
    y = np.asarray(y_real, dtype=float)
    p = np.asarray(p_pred, dtype=float)
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))
