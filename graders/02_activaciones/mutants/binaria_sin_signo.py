# target: binaria_curso, binaria_valores
# why: copies the slide's formula without the leading minus sign, so the loss is negative
# why_es: copia la fórmula de la diapositiva sin el signo menos inicial, así la pérdida sale negativa
# %% [entropia_cruzada_binaria]
def entropia_cruzada_binaria(y_real, p_pred):
    y = np.asarray(y_real, dtype=float)
    p = np.clip(np.asarray(p_pred, dtype=float), EPS, 1.0 - EPS)
    return float(np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))
