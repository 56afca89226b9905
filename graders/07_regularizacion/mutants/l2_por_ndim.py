# target: l2_valor, l2_gradiente
# why: decides weight or bias by the array's shape (matrices are weights, vectors biases) instead of the W/b prefix
# why_es: decide si es peso o sesgo por la forma del arreglo (matrices pesos, vectores sesgos) en vez del prefijo W/b
# %% [l2]
def agregar_l2(perdida, grads, params, lam):
    """Suma lam/2 * (suma de W**2 de los pesos) a la pérdida y lam * W a sus gradientes; sesgos sin cambio."""
    total = float(perdida)
    nuevos = {}
    for nombre, valor in params.items():
        g = np.array(grads[nombre], dtype=float, copy=True)
        if np.ndim(valor) >= 2:
            W = np.asarray(valor, dtype=float)
            total += lam / 2 * np.sum(W ** 2)
            g = g + lam * W
        nuevos[nombre] = g
    return float(total), nuevos
