# target: parada_keras
# why: constructor defaults that are not Keras': monitor='loss' and patience=1
# why_es: valores por omisión del constructor que no son los de Keras: monitor='loss' y patience=1
# %% [parada_temprana]
class ParadaTemprana:
    """Parada temprana con la lógica de keras.callbacks.EarlyStopping."""

    def __init__(self, monitor="loss", min_delta=0.0, patience=1, mode="min", restore_best_weights=False):
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
