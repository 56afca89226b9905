# target: l2_curso, l2_valor
# why: returns only the penalty as perdida_total, without adding the data loss it received
# why_es: devuelve solo la penalización como perdida_total, sin sumar la pérdida de los datos que recibió
# %% [l2]
def agregar_l2(perdida, grads, params, lam):
    total = 0.0
    nuevos = {}
    for nombre, valor in params.items():
        if nombre.startswith("W"):
            total += lam / 2 * np.sum(valor ** 2)
            nuevos[nombre] = grads[nombre] + lam * valor
        else:
            nuevos[nombre] = grads[nombre].copy()
    return float(total), nuevos
