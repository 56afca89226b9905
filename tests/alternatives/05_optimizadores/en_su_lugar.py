# Alternative correct solution: a shared base class, state in dicts keyed by position, updates in place
# (params are modified and the same list is returned), Momentum as a velocity, Nesterov written with the
# previous and new averages, and Adam in the paper's "efficient" form (step size and eps folded together).
# %% [sgd]
class SGD:
    def __init__(self, lr=0.001):
        self.lr = lr

    def step(self, params, grads):
        for p, g in zip(params, grads):
            p -= self.lr * g
        return params


# %% [momentum]
class Momentum:
    def __init__(self, lr=0.001, beta=0.9):
        self.lr = lr
        self.beta = beta
        self.velocidad = {}

    def step(self, params, grads):
        for i, (p, g) in enumerate(zip(params, grads)):
            v = self.velocidad.get(i, np.zeros(p.shape))
            v = self.beta * v - (1 - self.beta) * self.lr * g  # v = -lr*m
            self.velocidad[i] = v
            p += v
        return params


# %% [nesterov]
class Nesterov:
    def __init__(self, lr=0.001, beta=0.9):
        self.lr = lr
        self.beta = beta
        self.estado = {}

    def step(self, params, grads):
        for i, (p, g) in enumerate(zip(params, grads)):
            anterior = self.estado.get(i, np.zeros(p.shape))
            nuevo = self.beta * anterior + (1 - self.beta) * g
            self.estado[i] = nuevo
            p -= self.lr * ((1 + self.beta) * nuevo - self.beta * anterior)
        return params


# %% [adagrad]
class Adagrad:
    def __init__(self, lr=0.01, eps=1e-10):
        self.lr = lr
        self.eps = eps
        self.suma = {}

    def step(self, params, grads):
        for i, (p, g) in enumerate(zip(params, grads)):
            s = self.suma.setdefault(i, np.zeros(p.shape))
            s += g * g
            p -= self.lr * g / (np.sqrt(s) + self.eps)
        return params


# %% [adadelta]
class Adadelta:
    def __init__(self, lr=1.0, rho=0.9, eps=1e-6):
        self.lr = lr
        self.rho = rho
        self.eps = eps
        self.estado = {}

    def _rms(self, promedio):
        return np.sqrt(promedio + self.eps)

    def step(self, params, grads):
        for i, (p, g) in enumerate(zip(params, grads)):
            eg2, edx2 = self.estado.setdefault(i, (np.zeros(p.shape), np.zeros(p.shape)))
            eg2 *= self.rho
            eg2 += (1 - self.rho) * g * g
            dx = self._rms(edx2) / self._rms(eg2) * g
            edx2 *= self.rho
            edx2 += (1 - self.rho) * dx * dx
            p -= self.lr * dx
        return params


# %% [rmsprop]
class RMSProp:
    def __init__(self, lr=0.01, beta=0.99, eps=1e-8):
        self.lr = lr
        self.beta = beta
        self.eps = eps
        self.promedio = {}

    def step(self, params, grads):
        for i, (p, g) in enumerate(zip(params, grads)):
            s = self.promedio.setdefault(i, np.zeros(p.shape))
            s *= self.beta
            s += (1 - self.beta) * np.square(g)
            p -= self.lr * g / (np.sqrt(s) + self.eps)
        return params


# %% [adam]
class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.pasos = 0
        self.momentos = {}

    def step(self, params, grads):
        self.pasos += 1
        t = self.pasos
        correccion2 = np.sqrt(1 - self.beta2 ** t)
        tasa = self.lr * correccion2 / (1 - self.beta1 ** t)
        eps_hat = self.eps * correccion2
        for i, (p, g) in enumerate(zip(params, grads)):
            m, v = self.momentos.setdefault(i, (np.zeros(p.shape), np.zeros(p.shape)))
            m *= self.beta1
            m += (1 - self.beta1) * g
            v *= self.beta2
            v += (1 - self.beta2) * g * g
            p -= tasa * m / (np.sqrt(v) + eps_hat)
        return params
