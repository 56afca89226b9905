# target: rmsprop_torch
# why: puts eps inside the square root: sqrt(S + eps)
# why_es: pone eps dentro de la raíz: sqrt(S + eps)
# %% [rmsprop]
class RMSProp:
    def __init__(self, lr=0.01, beta=0.99, eps=1e-8):
        self.lr, self.beta, self.eps = lr, beta, eps
        self.S = None

    def step(self, params, grads):
        if self.S is None:
            self.S = [np.zeros_like(p, dtype=float) for p in params]
        nuevos = []
        for i, (p, g) in enumerate(zip(params, grads)):
            self.S[i] = self.beta * self.S[i] + (1 - self.beta) * g ** 2
            nuevos.append(p - self.lr * g / np.sqrt(self.S[i] + self.eps))
        return nuevos
