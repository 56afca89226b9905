# target: momentum_torch, momentum_curso
# why: steps with the previous m and updates m afterwards (p - lr*m, then m = beta*m + (1 - beta)*g)
# why_es: avanza con el m anterior y actualiza m después (p - lr*m, luego m = beta*m + (1 - beta)*g)
# %% [momentum]
class Momentum:
    """Momentum en la forma de la clase: m <- beta*m + (1 - beta)*g;  p <- p - lr*m (m parte en 0)."""

    def __init__(self, lr=0.001, beta=0.9):
        self.lr = lr
        self.beta = beta
        self.m = None

    def step(self, params, grads):
        if self.m is None:
            self.m = [np.zeros(np.shape(p)) for p in params]
        nuevos = []
        for i, (p, g) in enumerate(zip(params, grads)):
            nuevos.append(p - self.lr * self.m[i])
            self.m[i] = self.beta * self.m[i] + (1 - self.beta) * g
        return nuevos
