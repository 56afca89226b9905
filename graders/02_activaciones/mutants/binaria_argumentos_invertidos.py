# target: binaria_curso, binaria_valores
# why: swaps the roles of the arguments, computing the loss of y_real as if it were the prediction
# why_es: intercambia los argumentos: calcula la pérdida de y_real como si fuera la predicción
# %% [entropia_cruzada_binaria]
def entropia_cruzada_binaria(y_real, p_pred):
    p = np.clip(np.asarray(y_real, dtype=float), EPS, 1.0 - EPS)
    y = np.asarray(p_pred, dtype=float)
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))
