# target: dropout_semilla
# why: creates the generator from the seed inside adelante, so every call draws the same mask
# why_es: crea el generador con la semilla dentro de adelante, así cada llamada sortea la misma máscara
# %% [dropout]
class Dropout:
    def __init__(self, p=0.5, semilla=0):
        self.p = p
        self.semilla = semilla
        self.mascara = None

    def adelante(self, x, entrenando=True):
        x = np.asarray(x, dtype=float)
        if not entrenando or self.p == 0:
            self.mascara = np.ones_like(x)
        elif self.p == 1:
            self.mascara = np.zeros_like(x)
        else:
            rng = np.random.default_rng(self.semilla)
            self.mascara = (rng.random(x.shape) >= self.p) / (1 - self.p)
        return x * self.mascara

    def atras(self, dy):
        return dy * self.mascara
