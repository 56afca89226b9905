"""Alternative correct solution: Keras' own formulation (monitor_op, signed min_delta), binomial masks. Must get full marks."""

import numpy as np

# %% [dropout]
class Dropout:
    """Máscara booleana con rng.binomial y la escala aparte; atras reutiliza ambas."""

    def __init__(self, p=0.5, semilla=0):
        self.p = float(p)
        self.rng = np.random.default_rng(semilla)
        self.mantener = None
        self.escala = 1.0

    def adelante(self, x, entrenando=True):
        x = np.asarray(x, dtype=float)
        if entrenando and self.p >= 1.0:
            self.mantener = np.zeros(x.shape, dtype=bool)
            self.escala = 0.0
        elif entrenando and self.p > 0.0:
            self.mantener = self.rng.binomial(1, 1.0 - self.p, size=x.shape).astype(bool)
            self.escala = 1.0 / (1.0 - self.p)
        else:
            self.mantener = np.ones(x.shape, dtype=bool)
            self.escala = 1.0
        return np.where(self.mantener, x * self.escala, 0.0)

    def atras(self, dy):
        return np.where(self.mantener, np.asarray(dy, dtype=float) * self.escala, 0.0)

# %% [parada_temprana]
class ParadaTemprana:
    """Como keras.callbacks.EarlyStopping: monitor_op y min_delta con signo."""

    def __init__(self, monitor="val_loss", min_delta=0.0, patience=0, mode="min", restore_best_weights=False):
        self.monitor = monitor
        self.patience = patience
        self.restore_best_weights = restore_best_weights
        if mode == "max":
            self.monitor_op = np.greater
            self.min_delta = abs(min_delta)
        else:
            self.monitor_op = np.less
            self.min_delta = -abs(min_delta)
        self.best = np.inf if self.monitor_op == np.less else -np.inf
        self.wait = 0
        self.epoca_detenida = 0
        self.mejor_epoca = 0
        self.best_weights = None

    def al_terminar_epoca(self, epoca, logs, pesos):
        current = logs.get(self.monitor)
        if self.restore_best_weights and self.best_weights is None:
            self.best_weights = [np.copy(w) for w in pesos]
            self.mejor_epoca = epoca
        self.wait += 1
        if self.monitor_op(current - self.min_delta, self.best):
            self.best = current
            self.mejor_epoca = epoca
            if self.restore_best_weights:
                self.best_weights = [np.copy(w) for w in pesos]
            self.wait = 0
            return False
        if self.wait >= self.patience and epoca > 0:
            self.epoca_detenida = epoca
            return True
        return False

    def pesos_finales(self, pesos):
        if self.restore_best_weights and self.best_weights is not None:
            return [np.copy(w) for w in self.best_weights]
        return list(pesos)

# %% [l2]
def agregar_l2(perdida, grads, params, lam):
    """Comprensiones de diccionario y np.vdot para la suma de cuadrados."""
    pesos = [k for k in params if k.startswith("W")]
    suma = sum(float(np.vdot(params[k], params[k])) for k in pesos)
    nuevos = {k: (grads[k] + lam * params[k]) if k in pesos else np.copy(grads[k]) for k in grads}
    return perdida + 0.5 * lam * suma, nuevos
