# target: l2_curso, l2_gradiente, l2_diferencias
# why: returns only the penalty's gradient lam*W for the weights, forgetting the gradient of the data loss
# why_es: devuelve solo el gradiente de la penalización lam*W para los pesos y olvida el gradiente de la pérdida de los datos
# %% [l2]
def agregar_l2(perdida, grads, params, lam):
    total = float(perdida)
    nuevos = {}
    for nombre, valor in params.items():
        if nombre.startswith("W"):
            total += lam / 2 * np.sum(valor ** 2)
            nuevos[nombre] = lam * valor
        else:
            nuevos[nombre] = grads[nombre].copy()
    return float(total), nuevos
