# target: tamano_formula
# why: rounds the division up (ceil) instead of down, counting a last window that does not fit
# why_es: redondea la división hacia arriba (techo) en vez de hacia abajo y cuenta una última ventana que no cabe
# %% [tamano_salida]
def tamano_salida(n, k, stride=1, padding=0):
    return int(np.ceil((n + 2 * padding - k) / stride)) + 1
