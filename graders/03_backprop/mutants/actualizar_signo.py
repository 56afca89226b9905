# target: actualizar_curso, actualizar_valores, entrenar_xor_curso, entrenar_pesos
# why: moves along the gradient (p + eta * g), so gradient ascent makes the error grow
# %% [actualizar]
def actualizar(parametros, gradientes, eta):
    return tuple(p + eta * g for p, g in zip(parametros, gradientes))
