# target: actualizar_no_muta
# why: updates the received arrays in place (p -= eta * g) and returns them, changing the caller's parameters
# why_es: actualiza en el lugar los arreglos recibidos (p -= eta * g) y los devuelve, cambiando los parámetros de quien llama
# %% [actualizar]
def actualizar(parametros, gradientes, eta):
    for p, g in zip(parametros, gradientes):
        p -= eta * g
    return tuple(parametros)
