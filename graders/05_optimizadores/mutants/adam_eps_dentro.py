# target: adam_torch
# why: puts eps inside the square root: sqrt(v_hat + eps) instead of sqrt(v_hat) + eps
# why_es: pone eps dentro de la raíz: sqrt(v_hat + eps) en vez de sqrt(v_hat) + eps
# %% [adam]
class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m = None
        self.v = None
        self.t = 0

    def step(self, params, grads):
        if self.m is None:
            self.m = [np.zeros_like(p, dtype=float) for p in params]
            self.v = [np.zeros_like(p, dtype=float) for p in params]
        self.t += 1
        nuevos = []
        for i, (p, g) in enumerate(zip(params, grads)):
            self.m[i] = self.beta1 * self.m[i] + (1 - self.beta1) * g
            self.v[i] = self.beta2 * self.v[i] + (1 - self.beta2) * g ** 2
            m_hat = self.m[i] / (1 - self.beta1 ** self.t)
            v_hat = self.v[i] / (1 - self.beta2 ** self.t)
            nuevos.append(p - self.lr * m_hat / np.sqrt(v_hat + self.eps))
        return nuevos
