# target: numerico_central
# why: uses the forward difference (E(p + eps) - E(p)) / eps, whose error is of order eps instead of eps^2
# why_es: usa la diferencia hacia adelante (E(p + eps) - E(p)) / eps, con error del orden de eps en vez de eps^2
# %% [gradiente_numerico]
def gradiente_numerico(X, D, W1, b1, W2, b2, eps=1e-5):
    parametros = [np.array(p, dtype=float) for p in (W1, b1, W2, b2)]
    base = perdida(X, D, *parametros)
    gradientes = []
    for p in parametros:
        g = np.zeros_like(p)
        for idx in np.ndindex(p.shape):
            viejo = p[idx]
            p[idx] = viejo + eps
            g[idx] = (perdida(X, D, *parametros) - base) / eps
            p[idx] = viejo
        gradientes.append(g)
    return tuple(gradientes)
