# target: dropout_extremos
# why: no special case for p = 1: divides by 1 - p = 0 (ZeroDivisionError, or nan with NumPy floats)
# why_es: no trata aparte p = 1: divide por 1 - p = 0 (ZeroDivisionError, o nan con reales de NumPy)
# %% [dropout]
class Dropout:
    def __init__(self, p=0.5, semilla=0):
        self.p = p
        self.rng = np.random.default_rng(semilla)
        self.mascara = None

    def adelante(self, x, entrenando=True):
        x = np.asarray(x, dtype=float)
        if not entrenando:
            self.mascara = np.ones_like(x)
        else:
            self.mascara = (self.rng.random(x.shape) >= self.p) * (1 / (1 - self.p))
        return x * self.mascara

    def atras(self, dy):
        return dy * self.mascara
