# target: adam_torch
# why: keys each parameter's state by id(p): the arrays step receives are new objects at each call, so the state starts over (every step is a first step: adam_torch sees it; adam_estado compares a parameter with itself optimised alone, which restarts the same way)
# why_es: indexa el estado de cada parámetro por id(p): los arreglos que recibe step son objetos nuevos en cada llamada, así el estado vuelve a empezar
# %% [adam]
class Adam:
    """Adam con corrección de sesgo: m, v promedios de g y g**2;  p <- p - lr*m_hat/(sqrt(v_hat) + eps)."""

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.m = {}
        self.v = {}
        self.t = 0

    def step(self, params, grads):
        self.t += 1
        nuevos = []
        for p, g in zip(params, grads):
            i = id(p)
            self.m.setdefault(i, np.zeros(np.shape(p)))
            self.v.setdefault(i, np.zeros(np.shape(p)))
            self.m[i] = self.beta1 * self.m[i] + (1 - self.beta1) * g
            self.v[i] = self.beta2 * self.v[i] + (1 - self.beta2) * g ** 2
            m_hat = self.m[i] / (1 - self.beta1 ** self.t)
            v_hat = self.v[i] / (1 - self.beta2 ** self.t)
            nuevos.append(p - self.lr * m_hat / (np.sqrt(v_hat) + self.eps))
        return nuevos
