# target: dropout_curso, dropout_valores, dropout_media
# why: forgets the inverted-dropout scaling: kept units are not divided by (1 - p)
# why_es: olvida la escala del dropout invertido: las unidades que quedan no se dividen por (1 - p)
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
            self.mascara = (self.rng.random(x.shape) >= self.p).astype(float)
        return x * self.mascara

    def atras(self, dy):
        return dy * self.mascara
