# Reference solution of assignment 05 (optimizers), one block per solution cell of the notebook.
# Hidden: never shipped to students. The graders load it in the broker.

import numpy as np

# %% [sgd]
class SGD:
    """Descenso de gradiente: p <- p - lr * g."""

    def __init__(self, lr=0.001):
        self.lr = lr

    def step(self, params, grads):
        return [p - self.lr * g for p, g in zip(params, grads)]


# %% [momentum]
class Momentum:
    """Momentum en la forma de la clase: m <- beta*m + (1 - beta)*g;  p <- p - lr*m (m parte en 0)."""

    def __init__(self, lr=0.001, beta=0.9):
        self.lr = lr
        self.beta = beta
        self.m = None

    def step(self, params, grads):
        if self.m is None:
            self.m = [np.zeros(np.shape(p)) for p in params]
        nuevos = []
        for i, (p, g) in enumerate(zip(params, grads)):
            self.m[i] = self.beta * self.m[i] + (1 - self.beta) * g
            nuevos.append(p - self.lr * self.m[i])
        return nuevos


# %% [nesterov]
class Nesterov:
    """Nesterov en la forma de la clase: m <- beta*m + (1 - beta)*g;  p <- p - lr*(beta*m + (1 - beta)*g)."""

    def __init__(self, lr=0.001, beta=0.9):
        self.lr = lr
        self.beta = beta
        self.m = None

    def step(self, params, grads):
        if self.m is None:
            self.m = [np.zeros(np.shape(p)) for p in params]
        nuevos = []
        for i, (p, g) in enumerate(zip(params, grads)):
            self.m[i] = self.beta * self.m[i] + (1 - self.beta) * g
            nuevos.append(p - self.lr * (self.beta * self.m[i] + (1 - self.beta) * g))
        return nuevos


# %% [adagrad]
class Adagrad:
    """Adagrad: S <- S + g**2;  p <- p - lr*g/(sqrt(S) + eps)."""

    def __init__(self, lr=0.01, eps=1e-10):
        self.lr = lr
        self.eps = eps
        self.S = None

    def step(self, params, grads):
        if self.S is None:
            self.S = [np.zeros(np.shape(p)) for p in params]
        nuevos = []
        for i, (p, g) in enumerate(zip(params, grads)):
            self.S[i] = self.S[i] + g ** 2
            nuevos.append(p - self.lr * g / (np.sqrt(self.S[i]) + self.eps))
        return nuevos


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
            self.Eg2[i] = self.rho * self.Eg2[i] + (1 - self.rho) * g ** 2
            dx = np.sqrt(self.Edx2[i] + self.eps) / np.sqrt(self.Eg2[i] + self.eps) * g
            self.Edx2[i] = self.rho * self.Edx2[i] + (1 - self.rho) * dx ** 2
            nuevos.append(p - self.lr * dx)
        return nuevos


# %% [rmsprop]
class RMSProp:
    """RMSProp: S <- beta*S + (1 - beta)*g**2;  p <- p - lr*g/(sqrt(S) + eps)."""

    def __init__(self, lr=0.01, beta=0.99, eps=1e-8):
        self.lr = lr
        self.beta = beta
        self.eps = eps
        self.S = None

    def step(self, params, grads):
        if self.S is None:
            self.S = [np.zeros(np.shape(p)) for p in params]
        nuevos = []
        for i, (p, g) in enumerate(zip(params, grads)):
            self.S[i] = self.beta * self.S[i] + (1 - self.beta) * g ** 2
            nuevos.append(p - self.lr * g / (np.sqrt(self.S[i]) + self.eps))
        return nuevos


# %% [adam]
class Adam:
    """Adam con corrección de sesgo: m, v promedios de g y g**2;  p <- p - lr*m_hat/(sqrt(v_hat) + eps)."""

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.m = None
        self.v = None
        self.t = 0

    def step(self, params, grads):
        if self.m is None:
            self.m = [np.zeros(np.shape(p)) for p in params]
            self.v = [np.zeros(np.shape(p)) for p in params]
        self.t += 1
        nuevos = []
        for i, (p, g) in enumerate(zip(params, grads)):
            self.m[i] = self.beta1 * self.m[i] + (1 - self.beta1) * g
            self.v[i] = self.beta2 * self.v[i] + (1 - self.beta2) * g ** 2
            m_hat = self.m[i] / (1 - self.beta1 ** self.t)
            v_hat = self.v[i] / (1 - self.beta2 ** self.t)
            nuevos.append(p - self.lr * m_hat / (np.sqrt(v_hat) + self.eps))
        return nuevos
