# target: dropout_fraccion, dropout_valores
# why: reads p as the probability of KEEPING a unit (the old Caffe/TF1 keep_prob) and scales by 1/p
# why_es: lee p como la probabilidad de CONSERVAR una unidad (el antiguo keep_prob de Caffe/TF1) y escala por 1/p
# %% [dropout]
class Dropout:
    def __init__(self, p=0.5, semilla=0):
        self.p = p
        self.rng = np.random.default_rng(semilla)
        self.mascara = None

    def adelante(self, x, entrenando=True):
        x = np.asarray(x, dtype=float)
        if not entrenando or self.p == 1:
            self.mascara = np.ones_like(x)
        elif self.p == 0:
            self.mascara = np.zeros_like(x)
        else:
            self.mascara = (self.rng.random(x.shape) < self.p) / self.p
        return x * self.mascara

    def atras(self, dy):
        return dy * self.mascara
