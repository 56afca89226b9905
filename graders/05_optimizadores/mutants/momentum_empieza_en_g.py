# target: momentum_curso, momentum_torch
# why: starts the average at the first gradient (m = g) instead of at zero, as torch's buffer does
# why_es: empieza el promedio en el primer gradiente (m = g) en vez de en cero, como el búfer de torch
# %% [momentum]
class Momentum:
    def __init__(self, lr=0.001, beta=0.9):
        self.lr, self.beta = lr, beta
        self.m = None

    def step(self, params, grads):
        if self.m is None:
            self.m = [np.array(g, dtype=float) for g in grads]
        else:
            self.m = [self.beta * m + (1 - self.beta) * g for m, g in zip(self.m, grads)]
        return [p - self.lr * m for p, m in zip(params, self.m)]
