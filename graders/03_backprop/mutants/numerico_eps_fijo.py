# target: numerico_central
# why: ignores the eps it receives and always moves each entry by 1e-5
# why_es: ignora el eps que recibe y siempre mueve cada elemento en 1e-5
# %% [gradiente_numerico]
def gradiente_numerico(X, D, W1, b1, W2, b2, eps=1e-5):
    """Diferencias centrales (E(p + eps) - E(p - eps)) / (2 eps) en cada entrada de cada parámetro."""
    eps = 1e-5
    parametros = [np.array(p, dtype=float) for p in (W1, b1, W2, b2)]
    gradientes = []
    for p in parametros:
        g = np.zeros_like(p)
        for idx in np.ndindex(p.shape):
            viejo = p[idx]
            p[idx] = viejo + eps
            e_mas = perdida(X, D, *parametros)
            p[idx] = viejo - eps
            e_menos = perdida(X, D, *parametros)
            p[idx] = viejo
            g[idx] = (e_mas - e_menos) / (2 * eps)
        gradientes.append(g)
    return tuple(gradientes)
