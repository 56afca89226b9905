# target: mse_curso, mse_propiedades
# why: sums the squared errors instead of averaging them
# why_es: suma los errores al cuadrado en vez de promediarlos
# %% [mse]
def mse(y_real, y_pred):
    return float(np.sum((np.asarray(y_real, dtype=float) - np.asarray(y_pred, dtype=float)) ** 2))
