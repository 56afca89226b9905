# target: mse_propiedades
# why: sums the squared errors over the k outputs of each example and averages over the examples only
# why_es: suma los errores al cuadrado sobre las k salidas de cada ejemplo y promedia solo sobre los ejemplos
# %% [mse]
def mse(y_real, y_pred):
    """Error cuadrático medio: promedio de (y_real - y_pred)^2 sobre todos los elementos."""
    diferencia = np.asarray(y_real, dtype=float) - np.asarray(y_pred, dtype=float)
    return float(np.mean(np.sum(diferencia ** 2, axis=-1)))
