# target: nesterov_curso, nesterov_torch
# why: Nesterov written as plain Momentum (steps with m, without looking ahead)
# why_es: Nesterov escrito como Momentum simple (avanza con m, sin mirar adelante)
# %% [nesterov]
class Nesterov:
    def __init__(self, lr=0.001, beta=0.9):
        self.lr, self.beta = lr, beta
        self.m = None

    def step(self, params, grads):
        if self.m is None:
            self.m = [np.zeros_like(p, dtype=float) for p in params]
        nuevos = []
        for i, (p, g) in enumerate(zip(params, grads)):
            self.m[i] = self.beta * self.m[i] + (1 - self.beta) * g
            nuevos.append(p - self.lr * self.m[i])
        return nuevos
