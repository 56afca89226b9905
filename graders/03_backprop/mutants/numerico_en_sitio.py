# target: numerico_no_muta
# why: perturbs the caller's arrays in place and "restores" them with += eps, -= 2 eps, += eps (round-off drift)
# why_es: perturba en el lugar los arreglos de quien llama y los «restaura» con += eps, -= 2 eps, += eps (deriva de redondeo)
# %% [gradiente_numerico]
def gradiente_numerico(X, D, W1, b1, W2, b2, eps=1e-5):
    parametros = [W1, b1, W2, b2]
    gradientes = []
    for p in parametros:
        g = np.zeros_like(p)
        for idx in np.ndindex(p.shape):
            p[idx] += eps
            e_mas = perdida(X, D, *parametros)
            p[idx] -= 2 * eps
            e_menos = perdida(X, D, *parametros)
            p[idx] += eps
            g[idx] = (e_mas - e_menos) / (2 * eps)
        gradientes.append(g)
    return tuple(gradientes)
