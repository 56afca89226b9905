# target: adadelta_torch, adadelta_curso
# why: applies the "eps outside the root" rule to Adadelta too: (sqrt(E[dx²]) + eps)/(sqrt(E[g²]) + eps)
# why_es: aplica a Adadelta la regla de «eps fuera de la raíz»: (sqrt(E[dx²]) + eps)/(sqrt(E[g²]) + eps)
# %% [adadelta]
class Adadelta:
    def __init__(self, lr=1.0, rho=0.9, eps=1e-6):
        self.lr, self.rho, self.eps = lr, rho, eps
        self.Eg2 = None
        self.Edx2 = None

    def step(self, params, grads):
        if self.Eg2 is None:
            self.Eg2 = [np.zeros_like(p, dtype=float) for p in params]
            self.Edx2 = [np.zeros_like(p, dtype=float) for p in params]
        nuevos = []
        for i, (p, g) in enumerate(zip(params, grads)):
            self.Eg2[i] = self.rho * self.Eg2[i] + (1 - self.rho) * g ** 2
            dx = (np.sqrt(self.Edx2[i]) + self.eps) / (np.sqrt(self.Eg2[i]) + self.eps) * g
            self.Edx2[i] = self.rho * self.Edx2[i] + (1 - self.rho) * dx ** 2
            nuevos.append(p - self.lr * dx)
        return nuevos
