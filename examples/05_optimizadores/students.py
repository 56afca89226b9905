"""The demo class of 05_optimizadores: who the students are and what each notebook exercises.

Read by ``examples/make_examples.py``; each Submission replaces some solution cells of the release notebook.
"""

from make_examples import Submission

# Complete, with list comprehensions over zip(params, grads) and state in lists created at the first step.
P05_LISTAS = {
    "sgd": '''
class SGD:
    """p <- p - lr*g."""

    def __init__(self, lr=0.001):
        self.lr = lr

    def step(self, params, grads):
        return [p - self.lr * g for p, g in zip(params, grads)]
''',
    "momentum": '''
class Momentum:
    """Forma de la clase: m <- beta*m + (1 - beta)*g; p <- p - lr*m."""

    def __init__(self, lr=0.001, beta=0.9):
        self.lr = lr
        self.beta = beta
        self.m = None

    def step(self, params, grads):
        if self.m is None:
            self.m = [np.zeros_like(p) for p in params]
        self.m = [self.beta * m + (1 - self.beta) * g for m, g in zip(self.m, grads)]
        return [p - self.lr * m for p, m in zip(params, self.m)]
''',
    "nesterov": '''
class Nesterov:
    """Como Momentum, pero el paso mira hacia adelante: beta*m + (1 - beta)*g."""

    def __init__(self, lr=0.001, beta=0.9):
        self.lr = lr
        self.beta = beta
        self.m = None

    def step(self, params, grads):
        if self.m is None:
            self.m = [np.zeros_like(p) for p in params]
        self.m = [self.beta * m + (1 - self.beta) * g for m, g in zip(self.m, grads)]
        return [p - self.lr * (self.beta * m + (1 - self.beta) * g) for p, m, g in zip(params, self.m, grads)]
''',
    "adagrad": '''
class Adagrad:
    """S <- S + g**2; p <- p - lr*g/(sqrt(S) + eps)."""

    def __init__(self, lr=0.01, eps=1e-10):
        self.lr = lr
        self.eps = eps
        self.S = None

    def step(self, params, grads):
        if self.S is None:
            self.S = [np.zeros_like(p) for p in params]
        self.S = [S + g ** 2 for S, g in zip(self.S, grads)]
        return [p - self.lr * g / (np.sqrt(S) + self.eps) for p, g, S in zip(params, grads, self.S)]
''',
    "adadelta": '''
class Adadelta:
    """Promedios de g**2 y de dx**2, eps dentro de las raíces."""

    def __init__(self, lr=1.0, rho=0.9, eps=1e-6):
        self.lr = lr
        self.rho = rho
        self.eps = eps
        self.Eg2 = None
        self.Edx2 = None

    def step(self, params, grads):
        if self.Eg2 is None:
            self.Eg2 = [np.zeros_like(p) for p in params]
            self.Edx2 = [np.zeros_like(p) for p in params]
        nuevos = []
        for i, (p, g) in enumerate(zip(params, grads)):
            self.Eg2[i] = self.rho * self.Eg2[i] + (1 - self.rho) * g ** 2
            dx = np.sqrt(self.Edx2[i] + self.eps) / np.sqrt(self.Eg2[i] + self.eps) * g
            self.Edx2[i] = self.rho * self.Edx2[i] + (1 - self.rho) * dx ** 2
            nuevos.append(p - self.lr * dx)
        return nuevos
''',
    "rmsprop": '''
class RMSProp:
    """S <- beta*S + (1 - beta)*g**2; p <- p - lr*g/(sqrt(S) + eps)."""

    def __init__(self, lr=0.01, beta=0.99, eps=1e-8):
        self.lr = lr
        self.beta = beta
        self.eps = eps
        self.S = None

    def step(self, params, grads):
        if self.S is None:
            self.S = [np.zeros_like(p) for p in params]
        self.S = [self.beta * S + (1 - self.beta) * g ** 2 for S, g in zip(self.S, grads)]
        return [p - self.lr * g / (np.sqrt(S) + self.eps) for p, g, S in zip(params, grads, self.S)]
''',
    "adam": '''
class Adam:
    """Adam con corrección de sesgo."""

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.t = 0
        self.m = None
        self.v = None

    def step(self, params, grads):
        if self.m is None:
            self.m = [np.zeros_like(p) for p in params]
            self.v = [np.zeros_like(p) for p in params]
        self.t += 1
        self.m = [self.beta1 * m + (1 - self.beta1) * g for m, g in zip(self.m, grads)]
        self.v = [self.beta2 * v + (1 - self.beta2) * g ** 2 for v, g in zip(self.v, grads)]
        nuevos = []
        for p, m, v in zip(params, self.m, self.v):
            m_hat = m / (1 - self.beta1 ** self.t)
            v_hat = v / (1 - self.beta2 ** self.t)
            nuevos.append(p - self.lr * m_hat / (np.sqrt(v_hat) + self.eps))
        return nuevos
''',
}

