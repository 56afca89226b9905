# target: duplicar_reales
# why: returns single precision
# why_es: devuelve precisión simple

# %% [duplicar]
def duplicar(x):
    return (2.0 * np.asarray(x, dtype=np.float64)).astype(np.float32)
