# target: dropout_atras
# why: draws a new mask in the backward pass instead of reusing the forward one
# why_es: sortea una máscara nueva en la pasada hacia atrás en vez de reutilizar la de adelante
# %% [dropout]
class Dropout:
    def __init__(self, p=0.5, semilla=0):
        self.p = p
        self.rng = np.random.default_rng(semilla)
        self.mascara = None

    def adelante(self, x, entrenando=True):
        x = np.asarray(x, dtype=float)
        self.entrenando = entrenando
        if not entrenando or self.p == 0:
            return x.copy()
        if self.p == 1:
            return np.zeros_like(x)
        return x * (self.rng.random(x.shape) >= self.p) / (1 - self.p)

    def atras(self, dy):
        dy = np.asarray(dy, dtype=float)
        if not self.entrenando or self.p == 0:
            return dy.copy()
        if self.p == 1:
            return np.zeros_like(dy)
        return dy * (self.rng.random(dy.shape) >= self.p) / (1 - self.p)
