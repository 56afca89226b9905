# target: adam_curso, adam_torch, adam_primer_paso, adam_defecto
# why: Adam exactly as on the slide: no bias correction (m and v used as they are)
# why_es: Adam tal como en la diapositiva: sin corrección de sesgo (m y v se usan tal cual)
# %% [adam]
class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m = None
        self.v = None

    def step(self, params, grads):
        if self.m is None:
            self.m = [np.zeros_like(p, dtype=float) for p in params]
            self.v = [np.zeros_like(p, dtype=float) for p in params]
        nuevos = []
        for i, (p, g) in enumerate(zip(params, grads)):
            self.m[i] = self.beta1 * self.m[i] + (1 - self.beta1) * g
            self.v[i] = self.beta2 * self.v[i] + (1 - self.beta2) * g ** 2
            nuevos.append(p - self.lr * self.m[i] / (np.sqrt(self.v[i]) + self.eps))
        return nuevos
