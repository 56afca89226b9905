# target: softmax_eje
# why: always normalises along the last axis and ignores the argument eje
# why_es: normaliza siempre sobre el último eje e ignora el argumento eje
# %% [softmax]
def softmax(z, eje=-1):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)
