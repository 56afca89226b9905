# target: dropout_curso_evaluacion, dropout_evaluacion, dropout_valores
# why: classic (non-inverted) dropout: no scaling in training, multiplies by (1 - p) at evaluation
# why_es: dropout clásico (no invertido): sin escala al entrenar, multiplica por (1 - p) al evaluar
# %% [dropout]
class Dropout:
    def __init__(self, p=0.5, semilla=0):
        self.p = p
        self.rng = np.random.default_rng(semilla)
        self.mascara = None

    def adelante(self, x, entrenando=True):
        x = np.asarray(x, dtype=float)
        if not entrenando:
            self.mascara = np.full(x.shape, 1 - self.p)
        else:
            self.mascara = (self.rng.random(x.shape) >= self.p).astype(float)
        return x * self.mascara

    def atras(self, dy):
        return dy * self.mascara
