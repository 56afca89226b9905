# target: numerico_curso, numerico_central, numerico_no_muta
# why: divides the central difference by eps instead of 2 eps (every derivative comes out doubled)
# why_es: divide la diferencia central por eps en vez de 2 eps (cada derivada sale al doble)
# %% [gradiente_numerico]
def gradiente_numerico(X, D, W1, b1, W2, b2, eps=1e-5):
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
            g[idx] = (e_mas - e_menos) / eps
        gradientes.append(g)
    return tuple(gradientes)
