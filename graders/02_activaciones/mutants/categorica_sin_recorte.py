# target: categorica_valores, categorica_extremos
# why: takes log(P) without clipping: an exact 0 gives -inf, and 0·log(0) in the wrong classes gives nan
# why_es: toma log(P) sin recortar: un 0 exacto da -inf, y 0·log(0) en las clases incorrectas da nan
# %% [entropia_cruzada_categorica]
def entropia_cruzada_categorica(Y_real, P_pred):
    Y = np.asarray(Y_real, dtype=float)
    P = np.asarray(P_pred, dtype=float)
    return float(-np.mean(np.sum(Y * np.log(P), axis=-1)))
