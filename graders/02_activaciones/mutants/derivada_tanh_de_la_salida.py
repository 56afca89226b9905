# target: derivada_tanh_curso, derivada_tanh_diferencias
# why: treats the argument as the output tanh(x) and returns 1 - x^2 instead of 1 - tanh(x)^2
# why_es: toma el argumento como la salida tanh(x) y devuelve 1 - x^2 en vez de 1 - tanh(x)^2
# %% [tanh_]
def tanh_(x):
    return np.tanh(np.asarray(x, dtype=float))


def derivada_tanh(x):
    x = np.asarray(x, dtype=float)
    return 1.0 - x ** 2
