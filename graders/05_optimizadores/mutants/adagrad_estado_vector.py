# target: adagrad_torch
# why: creates the accumulator with np.zeros(len(p)), a vector: a matrix parameter cannot be updated
# why_es: crea el acumulador con np.zeros(len(p)), un vector: un parámetro matricial no se puede actualizar
# %% [adagrad]
class Adagrad:
    """Adagrad: S <- S + g**2;  p <- p - lr*g/(sqrt(S) + eps)."""

    def __init__(self, lr=0.01, eps=1e-10):
        self.lr = lr
        self.eps = eps
        self.S = None

    def step(self, params, grads):
        if self.S is None:
            self.S = [np.zeros(len(p)) for p in params]
        nuevos = []
        for i, (p, g) in enumerate(zip(params, grads)):
            self.S[i] = self.S[i] + g ** 2
            nuevos.append(p - self.lr * g / (np.sqrt(self.S[i]) + self.eps))
        return nuevos
