# target: duplicar_valores
# why: converts each element with float(), which only works on vectors (a matrix's element is a row)
# why_es: convierte cada elemento con float(), que solo sirve con vectores (un elemento de una matriz es una fila)

# %% [duplicar]
def duplicar(x):
    return np.array([2.0 * float(v) for v in x])
