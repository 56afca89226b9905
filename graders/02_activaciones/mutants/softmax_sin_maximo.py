# target: softmax_estable
# why: exponentiates z directly without subtracting the maximum: e^1000 is inf and inf/inf is nan
# why_es: exponencia z directamente sin restar el máximo: e^1000 es inf e inf/inf es nan
# %% [softmax]
def softmax(z, eje=-1):
    e = np.exp(np.asarray(z, dtype=float))
    return e / np.sum(e, axis=eje, keepdims=True)
