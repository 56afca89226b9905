# target: adadelta_torch, adadelta_curso
# why: Adadelta without the E[dx²] accumulator: the numerator stays sqrt(eps) at every step
# why_es: Adadelta sin el acumulador E[dx²]: el numerador queda en sqrt(eps) en cada paso
# %% [adadelta]
class Adadelta:
    def __init__(self, lr=1.0, rho=0.9, eps=1e-6):
        self.lr, self.rho, self.eps = lr, rho, eps
        self.Eg2 = None

    def step(self, params, grads):
        if self.Eg2 is None:
            self.Eg2 = [np.zeros_like(p, dtype=float) for p in params]
        nuevos = []
        for i, (p, g) in enumerate(zip(params, grads)):
            self.Eg2[i] = self.rho * self.Eg2[i] + (1 - self.rho) * g ** 2
            dx = np.sqrt(self.eps) / np.sqrt(self.Eg2[i] + self.eps) * g
            nuevos.append(p - self.lr * dx)
        return nuevos
