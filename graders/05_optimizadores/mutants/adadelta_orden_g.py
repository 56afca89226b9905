# target: adadelta_torch, adadelta_curso
# why: computes dx before updating E[g²], so each step divides by the previous average of g²
# why_es: calcula dx antes de actualizar E[g²], así cada paso divide por el promedio anterior de g²
# %% [adadelta]
class Adadelta:
    """Adadelta (como torch y el artículo de Zeiler): eps dentro de las dos raíces."""

    def __init__(self, lr=1.0, rho=0.9, eps=1e-6):
        self.lr = lr
        self.rho = rho
        self.eps = eps
        self.Eg2 = None
        self.Edx2 = None

    def step(self, params, grads):
        if self.Eg2 is None:
            self.Eg2 = [np.zeros(np.shape(p)) for p in params]
            self.Edx2 = [np.zeros(np.shape(p)) for p in params]
        nuevos = []
        for i, (p, g) in enumerate(zip(params, grads)):
            dx = np.sqrt(self.Edx2[i] + self.eps) / np.sqrt(self.Eg2[i] + self.eps) * g
            self.Eg2[i] = self.rho * self.Eg2[i] + (1 - self.rho) * g ** 2
            self.Edx2[i] = self.rho * self.Edx2[i] + (1 - self.rho) * dx ** 2
            nuevos.append(p - self.lr * dx)
        return nuevos
