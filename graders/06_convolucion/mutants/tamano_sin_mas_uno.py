# target: tamano_curso, tamano_formula
# why: forgets the + 1 of the output-size formula
# why_es: olvida el + 1 de la fórmula del tamaño de salida
# %% [tamano_salida]
def tamano_salida(n, k, stride=1, padding=0):
    return (n + 2 * padding - k) // stride
