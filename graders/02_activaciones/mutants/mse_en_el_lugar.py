# target: mse_propiedades
# why: subtracts in place on the caller's array (y_real -= y_pred) to save a copy
# why_es: resta en el lugar sobre el arreglo de quien llama (y_real -= y_pred) para ahorrar una copia
# %% [mse]
def mse(y_real, y_pred):
    y_real -= y_pred
    return float(np.mean(y_real ** 2))
