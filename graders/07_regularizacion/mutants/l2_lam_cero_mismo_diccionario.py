# target: l2_no_muta
# why: with lam = 0 there is nothing to add, so it returns the grads dictionary it received (the caller's own)
# why_es: con lam = 0 no hay nada que sumar y devuelve el diccionario grads que recibió (el de quien llama)
# %% [l2]
def agregar_l2(perdida, grads, params, lam):
    """Suma lam/2 * (suma de W**2 de los pesos) a la pérdida y lam * W a sus gradientes; sesgos sin cambio."""
    total = float(perdida)
    if lam == 0:
        return total, grads
    nuevos = {}
    for nombre, valor in params.items():
        g = np.array(grads[nombre], dtype=float, copy=True)
        if nombre.startswith("W"):
            W = np.asarray(valor, dtype=float)
            total += lam / 2 * np.sum(W ** 2)
            g = g + lam * W
        nuevos[nombre] = g
    return float(total), nuevos
