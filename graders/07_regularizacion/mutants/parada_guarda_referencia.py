# target: parada_restaura
# why: keeps the weights list it received (self.mejores_pesos = pesos) instead of a copy: a loop that updates its weights in place changes them
# why_es: guarda la lista de pesos que recibió (self.mejores_pesos = pesos) en vez de una copia: un ciclo que actualiza sus pesos en el lugar los cambia
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
                self.mejores_pesos = pesos
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