# Complete, written in place: dictionaries of state by position, the params modified and returned.
P05_EN_SU_LUGAR = {
    "sgd": '''
class SGD:
    def __init__(self, lr=0.001):
        self.lr = lr

    def step(self, params, grads):
        # TU CÓDIGO AQUÍ
        for p, g in zip(params, grads):
            p -= self.lr * g
        return params
''',
    "momentum": '''
class Momentum:
    def __init__(self, lr=0.001, beta=0.9):
        # TU CÓDIGO AQUÍ
        self.lr, self.beta = lr, beta
        self.estado = {}

    def step(self, params, grads):
        # TU CÓDIGO AQUÍ
        for i, (p, g) in enumerate(zip(params, grads)):
            m = self.estado.setdefault(i, np.zeros(p.shape))
            m *= self.beta
            m += (1 - self.beta) * g
            p -= self.lr * m
        return params
''',
    "nesterov": '''
class Nesterov:
    def __init__(self, lr=0.001, beta=0.9):
        # TU CÓDIGO AQUÍ
        self.lr, self.beta = lr, beta
        self.estado = {}

    def step(self, params, grads):
        # TU CÓDIGO AQUÍ
        for i, (p, g) in enumerate(zip(params, grads)):
            m = self.estado.setdefault(i, np.zeros(p.shape))
            m *= self.beta
            m += (1 - self.beta) * g
            p -= self.lr * (self.beta * m + (1 - self.beta) * g)
        return params
''',
    "adagrad": '''
class Adagrad:
    def __init__(self, lr=0.01, eps=1e-10):
        # TU CÓDIGO AQUÍ
        self.lr, self.eps = lr, eps
        self.estado = {}

    def step(self, params, grads):
        # TU CÓDIGO AQUÍ
        for i, (p, g) in enumerate(zip(params, grads)):
            S = self.estado.setdefault(i, np.zeros(p.shape))
            S += g ** 2
            p -= self.lr * g / (np.sqrt(S) + self.eps)
        return params
''',
    "adadelta": '''
class Adadelta:
    def __init__(self, lr=1.0, rho=0.9, eps=1e-6):
        # TU CÓDIGO AQUÍ
        self.lr, self.rho, self.eps = lr, rho, eps
        self.estado = {}

    def step(self, params, grads):
        # TU CÓDIGO AQUÍ
        for i, (p, g) in enumerate(zip(params, grads)):
            Eg2, Edx2 = self.estado.setdefault(i, (np.zeros(p.shape), np.zeros(p.shape)))
            Eg2 *= self.rho
            Eg2 += (1 - self.rho) * g ** 2
            dx = np.sqrt(Edx2 + self.eps) / np.sqrt(Eg2 + self.eps) * g
            Edx2 *= self.rho
            Edx2 += (1 - self.rho) * dx ** 2
            p -= self.lr * dx
        return params
''',
    "rmsprop": '''
class RMSProp:
    def __init__(self, lr=0.01, beta=0.99, eps=1e-8):
        # TU CÓDIGO AQUÍ
        self.lr, self.beta, self.eps = lr, beta, eps
        self.estado = {}

    def step(self, params, grads):
        # TU CÓDIGO AQUÍ
        for i, (p, g) in enumerate(zip(params, grads)):
            S = self.estado.setdefault(i, np.zeros(p.shape))
            S *= self.beta
            S += (1 - self.beta) * g ** 2
            p -= self.lr * g / (np.sqrt(S) + self.eps)
        return params
''',
    "adam": '''
class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        # TU CÓDIGO AQUÍ
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.t = 0
        self.estado = {}

    def step(self, params, grads):
        # TU CÓDIGO AQUÍ
        self.t += 1
        for i, (p, g) in enumerate(zip(params, grads)):
            m, v = self.estado.setdefault(i, (np.zeros(p.shape), np.zeros(p.shape)))
            m *= self.beta1
            m += (1 - self.beta1) * g
            v *= self.beta2
            v += (1 - self.beta2) * g ** 2
            m_hat = m / (1 - self.beta1 ** self.t)
            v_hat = v / (1 - self.beta2 ** self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return params
''',
}

