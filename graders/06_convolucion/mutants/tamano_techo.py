# target: tamano_formula
# why: rounds the division up (ceil) instead of down, counting a last window that does not fit
# %% [tamano_salida]
def tamano_salida(n, k, stride=1, padding=0):
    return int(np.ceil((n + 2 * padding - k) / stride)) + 1
