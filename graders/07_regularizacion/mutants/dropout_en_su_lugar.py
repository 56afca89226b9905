# target: dropout_valores
# why: applies the mask in place (x *= mascara), modifying the caller's array
# why_es: aplica la máscara en el lugar (x *= mascara), modificando el arreglo de quien llama
# %% [dropout]
class Dropout:
    def __init__(self, p=0.5, semilla=0):
        self.p = p
        self.rng = np.random.default_rng(semilla)
        self.mascara = None

    def adelante(self, x, entrenando=True):
        if not entrenando or self.p == 0:
            self.mascara = np.ones(np.shape(x))
        elif self.p == 1:
            self.mascara = np.zeros(np.shape(x))
        else:
            self.mascara = (self.rng.random(np.shape(x)) >= self.p) / (1 - self.p)
        x *= self.mascara
        return x

    def atras(self, dy):
        return dy * self.mascara