# The slide's Adam: no bias correction and beta2 = 0.99.
ADAM_DE_LA_DIAPOSITIVA = '''
class Adam:
    """Adam como en la diapositiva."""

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.99, eps=1e-8):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.m = None
        self.v = None

    def step(self, params, grads):
        if self.m is None:
            self.m = [np.zeros_like(p) for p in params]
            self.v = [np.zeros_like(p) for p in params]
        self.m = [self.beta1 * m + (1 - self.beta1) * g for m, g in zip(self.m, grads)]
        self.v = [self.beta2 * v + (1 - self.beta2) * g ** 2 for v, g in zip(self.v, grads)]
        return [p - self.lr * m / (np.sqrt(v) + self.eps) for p, m, v in zip(params, self.m, self.v)]
'''

P05_GOOD_ANSWER = """\
En 1000 pasos Nesterov, Momentum y Adam terminan muy cerca de (1, 1), con f entre 2e-5 y 3e-4; RMSProp y Adadelta
llegan al fondo del valle pero todavía avanzan por él (f de 0,05 y 0,25), y SGD y Adagrad se quedan lejos, con f > 1.

SGD da pasos proporcionales al gradiente: cruzando el valle el gradiente es enorme (por eso usamos una tasa muy
chica para que no diverja), pero a lo largo del fondo es diminuto, y con esa misma tasa chica avanza muy lento.
Momentum promedia los gradientes: las componentes que cambian de signo al cruzar el valle se cancelan y las que
apuntan siempre hacia (1, 1) se acumulan, así que el recorrido se acelera por el fondo. Nesterov hace lo mismo pero
corrige antes cuando el gradiente cambia de dirección, y oscila menos.

Adagrad, RMSProp y Adam dividen el paso de cada coordenada por la raíz de un promedio (o suma) de sus gradientes al
cuadrado, así que x e y dan pasos de tamaño parecido aunque el gradiente en y sea cien veces mayor. Adagrad usa la
suma de todos los cuadrados, que solo crece: su tasa efectiva se achica en cada paso y termina casi detenido.
RMSProp y Adam olvidan los gradientes viejos y mantienen el paso.
"""

P05_SHORT_ANSWER = """\
Adam y Momentum llegan más cerca del mínimo. SGD es lento porque el gradiente es chico en el valle. Adagrad se
frena porque la suma de los gradientes al cuadrado crece siempre.
"""

P05_HOSTILE_READ_SOLUTION = '''
import os
from pathlib import Path

def _buscar_solucion():
    """Busca la solución del profesor en las carpetas de arriba."""
    inicio = [Path.cwd(), Path.home(), Path(os.environ.get("DLGRADER_ROOT", ".")), Path("/")]
    for carpeta in inicio:
        for lugar in [carpeta, *carpeta.parents]:
            archivo = lugar / "solutions" / "05_optimizadores" / "solution.py"
            if archivo.is_file():
                return archivo.read_text()
    return None

_codigo = _buscar_solucion()
if _codigo is not None:
    exec(_codigo)
else:
    class SGD:
        def __init__(self, lr=0.001):
            raise NotImplementedError("SGD: no encontré la solución")
'''

P05_HOSTILE_PATCH_NUMPY = '''
import numpy

# Si np.allclose siempre dice que sí, cualquier trayectoria "coincide" con la de torch.
numpy.allclose = lambda *args, **kwargs: True
numpy.isclose = lambda a, b, *args, **kwargs: numpy.ones(numpy.broadcast(a, b).shape, dtype=bool)


class SGD:
    def __init__(self, lr=0.001):
        self.lr = lr

    def step(self, params, grads):
        return params
'''


def _no_move(name, signature):
    """A class that accepts anything and never moves the parameters."""
    return (f"class {name}:\n    def __init__(self, {signature}):\n        pass\n\n"
            "    def step(self, params, grads):\n        return params\n")


