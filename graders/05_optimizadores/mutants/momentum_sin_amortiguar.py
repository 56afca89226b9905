# target: momentum_curso, momentum_torch
# why: Momentum in the Keras/torch buffer form m = beta*m + g, without the lecture's (1 - beta) factor
# why_es: Momentum en la forma del búfer de Keras/torch m = beta*m + g, sin el factor (1 - beta) de la clase
# %% [momentum]
class Momentum:
    def __init__(self, lr=0.001, beta=0.9):
        self.lr, self.beta = lr, beta
        self.m = None

    def step(self, params, grads):
        if self.m is None:
            self.m = [np.zeros_like(p, dtype=float) for p in params]
        nuevos = []
        for i, (p, g) in enumerate(zip(params, grads)):
            self.m[i] = self.beta * self.m[i] + g
            nuevos.append(p - self.lr * self.m[i])
        return nuevos
