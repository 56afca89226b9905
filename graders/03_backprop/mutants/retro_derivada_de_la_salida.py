# target: retro_curso, retro_torch
# why: applies the sigmoid-derivative formula f(z)(1 - f(z)) to the outputs y and h, i.e. sigmoide(y)(1 - sigmoide(y))
# why_es: aplica la fórmula de la derivada de la sigmoide f(z)(1 - f(z)) a las salidas y y h, es decir sigmoide(y)(1 - sigmoide(y))
# %% [retropropagar]
def retropropagar(X, D, W1, b1, W2, b2):
    def derivada_sigmoide(z):
        s = sigmoide(z)
        return s * (1 - s)
    N = X.shape[0]
    H, Y = propagar_adelante(X, W1, b1, W2, b2)
    delta2 = (D - Y) * derivada_sigmoide(Y)
    delta1 = (delta2 @ W2.T) * derivada_sigmoide(H)
    return -(X.T @ delta1) / N, -delta1.sum(axis=0) / N, -(H.T @ delta2) / N, -delta2.sum(axis=0) / N
