"""Alternative correct solution: loops, early stopping recomputed from the stored history. Must get full marks."""

import numpy as np

# %% [dropout]
class Dropout:
    """Recorre los elementos con un ciclo; la máscara guarda el factor de cada unidad."""

    def __init__(self, p=0.5, semilla=0):
        self.p = p
        self.rng = np.random.default_rng(seed=semilla)
        self.factores = None

    def adelante(self, x, entrenando=True):
        x = np.array(x, dtype=float)
        self.factores = np.ones(x.shape)
        if entrenando:
            sorteo = self.rng.uniform(0.0, 1.0, size=x.shape)
            for indice in np.ndindex(x.shape):
                if sorteo[indice] < self.p:
                    self.factores[indice] = 0.0
                elif self.p < 1:
                    self.factores[indice] = 1.0 / (1.0 - self.p)
        salida = np.empty(x.shape)
        for indice in np.ndindex(x.shape):
            salida[indice] = x[indice] * self.factores[indice]
        return salida

    def atras(self, dy):
        return np.asarray(dy, dtype=float) * self.factores

# %% [parada_temprana]
class ParadaTemprana:
    """Guarda toda la historia y en cada época busca la última mejora recorriéndola."""

    def __init__(self, monitor="val_loss", min_delta=0.0, patience=0, mode="min", restore_best_weights=False):
        self.monitor = monitor
        self.min_delta = abs(min_delta)
        self.patience = patience
        self.signo = 1.0 if mode == "min" else -1.0  # en modo 'max' se minimiza -valor
        self.restore_best_weights = restore_best_weights
        self.valores = []
        self.pesos_por_epoca = {}
        self.epoca_detenida = 0
        self.mejor_epoca = 0

    def _ultima_mejora(self):
        mejor, epoca_mejor = None, 0
        for epoca, valor in enumerate(self.valores):
            if mejor is None or valor < mejor - self.min_delta:
                mejor, epoca_mejor = valor, epoca
        return epoca_mejor

    def al_terminar_epoca(self, epoca, logs, pesos):
        self.valores.append(self.signo * logs[self.monitor])
        self.mejor_epoca = self._ultima_mejora()
        if self.mejor_epoca == len(self.valores) - 1:
            if self.restore_best_weights:
                self.pesos_por_epoca = {epoca: [w.copy() for w in pesos]}
            return False
        espera = len(self.valores) - 1 - self.mejor_epoca
        if espera >= self.patience:
            self.epoca_detenida = epoca
            return True
        return False

    def pesos_finales(self, pesos):
        if self.restore_best_weights and self.pesos_por_epoca:
            return next(iter(self.pesos_por_epoca.values()))
        return pesos

# %% [l2]
def agregar_l2(perdida, grads, params, lam):
    """Ciclo simple sobre las claves, sumando con np.sum(np.square(W))."""
    total = perdida
    nuevos = dict()
    for clave in grads:
        if clave[0] == "W":
            total = total + (lam / 2.0) * np.sum(np.square(params[clave]))
            nuevos[clave] = np.add(grads[clave], lam * params[clave])
        else:
            nuevos[clave] = np.array(grads[clave])
    return float(total), nuevos
