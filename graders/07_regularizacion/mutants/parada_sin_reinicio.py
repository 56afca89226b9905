# target: parada_paciencia, parada_keras
# why: never resets the wait on an improvement: it counts every epoch without improvement since the start
# why_es: nunca reinicia la espera al mejorar: cuenta todas las épocas sin mejora desde el comienzo
# %% [parada_temprana]
class ParadaTemprana:
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
            return False
        if self.espera >= self.patience and epoca > 0:
            self.epoca_detenida = epoca
            return True
        return False

    def pesos_finales(self, pesos):
        if self.restore_best_weights and self.mejores_pesos is not None:
            return self.mejores_pesos
        return pesos
