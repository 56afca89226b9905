# target: sgd_torch
# why: uses Keras's default rate 0.01 instead of torch's 0.001 (the formula is right)
# %% [sgd]
class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def step(self, params, grads):
        return [p - self.lr * g for p, g in zip(params, grads)]
