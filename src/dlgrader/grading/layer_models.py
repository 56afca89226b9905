"""Models described as plain layer lists, checked, built and trained in the broker (08's final model).

Why: a model's forward pass is student code. Run in the worker, it answers for whatever images it is shown (a
table of scikit-learn's public digits is an answer); its weights, sent back, may have been fitted to those same
public images. So the worker sends only a description, a list of the course's layers such as
``[{"tipo": "conv", "entrada": 1, "salida": 32, "k": 3, "padding": 1}, {"tipo": "relu"}, ...]`` and a recipe
``{"optimizador": "adam", "lr": 0.01, "tam_lote": 32}``; the broker checks both (known layer types and fields
only, a shape chain from the input to the logits, bounded size), builds the model with PyTorch from its own
seed, trains it and predicts. The held-out images never leave the broker.

The notebook's locked cell writes the list (``describir_modelo``) and builds the same model from it
(``modelo_desde_capas``), layer by layer in the same order, so for one seed both start from the same weights:
PyTorch's default initialisation after ``torch.manual_seed(seed)``.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np

from .checks import fail

# Layer type -> its fields and their defaults (REQUIRED: no default). "entrenable": False freezes a layer.
REQUIRED = object()
FIELDS = {
    "lineal": {"entrada": REQUIRED, "salida": REQUIRED, "sesgo": True, "entrenable": True},
    "conv": {"entrada": REQUIRED, "salida": REQUIRED, "k": REQUIRED, "padding": 0, "stride": 1, "sesgo": True,
             "entrenable": True},
    "maxpool": {"k": REQUIRED, "stride": None},
    "avgpool": {"k": REQUIRED, "stride": None},
    "dropout": {"p": REQUIRED},
    "relu": {}, "sigmoide": {}, "tanh": {}, "aplanar": {},
}
TORCH_NAMES = {"lineal": "nn.Linear", "conv": "nn.Conv2d", "maxpool": "nn.MaxPool2d", "avgpool": "nn.AvgPool2d",
               "dropout": "nn.Dropout", "relu": "nn.ReLU", "sigmoide": "nn.Sigmoid", "tanh": "nn.Tanh",
               "aplanar": "nn.Flatten"}
ACCEPTED = ", ".join(TORCH_NAMES.values())
OPTIMIZERS = ("sgd", "adam")

# Bounds that keep one batch in the broker short and small: a model this size trains on the 8x8 digits in
# seconds; the first limit a student could meet is the time budget, not these.
MAX_LAYERS = 40
MAX_PARAMETERS = 1_000_000
MAX_MULTIPLICATIONS = 5_000_000  # per image, forward pass
MAX_VALUES = 100_000  # per image: every layer's output, added up
MAX_BATCH = 1024
MAX_LR = 10.0


@dataclass(frozen=True)
class Recipe:
    optimizer: str
    lr: float
    batch: int


@dataclass(frozen=True)
class Plan:
    """A checked layer list, with what it costs per image."""

    layers: tuple[dict, ...]
    parameters: int
    multiplications: int
    values: int


def _refuse(es: str, en: str) -> None:
    fail(es, en, f"Usa solo capas del curso en un nn.Sequential: {ACCEPTED}.",
         f"Use only the course's layers in an nn.Sequential: {ACCEPTED}.")


def _integer(value, low: int, high: int) -> bool:
    return type(value) is int and low <= value <= high


def _real(value, low: float, high: float) -> bool:
    return type(value) in (int, float) and math.isfinite(value) and low <= value <= high


def _shape_words(shape: tuple[int, ...]) -> tuple[str, str]:
    dims = " × ".join(map(str, shape))
    if len(shape) == 3:
        return f"imágenes de {dims} (canales × alto × ancho)", f"images of {dims} (channels × height × width)"
    return f"vectores de {dims} valores", f"vectors of {dims} values"


def _fields(i: int, capa) -> dict:
    """The layer's fields with defaults filled in; unknown types and fields, and wrong kinds, are refused."""
    if isinstance(capa, dict) and capa.get("tipo") == "modelo":  # describir_modelo met no nn.Sequential
        what = str(capa.get("clase"))[:80]
        fail(f"modelo_final() devolvió un {what}, no un nn.Sequential: el corrector no ejecuta el forward de tu "
             "clase, arma la red desde la lista de sus capas.",
             f"modelo_final() returned a {what}, not an nn.Sequential: the grader does not run your class's "
             "forward, it builds the network from the list of its layers.",
             "Escribe las mismas capas, en orden, dentro de un nn.Sequential(nn.Conv2d(...), nn.ReLU(), ...).",
             "Write the same layers, in order, inside an nn.Sequential(nn.Conv2d(...), nn.ReLU(), ...).")
    if not isinstance(capa, dict) or not isinstance(capa.get("tipo"), str) or capa["tipo"] not in FIELDS:
        what = capa.get("clase", capa.get("tipo")) if isinstance(capa, dict) else capa
        _refuse(f"La capa {i} del modelo es {str(what)[:120]!r}, que el corrector no acepta.",
                f"Layer {i} of the model is {str(what)[:120]!r}, which the grader does not accept.")
    tipo = capa["tipo"]
    spec = FIELDS[tipo]
    extra = sorted(set(capa) - set(spec) - {"tipo"})
    missing = [k for k, v in spec.items() if v is REQUIRED and k not in capa]
    if extra or missing:
        _refuse(f"La capa {i} ({TORCH_NAMES[tipo]}) trae los campos {sorted(capa)}; se esperaban {sorted(spec)}.",
                f"Layer {i} ({TORCH_NAMES[tipo]}) has the fields {sorted(capa)}; expected {sorted(spec)}.")
    out = {"tipo": tipo} | {k: capa.get(k, v) for k, v in spec.items()}
    ok = True
    for key in ("entrada", "salida"):
        if key in out:
            ok = ok and _integer(out[key], 1, 1_000_000)
    for key in ("sesgo", "entrenable"):
        if key in out:
            ok = ok and type(out[key]) is bool
    if "k" in out:
        ok = ok and _integer(out["k"], 1, 64)
        if out.get("stride", 1) is None:
            out["stride"] = out["k"]
        ok = ok and _integer(out["stride"], 1, 64)
    if tipo == "conv":
        ok = ok and _integer(out["padding"], 0, out["k"])
    if tipo == "dropout":
        ok = ok and _real(out["p"], 0.0, 0.99)
    if not ok:
        _refuse(f"La capa {i} ({TORCH_NAMES[tipo]}) tiene valores fuera de lo aceptado: {capa!r}"[:400],
                f"Layer {i} ({TORCH_NAMES[tipo]}) has values outside the accepted ones: {capa!r}"[:400])
    return out


