# target: adagrad_torch
# why: puts eps inside the square root: sqrt(S + eps)
# why_es: pone eps dentro de la raíz: sqrt(S + eps)
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
            self.S[i] = self.S[i] + g ** 2
            nuevos.append(p - self.lr * g / np.sqrt(self.S[i] + self.eps))
        return nuevos
