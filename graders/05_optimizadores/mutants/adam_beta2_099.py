# target: adam_defecto
# why: takes the slide's default beta2 = 0.99 instead of torch's 0.999 (everything else right)
# why_es: toma el beta2 = 0.99 de la diapositiva en vez del 0.999 de torch (lo demás está bien)
# %% [adam]
class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.99, eps=1e-8):
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
            nuevos.append(p - self.lr * m_hat / (np.sqrt(v_hat) + self.eps))
        return nuevos