def check_layers(capas, input_shape: tuple[int, ...], outputs: int) -> Plan:
    """Check a layer list against an input of ``input_shape`` (one image, channels first) and ``outputs`` logits.

    Fails the check (CheckFailed, in both languages) on anything the broker would not build.
    """
    if not isinstance(capas, list) or not 1 <= len(capas) <= MAX_LAYERS:
        _refuse(f"La descripción del modelo debe ser una lista de 1 a {MAX_LAYERS} capas; llegó {str(capas)[:200]}.",
                f"The model's description must be a list of 1 to {MAX_LAYERS} layers; got {str(capas)[:200]}.")
    shape = tuple(input_shape)
    layers, parameters, multiplications, values = [], 0, 0, 0
    for i, capa in enumerate(capas, start=1):
        c = _fields(i, capa)
        tipo = c["tipo"]
        if tipo == "lineal":
            if shape != (c["entrada"],):
                es, en = _shape_words(shape)
                flat_es = " (falta nn.Flatten() antes)" if len(shape) == 3 else ""
                flat_en = " (nn.Flatten() is missing before it)" if len(shape) == 3 else ""
                _refuse(f"La capa {i}, nn.Linear({c['entrada']}, {c['salida']}), recibe {es}{flat_es}.",
                        f"Layer {i}, nn.Linear({c['entrada']}, {c['salida']}), receives {en}{flat_en}.")
            parameters += c["entrada"] * c["salida"] + (c["salida"] if c["sesgo"] else 0)
            multiplications += c["entrada"] * c["salida"]
            shape = (c["salida"],)
        elif tipo in ("conv", "maxpool", "avgpool"):
            pad = c.get("padding", 0)
            side = [(n + 2 * pad - c["k"]) // c["stride"] + 1 for n in shape[1:]] if len(shape) == 3 else [0]
            channels_ok = tipo != "conv" or shape[:1] == (c["entrada"],)
            if len(shape) != 3 or not channels_ok or min(side) < 1:
                es, en = _shape_words(shape)
                _refuse(f"La capa {i} ({TORCH_NAMES[tipo]}, {_args(c)}) no puede recibir {es}.",
                        f"Layer {i} ({TORCH_NAMES[tipo]}, {_args(c)}) cannot receive {en}.")
            if tipo == "conv":
                shape = (c["salida"], *side)
                per_output = c["entrada"] * c["k"] * c["k"]
                parameters += c["salida"] * per_output + (c["salida"] if c["sesgo"] else 0)
                multiplications += math.prod(shape) * per_output
            else:
                shape = (shape[0], *side)
        elif tipo == "aplanar":
            shape = (math.prod(shape),)
        layers.append(c)
        values += math.prod(shape)
        if parameters > MAX_PARAMETERS or multiplications > MAX_MULTIPLICATIONS or values > MAX_VALUES:
            _refuse(f"El modelo es demasiado grande para imágenes de {' × '.join(map(str, input_shape))}: al llegar a "
                    f"la capa {i} ya tiene {parameters} parámetros, {multiplications} multiplicaciones y {values} "
                    f"valores intermedios por imagen (límites: {MAX_PARAMETERS}, {MAX_MULTIPLICATIONS} y "
                    f"{MAX_VALUES}).",
                    f"The model is too large for images of {' × '.join(map(str, input_shape))}: at layer {i} it "
                    f"already has {parameters} parameters, {multiplications} multiplications and {values} "
                    f"intermediate values per image (limits: {MAX_PARAMETERS}, {MAX_MULTIPLICATIONS} and "
                    f"{MAX_VALUES}).")
    if shape != (outputs,):
        es, en = _shape_words(shape)
        _refuse(f"El modelo termina en {es}; debe terminar en {outputs} logits (un nn.Linear con {outputs} salidas).",
                f"The model ends in {en}; it must end in {outputs} logits (an nn.Linear with {outputs} outputs).")
    return Plan(tuple(layers), parameters, multiplications, values)


def _args(c: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in c.items() if k not in ("tipo", "entrenable"))


def check_recipe(receta) -> Recipe:
    """The recipe ``{"optimizador": "sgd" | "adam", "lr": float, "tam_lote": int}``, checked."""
    ok = (isinstance(receta, dict) and set(receta) == {"optimizador", "lr", "tam_lote"}
          and receta["optimizador"] in OPTIMIZERS and _real(receta["lr"], 0.0, MAX_LR)
          and _integer(receta["tam_lote"], 1, MAX_BATCH))
    if not ok:
        fail(f"receta_final() devolvió {str(receta)[:200]}; se esperaba {{'optimizador': 'sgd' o 'adam', 'lr': un "
             f"número entre 0 y {MAX_LR:g}, 'tam_lote': un entero entre 1 y {MAX_BATCH}}}.",
             f"receta_final() returned {str(receta)[:200]}; expected {{'optimizador': 'sgd' or 'adam', 'lr': a "
             f"number between 0 and {MAX_LR:g}, 'tam_lote': an integer between 1 and {MAX_BATCH}}}.")
    return Recipe(receta["optimizador"], float(receta["lr"]), receta["tam_lote"])


def check_final(value, input_shape: tuple[int, ...], outputs: int) -> tuple[Plan, Recipe]:
    """What the locked cell's ``corrector_final()`` returned, ``{"capas": [...], "receta": {...}}``, checked."""
    if not isinstance(value, dict) or set(value) != {"capas", "receta"}:
        fail(f"corrector_final() debe devolver {{'capas': [...], 'receta': {{...}}}}; devolvió {str(value)[:200]}.",
             f"corrector_final() must return {{'capas': [...], 'receta': {{...}}}}; it returned {str(value)[:200]}.")
    return check_layers(value["capas"], input_shape, outputs), check_recipe(value["receta"])


def build(plan: Plan, seed: int):
    """The nn.Sequential of a checked plan, initialised by PyTorch after ``torch.manual_seed(seed)``.

    The global generator is restored afterwards: building a model leaves no trace in the broker.
    """
    import torch
    from torch import nn

    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        modules = []
        for c in plan.layers:
            tipo = c["tipo"]
            if tipo == "lineal":
                m = nn.Linear(c["entrada"], c["salida"], bias=c["sesgo"])
            elif tipo == "conv":
                m = nn.Conv2d(c["entrada"], c["salida"], c["k"], stride=c["stride"], padding=c["padding"],
                              bias=c["sesgo"])
            elif tipo in ("maxpool", "avgpool"):
                m = (nn.MaxPool2d if tipo == "maxpool" else nn.AvgPool2d)(c["k"], stride=c["stride"])
            elif tipo == "dropout":
                m = nn.Dropout(c["p"])
            else:
                m = {"relu": nn.ReLU, "sigmoide": nn.Sigmoid, "tanh": nn.Tanh, "aplanar": nn.Flatten}[tipo]()
            for p in m.parameters():
                p.requires_grad_(c.get("entrenable", True))
            modules.append(m)
        return nn.Sequential(*modules)


class Training:
    """The notebook's stated loop: per epoch a torch.randperm order, then zero_grad, cross-entropy, backward, step.

    ``X`` is float32-ready (N, ...) and ``y`` int labels; the batch order comes from a generator seeded with
    ``seed``. Time is CPU time of the calling thread (``time.thread_time``): a loaded machine does not cost a
    student a tier. Run it on one thread (:func:`single_threaded`).
    """

    def __init__(self, model, recipe: Recipe, X: np.ndarray, y: np.ndarray, seed: int):
        import torch

        self.model, self.recipe = model, recipe
        make = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam}[recipe.optimizer]
        self.optimizer = make(model.parameters(), lr=recipe.lr)
        self.X = torch.from_numpy(np.array(X, dtype=np.float32))
        self.y = torch.from_numpy(np.array(y, dtype=np.int64))
        self.generator = torch.Generator().manual_seed(seed)
        self.seconds = 0.0

    def epoch(self, budget: float) -> bool:
        """Train one epoch unless the CPU seconds used reach ``budget`` first (then the epoch does not count)."""
        import torch

        start = time.thread_time() - self.seconds
        self.model.train()
        order = torch.randperm(len(self.y), generator=self.generator)
        for batch in torch.split(order, self.recipe.batch):
            self.optimizer.zero_grad()
            loss = torch.nn.functional.cross_entropy(self.model(self.X[batch]), self.y[batch])
            loss.backward()
            self.optimizer.step()
            self.seconds = time.thread_time() - start
            if self.seconds >= budget:
                return False
        return True

    def predict(self, X: np.ndarray) -> np.ndarray:
        """argmax of the logits, in evaluation mode without gradients; int64 (N,)."""
        import torch

        self.model.eval()
        with torch.no_grad():
            logits = self.model(torch.from_numpy(np.array(X, dtype=np.float32)))
        return logits.argmax(dim=1).numpy().astype(np.int64)
