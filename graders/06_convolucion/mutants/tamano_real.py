# target: tamano_formula
# why: rounds down with np.floor((n + 2p - k) / s) + 1, which gives a float (5.0), not an int usable as a size
# why_es: redondea hacia abajo con np.floor((n + 2p - k) / s) + 1, que da un real (5.0), no un entero que sirva de tamaño
# %% [tamano_salida]
def tamano_salida(n, k, stride=1, padding=0):
    return np.floor((n + 2 * padding - k) / stride) + 1
