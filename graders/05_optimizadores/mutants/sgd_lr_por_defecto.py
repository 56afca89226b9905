# target: sgd_torch
# why: uses Keras's default rate 0.01 instead of torch's 0.001 (the formula is right)
# why_es: usa la tasa por omisión de Keras, 0.01, en vez del 0.001 de torch (la fórmula está bien)
# %% [sgd]
class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def step(self, params, grads):
        return [p - self.lr * g for p, g in zip(params, grads)]
