"""The demo class of 07_regularizacion: who the students are and what each notebook exercises.

Read by ``examples/make_examples.py``; each Submission replaces some solution cells of the release notebook.
"""

from make_examples import Submission

P07_VECTORIZADO = {
    "dropout": '''
class Dropout:
    """Dropout invertido con una máscara ya escalada."""

    def __init__(self, p=0.5, semilla=0):
        self.p = p
        self.rng = np.random.default_rng(semilla)
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
        return dy * self.mascara
''',
    "parada_temprana": '''
class ParadaTemprana:
    """Como EarlyStopping de Keras."""

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

    def al_terminar_epoca(self, epoca, logs, pesos):
        actual = logs[self.monitor]
        self.espera += 1
        if self.mode == "min":
            mejora = actual < self.mejor - self.min_delta
        else:
            mejora = actual > self.mejor + self.min_delta
        if mejora:
            self.mejor = actual
            self.mejor_epoca = epoca
            self.espera = 0
            if self.restore_best_weights:
                self.mejores_pesos = [w.copy() for w in pesos]
            return False
        if self.espera >= self.patience and epoca > 0:
            self.epoca_detenida = epoca
            return True
        return False

    def pesos_finales(self, pesos):
        if self.restore_best_weights and self.mejores_pesos is not None:
            return self.mejores_pesos
        return pesos
''',
    "l2": '''
def agregar_l2(perdida, grads, params, lam):
    """L2 solo sobre las matrices W."""
    total = perdida + lam / 2 * sum(np.sum(v ** 2) for k, v in params.items() if k.startswith("W"))
    nuevos = {k: grads[k] + lam * params[k] if k.startswith("W") else grads[k].copy() for k in params}
    return float(total), nuevos
''',
}

P07_CICLOS = {
    "dropout": '''
class Dropout:
    def __init__(self, p=0.5, semilla=0):
        # TU CÓDIGO AQUÍ
        self.p = p
        self.rng = np.random.default_rng(semilla)
        self.factor = None

    def adelante(self, x, entrenando=True):
        # TU CÓDIGO AQUÍ
        x = np.array(x, dtype=float)
        self.factor = np.ones(x.shape)
        if entrenando:
            azar = self.rng.random(x.shape)
            for i in np.ndindex(x.shape):
                if azar[i] < self.p:
                    self.factor[i] = 0.0
                else:
                    self.factor[i] = 1.0 / (1.0 - self.p)
        return x * self.factor

    def atras(self, dy):
        # TU CÓDIGO AQUÍ
        return np.array(dy, dtype=float) * self.factor
''',
    "parada_temprana": '''
class ParadaTemprana:
    def __init__(self, monitor="val_loss", min_delta=0.0, patience=0, mode="min", restore_best_weights=False):
        # TU CÓDIGO AQUÍ
        self.monitor = monitor
        self.min_delta = abs(min_delta)
        self.patience = patience
        self.signo = 1 if mode == "min" else -1
        self.restore_best_weights = restore_best_weights
        self.mejor = None
        self.espera = 0
        self.mejor_epoca = 0
        self.epoca_detenida = 0
        self.guardados = None

    def al_terminar_epoca(self, epoca, logs, pesos):
        # TU CÓDIGO AQUÍ
        valor = self.signo * logs[self.monitor]
        if self.mejor is None or valor < self.mejor - self.min_delta:
            self.mejor = valor
            self.mejor_epoca = epoca
            self.espera = 0
            if self.restore_best_weights:
                self.guardados = []
                for w in pesos:
                    self.guardados.append(np.copy(w))
            return False
        self.espera = self.espera + 1
        if self.espera >= self.patience:
            self.epoca_detenida = epoca
            return True
        return False

    def pesos_finales(self, pesos):
        # TU CÓDIGO AQUÍ
        if self.restore_best_weights and self.guardados is not None:
            return self.guardados
        return pesos
''',
    "l2": '''
def agregar_l2(perdida, grads, params, lam):
    # TU CÓDIGO AQUÍ
    suma = 0.0
    nuevos = {}
    for nombre in params:
        if nombre[0] == "W":
            for w in params[nombre].ravel():
                suma += w * w
            nuevos[nombre] = grads[nombre] + lam * params[nombre]
        else:
            nuevos[nombre] = np.copy(grads[nombre])
    return perdida + lam * suma / 2, nuevos
''',
}

P07_GOOD_ANSWER = """\
Sin regularización la pérdida de entrenamiento baja casi a cero, pero val_loss llega a su mínimo cerca de la
época 100 y después sube sin parar: desde ahí la red está memorizando. Las etiquetas cambiadas al azar lo empeoran
porque no siguen ningún patrón: la única forma de acertarlas es aprenderlas de memoria, y lo que se aprende así no
sirve para los dígitos de validación.

Con L2 la pérdida de entrenamiento baja más despacio (los pesos grandes cuestan) y val_loss queda plana en vez de
subir; la exactitud de validación pasa de 0,69 a 0,79. Con dropout val_loss también se queda cerca de su mínimo
hasta el final (0,76). La parada temprana corta el entrenamiento 20 épocas después del mínimo de val_loss (en la
época 124) y restaura esos pesos: termina con val_loss 0,76 y la mejor exactitud de las cuatro, 0,835.

Si vigilara loss, que baja en cada época, nunca se detendría: la pérdida de entrenamiento no ve el sobreajuste.
"""

P07_SHORT_ANSWER = """\
El sobreajuste se ve cuando val_loss sube y loss sigue bajando. L2, dropout y early stopping lo reducen.
"""

