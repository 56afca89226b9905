# target: adam_torch, adam_estado
# why: keeps one m and one v for all parameters instead of one per parameter
# why_es: guarda un solo m y un solo v para todos los parámetros en vez de uno por parámetro
# %% [adam]
class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m = 0.0
        self.v = 0.0
        self.t = 0

    def step(self, params, grads):
        self.t += 1
        nuevos = []
        for p, g in zip(params, grads):
            self.m = self.beta1 * np.mean(self.m) + (1 - self.beta1) * g
            self.v = self.beta2 * np.mean(self.v) + (1 - self.beta2) * g ** 2
            m_hat = self.m / (1 - self.beta1 ** self.t)
            v_hat = self.v / (1 - self.beta2 ** self.t)
            nuevos.append(p - self.lr * m_hat / (np.sqrt(v_hat) + self.eps))
        return nuevos