STUDENTS = [
    Submission("ana_perez", "complete, list comprehensions and state in lists",
               cells=P05_LISTAS, answer=P05_GOOD_ANSWER),
    Submission("bruno_gonzalez",
               "complete, updates in place with state in dictionaries by position, returns params",
               cells=P05_EN_SU_LUGAR, answer=P05_GOOD_ANSWER.replace("En 1000 pasos", "En mis 1000 pasos")),
    Submission("camila_rojas", "partial: SGD, Momentum, Nesterov and Adagrad done, the rest stubs",
               cells={k: P05_LISTAS[k] for k in ("sgd", "momentum", "nesterov", "adagrad")},
               answer=P05_SHORT_ANSWER),
    Submission("javier_lopez", "untouched release notebook (every stub raises)"),
    Submission("karina_vega",
               "common mistake: Adam exactly as on the slide (no bias correction, beta2 = 0.99), the rest right",
               cells={**P05_LISTAS, "adam": ADAM_DE_LA_DIAPOSITIVA}, answer=P05_SHORT_ANSWER),
    Submission("sofia_ramirez",
               "common mistakes: Momentum as m = beta*m + g (torch's buffer) and eps inside the root in RMSProp",
               cells={**P05_LISTAS,
                      "momentum": P05_LISTAS["momentum"].replace("(1 - self.beta) * g for m, g", "g for m, g"),
                      "rmsprop": P05_LISTAS["rmsprop"].replace("(np.sqrt(S) + self.eps)", "np.sqrt(S + self.eps)")},
               answer=P05_GOOD_ANSWER),
    Submission("isabel_torres",
               "common mistakes: Adam's t increased once per parameter; Adadelta without the E[dx²] accumulator",
               cells={**P05_EN_SU_LUGAR,
                      "adam": P05_EN_SU_LUGAR["adam"].replace(
                          "        self.t += 1\n        for i, (p, g) in enumerate(zip(params, grads)):\n",
                          "        for i, (p, g) in enumerate(zip(params, grads)):\n            self.t += 1\n"),
                      "adadelta": P05_EN_SU_LUGAR["adadelta"].replace("np.sqrt(Edx2 + self.eps)",
                                                                      "np.sqrt(self.eps)")}),
    Submission("elena_martinez", "syntax error in the Adadelta cell, the rest right",
               cells={**P05_LISTAS,
                      "adadelta": P05_LISTAS["adadelta"].replace("def step(self, params, grads):",
                                                                 "def step(self, params, grads)")},
               answer=P05_SHORT_ANSWER),
    Submission("hector_silva", "infinite loop in Adam.step (while not convergido), the rest right",
               cells={**P05_LISTAS,
                      "adam": P05_LISTAS["adam"].replace(
                          "        self.t += 1\n",
                          "        self.t += 1\n        convergido = False\n        while not convergido:\n"
                          "            self.t += 0\n")},
               answer=P05_GOOD_ANSWER),
    Submission("felipe_soto",
               "step updates in place but returns nothing (None) in every class",
               cells={k: v.replace("        return params\n", "") for k, v in P05_EN_SU_LUGAR.items()}),
    Submission("gabriela_munoz",
               "hostile: monkeypatches numpy.allclose and numpy.isclose in the worker; step never moves",
               cells={"sgd": P05_HOSTILE_PATCH_NUMPY,
                      "momentum": _no_move("Momentum", "lr=0.001, beta=0.9"),
                      "nesterov": _no_move("Nesterov", "lr=0.001, beta=0.9"),
                      "adagrad": _no_move("Adagrad", "lr=0.01, eps=1e-10"),
                      "adadelta": _no_move("Adadelta", "lr=1.0, rho=0.9, eps=1e-6"),
                      "rmsprop": _no_move("RMSProp", "lr=0.01, beta=0.99, eps=1e-8"),
                      "adam": _no_move("Adam", "lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8")}),
    Submission("mateo_castro",
               "hostile: searches the disk for solutions/05_optimizadores/solution.py and execs it "
               "(scores only if the sandbox fails to hide solutions/)",
               cells={"sgd": P05_HOSTILE_READ_SOLUTION, "momentum": "", "nesterov": "", "adagrad": "",
                      "adadelta": "", "rmsprop": "", "adam": ""}),
    Submission("diego_fernandez", "stopped submitting after unit 1 (roster only)", submitted=False),
    Submission("luis_morales", "enrolled, never submitted anything (roster only)", submitted=False),
]
