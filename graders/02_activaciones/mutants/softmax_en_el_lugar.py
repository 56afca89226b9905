# target: softmax_valores
# why: subtracts the maximum in place (z -= ...), modifying the caller's array
# why_es: resta el máximo en el lugar (z -= ...), modificando el arreglo de quien llama
# %% [softmax]
def softmax(z, eje=-1):
    z -= np.max(z, axis=eje, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=eje, keepdims=True)
