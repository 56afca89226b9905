# target: rmsprop_curso, rmsprop_torch
# why: RMSProp with a running sum S = beta*S + g**2 (forgets the (1 - beta) factor)
# why_es: RMSProp con una suma acumulada S = beta*S + g**2 (olvida el factor (1 - beta))
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
            self.S[i] = self.beta * self.S[i] + g ** 2
            nuevos.append(p - self.lr * g / (np.sqrt(self.S[i]) + self.eps))
        return nuevos
