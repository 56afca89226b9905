# target: rmsprop_torch
# why: takes Keras' default beta = 0.9 (rho) instead of torch's 0.99 (everything else right)
# why_es: toma el beta = 0.9 (rho) de Keras por omisión en vez del 0.99 de torch (lo demás está bien)
# %% [rmsprop]
class RMSProp:
    """RMSProp: S <- beta*S + (1 - beta)*g**2;  p <- p - lr*g/(sqrt(S) + eps)."""

    def __init__(self, lr=0.01, beta=0.9, eps=1e-8):
        self.lr = lr
        self.beta = beta
        self.eps = eps
        self.S = None

    def step(self, params, grads):
        if self.S is None:
            self.S = [np.zeros(np.shape(p)) for p in params]
        nuevos = []
        for i, (p, g) in enumerate(zip(params, grads)):
            self.S[i] = self.beta * self.S[i] + (1 - self.beta) * g ** 2
            nuevos.append(p - self.lr * g / (np.sqrt(self.S[i]) + self.eps))
        return nuevos
