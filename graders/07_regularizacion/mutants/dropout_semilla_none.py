# target: dropout_semilla
# why: the seed defaults to None, so Dropout() draws a different mask in every layer instead of the same as Dropout(0.5, 0)
# why_es: la semilla vale None por omisión, así Dropout() sortea una máscara distinta en cada capa en vez de la misma que Dropout(0.5, 0)
# %% [dropout]
class Dropout:
    """Dropout invertido: p es la probabilidad de APAGAR cada unidad; escala 1/(1 - p) al entrenar."""

    def __init__(self, p=0.5, semilla=None):
        self.p = p
        self.rng = np.random.default_rng(seed=semilla)
        self.mascara = None

    def adelante(self, x, entrenando=True):
        x = np.asarray(x, dtype=float)
        if not entrenando or self.p == 0:
            self.mascara = np.ones_like(x)
        elif self.p == 1:
            self.mascara = np.zeros_like(x)
        else:
            self.mascara = (self.rng.random(x.shape) >= self.p) / (1 - self.p)
        return x * self.mascara

    def atras(self, dy):
        return np.asarray(dy, dtype=float) * self.mascara
