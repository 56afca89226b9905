# target: duplicar_curso, duplicar_valores
# why: loses the sign
# why_es: pierde el signo

# %% [duplicar]
def duplicar(x):
    return 2.0 * np.abs(np.asarray(x, dtype=np.float64))