P07_HOSTILE_READ_SOLUTION = '''
import os
from pathlib import Path

def _buscar_solucion():
    """Busca la solución del profesor en las carpetas de arriba."""
    inicio = [Path.cwd(), Path.home(), Path(os.environ.get("DLGRADER_ROOT", ".")), Path("/")]
    for carpeta in inicio:
        for lugar in [carpeta, *carpeta.parents]:
            archivo = lugar / "solutions" / "07_regularizacion" / "solution.py"
            if archivo.is_file():
                return archivo.read_text()
    return None

_codigo = _buscar_solucion()
if _codigo is not None:
    exec(_codigo)
else:
    class Dropout:
        def __init__(self, p=0.5, semilla=0):
            raise NotImplementedError("Dropout: no encontré la solución")
'''

P07_HOSTILE_PATCH_NUMPY = '''
import numpy

# Si todo "coincide", las verificaciones deberían pasar... (pero corren en otro proceso).
numpy.allclose = lambda *args, **kwargs: True
numpy.isclose = lambda a, b, *args, **kwargs: numpy.ones(numpy.broadcast(a, b).shape, dtype=bool)
numpy.array_equal = lambda *args, **kwargs: True


class Dropout:
    def __init__(self, p=0.5, semilla=0):
        self.p = p

    def adelante(self, x, entrenando=True):
        return x

    def atras(self, dy):
        return dy
'''

STUDENTS = [
    Submission("ana_perez", "complete, vectorised (scaled mask, dict comprehension)",
               cells=P07_VECTORIZADO, answer=P07_GOOD_ANSWER),
    Submission("bruno_gonzalez",
               "complete, loops, sign trick for mode='max' and best = None at the start",
               cells=P07_CICLOS, answer=P07_GOOD_ANSWER.replace("Sin regularización", "En mi experimento, sin regularización")),
    Submission("camila_rojas", "partial: Dropout and agregar_l2 done, ParadaTemprana a stub",
               cells={"dropout": P07_VECTORIZADO["dropout"], "l2": P07_VECTORIZADO["l2"]},
               answer=P07_SHORT_ANSWER),
    Submission("gabriela_munoz", "untouched release notebook (every stub raises)"),
    Submission("javier_lopez",
               "common mistakes: dropout without the 1/(1 - p) scaling and L2 that also penalises the biases",
               cells={**P07_VECTORIZADO,
                      "dropout": P07_VECTORIZADO["dropout"].replace(" / (1 - self.p)", ".astype(float)"),
                      "l2": P07_VECTORIZADO["l2"].replace(' for k, v in params.items() if k.startswith("W"))',
                                                          " for k, v in params.items())")
                                                 .replace(' if k.startswith("W") else grads[k].copy()', "")},
               answer=P07_SHORT_ANSWER),
    Submission("sofia_ramirez",
               "common mistakes: early stopping watches logs['loss'] and counts ties with <=",
               cells={**P07_VECTORIZADO,
                      "parada_temprana": P07_VECTORIZADO["parada_temprana"]
                      .replace("actual = logs[self.monitor]", 'actual = logs["loss"]')
                      .replace("actual < self.mejor - self.min_delta", "actual <= self.mejor - self.min_delta")
                      .replace("actual > self.mejor + self.min_delta", "actual >= self.mejor + self.min_delta")},
               answer=P07_GOOD_ANSWER),
    Submission("karina_vega",
               "common mistake: p read as the keep probability (keeps where rng.random < p, scales by 1/p)",
               cells={**P07_CICLOS,
                      "dropout": P07_CICLOS["dropout"].replace("if azar[i] < self.p:", "if azar[i] >= self.p:")
                      .replace("1.0 / (1.0 - self.p)", "1.0 / self.p")},
               answer=P07_SHORT_ANSWER),
    Submission("elena_martinez", "syntax error in the agregar_l2 cell, the rest right",
               cells={**P07_VECTORIZADO,
                      "l2": P07_VECTORIZADO["l2"].replace("def agregar_l2(perdida, grads, params, lam):",
                                                          "def agregar_l2(perdida, grads, params, lam)")},
               answer=P07_GOOD_ANSWER),
    Submission("felipe_soto",
               "infinite loop in ParadaTemprana.al_terminar_epoca (waits for an improvement), the rest right",
               cells={**P07_VECTORIZADO,
                      "parada_temprana": P07_VECTORIZADO["parada_temprana"].replace(
                          "        actual = logs[self.monitor]\n",
                          "        actual = logs[self.monitor]\n        while actual >= self.mejor:\n"
                          "            pass  # esperar a que mejore\n")}),
    Submission("isabel_torres", "renamed class: CapaDropout instead of Dropout, the rest right",
               cells={**P07_VECTORIZADO,
                      "dropout": P07_VECTORIZADO["dropout"].replace("class Dropout:", "class CapaDropout:")},
               answer=P07_SHORT_ANSWER),
    Submission("hector_silva",
               "hostile: monkeypatches numpy.allclose, isclose and array_equal in the worker; Dropout is the identity",
               cells={"dropout": P07_HOSTILE_PATCH_NUMPY,
                      "parada_temprana": P07_VECTORIZADO["parada_temprana"].replace("return True", "return False"),
                      "l2": "def agregar_l2(perdida, grads, params, lam):\n    return perdida, grads\n"}),
    Submission("mateo_castro",
               "hostile: searches the disk for solutions/07_regularizacion/solution.py and execs it "
               "(scores only if the sandbox fails to hide solutions/)",
               cells={"dropout": P07_HOSTILE_READ_SOLUTION, "parada_temprana": "", "l2": ""}),
    Submission("diego_fernandez", "stopped submitting after unit 1 (roster only)", submitted=False),
    Submission("luis_morales", "enrolled, never submitted anything (roster only)", submitted=False),
]
