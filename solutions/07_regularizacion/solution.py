"""Reference solution of assignment 07 (regularisation): one percent-format section per solution cell."""

import numpy as np

# %% [dropout]
class Dropout:
    """Dropout invertido: p es la probabilidad de APAGAR cada unidad; escala 1/(1 - p) al entrenar."""

    def __init__(self, p=0.5, semilla=0):
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

# %% [parada_temprana]
class ParadaTemprana:
    """Parada temprana con la lógica de keras.callbacks.EarlyStopping."""

    def __init__(self, monitor="val_loss", min_delta=0.0, patience=0, mode="min", restore_best_weights=False):
        self.monitor = monitor
        self.min_delta = abs(min_delta)
        self.patience = patience
        self.mode = mode
        self.restore_best_weights = restore_best_weights
        self.espera = 0
        self.mejor = np.inf if mode == "min" else -np.inf
        self.mejor_epoca = 0
        self.epoca_detenida = 0
        self.mejores_pesos = None

    def _es_mejora(self, actual):
        if self.mode == "min":
            return actual < self.mejor - self.min_delta
        return actual > self.mejor + self.min_delta

    def al_terminar_epoca(self, epoca, logs, pesos):
        actual = logs[self.monitor]
        self.espera += 1
        if self._es_mejora(actual):
            self.mejor = actual
            self.mejor_epoca = epoca
            if self.restore_best_weights:
                self.mejores_pesos = [np.array(w, dtype=float, copy=True) for w in pesos]
            self.espera = 0
            return False
        if self.espera >= self.patience and epoca > 0:
            self.epoca_detenida = epoca
            return True
        return False

    def pesos_finales(self, pesos):
        if self.restore_best_weights and self.mejores_pesos is not None:
            return self.mejores_pesos
        return pesos

# %% [l2]
def agregar_l2(perdida, grads, params, lam):
    """Suma lam/2 * (suma de W**2 de los pesos) a la pérdida y lam * W a sus gradientes; sesgos sin cambio."""
    total = float(perdida)
    nuevos = {}
    for nombre, valor in params.items():
        g = np.array(grads[nombre], dtype=float, copy=True)
        if nombre.startswith("W"):
            W = np.asarray(valor, dtype=float)
            total += lam / 2 * np.sum(W ** 2)
            g = g + lam * W
        nuevos[nombre] = g
    return float(total), nuevos
