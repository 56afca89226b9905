# target: dropout_atras
# why: the backward pass reuses the 0/1 mask but forgets the 1/(1 - p) scaling
# why_es: la pasada hacia atrás reutiliza la máscara 0/1 pero olvida la escala 1/(1 - p)
# %% [dropout]
class Dropout:
    def __init__(self, p=0.5, semilla=0):
        self.p = p
        self.rng = np.random.default_rng(semilla)
        self.mascara = None

    def adelante(self, x, entrenando=True):
        x = np.asarray(x, dtype=float)
        if not entrenando or self.p == 0:
            self.mascara = np.ones_like(x)
            return x.copy()
        if self.p == 1:
            self.mascara = np.zeros_like(x)
            return np.zeros_like(x)
        self.mascara = (self.rng.random(x.shape) >= self.p).astype(float)
        return x * self.mascara / (1 - self.p)

    def atras(self, dy):
        return dy * self.mascara
