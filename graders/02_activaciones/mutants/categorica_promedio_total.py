# target: categorica_curso, categorica_valores
# why: averages over every element (n·K) instead of summing over the classes and averaging over the examples
# why_es: promedia sobre todos los elementos (n·K) en vez de sumar sobre las clases y promediar sobre los ejemplos
# %% [entropia_cruzada_categorica]
def entropia_cruzada_categorica(Y_real, P_pred):
    Y = np.asarray(Y_real, dtype=float)
    P = np.clip(np.asarray(P_pred, dtype=float), EPS, 1.0)
    return float(-np.mean(Y * np.log(P)))
