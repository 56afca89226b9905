# Alternative correct solution: every update written element by element with plain Python floats
# (np.nditer over each parameter), new arrays returned, parameters never modified, state as lists of lists.
# %% [sgd]
class SGD:
    def __init__(self, lr=0.001):
        self.lr = lr

    def step(self, params, grads):
        salida = []
        for p, g in zip(params, grads):
            nuevo = np.empty(p.shape)
            for idx in np.ndindex(p.shape):
                nuevo[idx] = float(p[idx]) - self.lr * float(g[idx])
            salida.append(nuevo)
        return salida


# %% [momentum]
class Momentum:
    def __init__(self, lr=0.001, beta=0.9):
        self.lr = lr
        self.beta = beta
        self.m = []

    def step(self, params, grads):
        if not self.m:
            self.m = [np.zeros(p.shape) for p in params]
        salida = []
        for p, g, m in zip(params, grads, self.m):
            nuevo = np.empty(p.shape)
            for idx in np.ndindex(p.shape):
                m[idx] = self.beta * m[idx] + (1 - self.beta) * g[idx]
                nuevo[idx] = p[idx] - self.lr * m[idx]
            salida.append(nuevo)
        return salida


# %% [nesterov]
class Nesterov:
    def __init__(self, lr=0.001, beta=0.9):
        self.lr = lr
        self.beta = beta
        self.m = []

    def step(self, params, grads):
        if not self.m:
            self.m = [np.zeros(p.shape) for p in params]
        salida = []
        for p, g, m in zip(params, grads, self.m):
            nuevo = np.empty(p.shape)
            for idx in np.ndindex(p.shape):
                m[idx] = self.beta * m[idx] + (1 - self.beta) * g[idx]
                adelante = self.beta * m[idx] + (1 - self.beta) * g[idx]
                nuevo[idx] = p[idx] - self.lr * adelante
            salida.append(nuevo)
        return salida


# %% [adagrad]
import math


class Adagrad:
    def __init__(self, lr=0.01, eps=1e-10):
        self.lr = lr
        self.eps = eps
        self.S = []

    def step(self, params, grads):
        if not self.S:
            self.S = [np.zeros(p.shape) for p in params]
        salida = []
        for p, g, S in zip(params, grads, self.S):
            nuevo = np.empty(p.shape)
            for idx in np.ndindex(p.shape):
                S[idx] += g[idx] ** 2
                nuevo[idx] = p[idx] - self.lr * g[idx] / (math.sqrt(S[idx]) + self.eps)
            salida.append(nuevo)
        return salida


# %% [adadelta]
import math


class Adadelta:
    def __init__(self, lr=1.0, rho=0.9, eps=1e-6):
        self.lr = lr
        self.rho = rho
        self.eps = eps
        self.Eg2 = []
        self.Edx2 = []

    def step(self, params, grads):
        if not self.Eg2:
            self.Eg2 = [np.zeros(p.shape) for p in params]
            self.Edx2 = [np.zeros(p.shape) for p in params]
        salida = []
        for p, g, Eg2, Edx2 in zip(params, grads, self.Eg2, self.Edx2):
            nuevo = np.empty(p.shape)
            for idx in np.ndindex(p.shape):
                Eg2[idx] = self.rho * Eg2[idx] + (1 - self.rho) * g[idx] ** 2
                dx = math.sqrt(Edx2[idx] + self.eps) / math.sqrt(Eg2[idx] + self.eps) * g[idx]
                Edx2[idx] = self.rho * Edx2[idx] + (1 - self.rho) * dx ** 2
                nuevo[idx] = p[idx] - self.lr * dx
            salida.append(nuevo)
        return salida


# %% [rmsprop]
import math


class RMSProp:
    def __init__(self, lr=0.01, beta=0.99, eps=1e-8):
        self.lr = lr
        self.beta = beta
        self.eps = eps
        self.S = []

    def step(self, params, grads):
        if not self.S:
            self.S = [np.zeros(p.shape) for p in params]
        salida = []
        for p, g, S in zip(params, grads, self.S):
            nuevo = np.empty(p.shape)
            for idx in np.ndindex(p.shape):
                S[idx] = self.beta * S[idx] + (1 - self.beta) * g[idx] ** 2
                nuevo[idx] = p[idx] - self.lr * g[idx] / (math.sqrt(S[idx]) + self.eps)
            salida.append(nuevo)
        return salida


# %% [adam]
import math


class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.t = 0
        self.m = []
        self.v = []

    def step(self, params, grads):
        if not self.m:
            self.m = [np.zeros(p.shape) for p in params]
            self.v = [np.zeros(p.shape) for p in params]
        self.t += 1
        salida = []
        for p, g, m, v in zip(params, grads, self.m, self.v):
            nuevo = np.empty(p.shape)
            for idx in np.ndindex(p.shape):
                m[idx] = self.beta1 * m[idx] + (1 - self.beta1) * g[idx]
                v[idx] = self.beta2 * v[idx] + (1 - self.beta2) * g[idx] ** 2
                m_hat = m[idx] / (1 - self.beta1 ** self.t)
                v_hat = v[idx] / (1 - self.beta2 ** self.t)
                nuevo[idx] = p[idx] - self.lr * m_hat / (math.sqrt(v_hat) + self.eps)
            salida.append(nuevo)
        return salida
