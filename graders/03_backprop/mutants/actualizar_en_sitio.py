# target: actualizar_no_muta, entrenar_no_muta
# why: updates the received arrays in place (p -= eta * g) and returns them, changing the caller's parameters
# %% [actualizar]
def actualizar(parametros, gradientes, eta):
    for p, g in zip(parametros, gradientes):
        p -= eta * g
    return tuple(parametros)
