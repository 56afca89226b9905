# target: adagrad_curso, adagrad_torch
# why: Adagrad with a decaying average of g**2 (that is RMSProp) instead of the plain running sum
# why_es: Adagrad con un promedio que decae de g**2 (eso es RMSProp) en vez de la suma acumulada
# %% [adagrad]
class Adagrad:
    def __init__(self, lr=0.01, eps=1e-10):
        self.lr, self.eps = lr, eps
        self.S = None

    def step(self, params, grads):
        if self.S is None:
            self.S = [np.zeros_like(p, dtype=float) for p in params]
        nuevos = []
        for i, (p, g) in enumerate(zip(params, grads)):
            self.S[i] = 0.9 * self.S[i] + 0.1 * g ** 2
            nuevos.append(p - self.lr * g / (np.sqrt(self.S[i]) + self.eps))
        return nuevos
