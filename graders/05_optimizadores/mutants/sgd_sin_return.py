# target: sgd_curso, sgd_torch
# why: updates the parameters in place but forgets to return them (step returns None)
# why_es: actualiza los parámetros en el lugar pero olvida devolverlos (step devuelve None)
# %% [sgd]
class SGD:
    def __init__(self, lr=0.001):
        self.lr = lr

    def step(self, params, grads):
        for p, g in zip(params, grads):
            p -= self.lr * g
