# target: l2_curso, l2_valor, l2_gradiente, l2_sesgos
# why: penalises every parameter, biases included, although the notebook says biases are not penalised
# why_es: penaliza todos los parámetros, sesgos incluidos, aunque el notebook dice que los sesgos no se penalizan
# %% [l2]
def agregar_l2(perdida, grads, params, lam):
    total = float(perdida)
    nuevos = {}
    for nombre, valor in params.items():
        total += lam / 2 * np.sum(valor ** 2)
        nuevos[nombre] = grads[nombre] + lam * valor
    return float(total), nuevos
