# target: dropout_curso_evaluacion, dropout_evaluacion
# why: ignores entrenando: drops units at evaluation too
# why_es: ignora entrenando: apaga unidades también en evaluación
# %% [dropout]
class Dropout:
    def __init__(self, p=0.5, semilla=0):
        self.p = p
        self.rng = np.random.default_rng(semilla)
        self.mascara = None

    def adelante(self, x, entrenando=True):
        x = np.asarray(x, dtype=float)
        if self.p == 1:
            self.mascara = np.zeros_like(x)
        else:
            self.mascara = (self.rng.random(x.shape) >= self.p) / (1 - self.p)
        return x * self.mascara

    def atras(self, dy):
        return dy * self.mascara
