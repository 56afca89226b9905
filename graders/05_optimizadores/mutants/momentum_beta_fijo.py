# target: momentum_beta_cero, momentum_torch
# why: ignores the beta argument and always uses 0.9
# why_es: ignora el argumento beta y siempre usa 0.9
# %% [momentum]
class Momentum:
    def __init__(self, lr=0.001, beta=0.9):
        self.lr = lr
        self.m = None

    def step(self, params, grads):
        if self.m is None:
            self.m = [np.zeros_like(p, dtype=float) for p in params]
        nuevos = []
        for i, (p, g) in enumerate(zip(params, grads)):
            self.m[i] = 0.9 * self.m[i] + 0.1 * g
            nuevos.append(p - self.lr * self.m[i])
        return nuevos
