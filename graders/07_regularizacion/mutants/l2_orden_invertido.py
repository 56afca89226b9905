# target: l2_curso, l2_valor
# why: returns the tuple in the other order, (grads_totales, perdida_total)
# why_es: devuelve la tupla en el otro orden, (grads_totales, perdida_total)
# %% [l2]
def agregar_l2(perdida, grads, params, lam):
    """Suma lam/2 * (suma de W**2 de los pesos) a la pérdida y lam * W a sus gradientes; sesgos sin cambio."""
    total = float(perdida)
    nuevos = {}
    for nombre, valor in params.items():
        g = np.array(grads[nombre], dtype=float, copy=True)
        if nombre.startswith("W"):
            W = np.asarray(valor, dtype=float)
            total += lam / 2 * np.sum(W ** 2)
            g = g + lam * W
        nuevos[nombre] = g
    return nuevos, float(total)
