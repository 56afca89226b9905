# target: l2_curso, l2_valor, l2_gradiente
# why: uses Keras' l2 form lam * sum(W**2) with gradient 2*lam*W instead of the notebook's lam/2 convention
# why_es: usa la forma l2 de Keras lam * sum(W**2) con gradiente 2*lam*W en vez de la convención lam/2 del notebook
# %% [l2]
def agregar_l2(perdida, grads, params, lam):
    total = float(perdida)
    nuevos = {}
    for nombre, valor in params.items():
        if nombre.startswith("W"):
            total += lam * np.sum(valor ** 2)
            nuevos[nombre] = grads[nombre] + 2 * lam * valor
        else:
            nuevos[nombre] = grads[nombre].copy()
    return float(total), nuevos
