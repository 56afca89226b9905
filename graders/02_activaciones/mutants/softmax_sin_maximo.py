# target: softmax_estable
# why: exponentiates z directly without subtracting the maximum: e^1000 is inf and inf/inf is nan
# %% [softmax]
def softmax(z, eje=-1):
    e = np.exp(np.asarray(z, dtype=float))
    return e / np.sum(e, axis=eje, keepdims=True)
