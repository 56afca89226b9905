# target: l2_curso, l2_gradiente, l2_diferencias
# why: the penalty is lam/2 * sum(W**2) but the gradient added is 2*lam*W (derivative of the wrong form)
# why_es: la penalización es lam/2 * sum(W**2) pero el gradiente sumado es 2*lam*W (la derivada de la otra forma)
# %% [l2]
def agregar_l2(perdida, grads, params, lam):
    total = float(perdida)
    nuevos = {}
    for nombre, valor in params.items():
        if nombre.startswith("W"):
            total += lam / 2 * np.sum(valor ** 2)
            nuevos[nombre] = grads[nombre] + 2 * lam * valor
        else:
            nuevos[nombre] = grads[nombre].copy()
    return float(total), nuevos
