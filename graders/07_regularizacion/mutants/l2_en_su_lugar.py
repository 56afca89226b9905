# target: l2_no_muta
# why: adds lam*W to the gradients in place (grads[k] += ...), modifying the caller's dictionary
# why_es: suma lam*W a los gradientes en el lugar (grads[k] += ...), modificando el diccionario de quien llama
# %% [l2]
def agregar_l2(perdida, grads, params, lam):
    total = float(perdida)
    for nombre, valor in params.items():
        if nombre.startswith("W"):
            total += lam / 2 * np.sum(valor ** 2)
            grads[nombre] += lam * valor
    return float(total), grads
