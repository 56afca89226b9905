# target: dropout_semilla
# why: ignores the seed and draws with the global np.random.rand, so equal seeds give different masks
# why_es: ignora la semilla y sortea con np.random.rand global, así semillas iguales dan máscaras distintas
# %% [dropout]
class Dropout:
    def __init__(self, p=0.5, semilla=0):
        self.p = p
        self.mascara = None

    def adelante(self, x, entrenando=True):
        x = np.asarray(x, dtype=float)
        if not entrenando or self.p == 0:
            self.mascara = np.ones_like(x)
        elif self.p == 1:
            self.mascara = np.zeros_like(x)
        else:
            self.mascara = (np.random.rand(*x.shape) >= self.p) / (1 - self.p)
        return x * self.mascara

    def atras(self, dy):
        return dy * self.mascara
