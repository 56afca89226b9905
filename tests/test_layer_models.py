"""08's final model crosses the boundary as a plain layer list: what the broker accepts, refuses and builds.

The worker side is the notebook's locked cell (``describir_modelo``, ``modelo_desde_capas``), run here from the
notebook itself; the broker side is :mod:`dlgrader.grading.layer_models`. Together they promise that a model the
student writes as an ``nn.Sequential`` of the course's layers is rebuilt by the broker with the same initial
weights, and that nothing else (a forward of one's own, a layer the course does not teach, a network too large to
train in the broker) is built at all.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from conftest import REPO
from dlgrader.grading import CheckFailed
from dlgrader.grading.layer_models import (MAX_PARAMETERS, MAX_VALUES, Training, build, check_final, check_layers,
                                           check_recipe)

torch = pytest.importorskip("torch")
nn = torch.nn

REFERENCE = [{"tipo": "conv", "entrada": 1, "salida": 32, "k": 3, "padding": 1}, {"tipo": "relu"},
             {"tipo": "maxpool", "k": 2}, {"tipo": "aplanar"}, {"tipo": "lineal", "entrada": 512, "salida": 10}]
RECIPE = {"optimizador": "adam", "lr": 0.01, "tam_lote": 32}


@pytest.fixture(scope="module")
def cell() -> dict:
    """The namespace of the notebook's locked cell ``apoyo_corrector``, as the worker runs it."""
    nb = json.loads((REPO / "assignments" / "08_crispdm" / "08_crispdm.ipynb").read_text(encoding="utf-8"))
    source = next("".join(c["source"]) for c in nb["cells"] if c.get("id") == "apoyo_corrector")
    namespace = {"np": np, "torch": torch, "nn": nn}
    exec(compile(source, "apoyo_corrector", "exec"), namespace)
    return namespace


def _refusal(capas, shape=(1, 8, 8), outputs=10) -> str:
    with pytest.raises(CheckFailed) as info:
        check_layers(capas, shape, outputs)
    text = info.value.text
    assert text.es and text.en
    return text.es


def test_the_reference_builds_with_the_weights_of_its_own_constructor():
    """torch.manual_seed(0) then the student's nn.Sequential, or the broker's build: the same weights."""
    plan = check_layers(REFERENCE, (1, 8, 8), 10)
    assert (plan.parameters, plan.multiplications) == (32 * 9 + 32 + 512 * 10 + 10, 32 * 64 * 9 + 5120)
    torch.manual_seed(0)
    own = nn.Sequential(nn.Conv2d(1, 32, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                        nn.Linear(32 * 4 * 4, 10))
    torch.manual_seed(123)
    state = torch.random.get_rng_state()
    built = build(plan, 0)
    assert torch.equal(torch.random.get_rng_state(), state)  # building leaves the global generator alone
    assert all(torch.equal(a, b) for a, b in zip(own.state_dict().values(), built.state_dict().values()))
    assert not torch.equal(build(plan, 1)[0].weight, built[0].weight)


@pytest.mark.parametrize("model, accepted", [
    (lambda: nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(inplace=True), nn.AvgPool2d(2),
                           nn.Sequential(nn.Conv2d(8, 4, 3, stride=2, bias=False), nn.Tanh()), nn.Flatten(),
                           nn.Dropout(0.25), nn.Linear(4, 16), nn.Sigmoid(), nn.Linear(16, 10)), True),
    (lambda: nn.Sequential(nn.Flatten(), nn.Linear(64, 10), nn.Softmax(dim=1)), False),
    (lambda: nn.Sequential(nn.Conv2d(1, 4, 3, dilation=2), nn.Flatten(), nn.Linear(64, 10)), False),
    (lambda: nn.Sequential(nn.Conv2d(1, 4, (3, 1)), nn.Flatten(), nn.Linear(96, 10)), False),
    (lambda: nn.Sequential(nn.MaxPool2d(2, padding=1), nn.Flatten(), nn.Linear(25, 10)), False),
    (lambda: nn.Sequential(nn.Flatten(0), nn.Linear(64, 10)), False),
    (lambda: nn.Sequential(nn.BatchNorm2d(1), nn.Flatten(), nn.Linear(64, 10)), False),
])
def test_the_locked_cell_describes_course_layers_and_flags_the_rest(cell, model, accepted):
    capas = cell["describir_modelo"](model())
    assert json.loads(json.dumps(capas)) == capas  # plain data only
    if not accepted:
        assert "no aceptada" in {c["tipo"] for c in capas}
        assert "el corrector no acepta" in _refusal(capas)
        return
    plan = check_layers(capas, (1, 8, 8), 10)
    torch.manual_seed(3)
    worker_side = cell["modelo_desde_capas"](capas)  # what the notebook's demonstration trains
    broker_side = build(plan, 3)
    assert [type(m) for m in worker_side][1:] == [type(m) for m in broker_side]  # [0] is the recording layer
    assert all(torch.equal(a, b) for a, b in zip(worker_side.parameters(), broker_side.parameters()))
    assert broker_side(torch.zeros(2, 1, 8, 8)).shape == (2, 10)


def test_a_class_of_ones_own_is_refused_whatever_it_holds(cell):
    class Propia(nn.Module):
        def __init__(self):
            super().__init__()
            self.capas = nn.Sequential(nn.Flatten(), nn.Linear(64, 10))

        def forward(self, x):
            return self.capas(x)

    capas = cell["describir_modelo"](Propia())
    assert capas == [{"tipo": "modelo", "clase": "Propia"}]
    with pytest.raises(CheckFailed) as info:
        check_layers(capas, (1, 8, 8), 10)
    assert "no un nn.Sequential" in info.value.text.es and "forward" in info.value.text.en


@pytest.mark.parametrize("capas, words", [
    ([{"tipo": "lineal", "entrada": 64, "salida": 10}], "falta nn.Flatten()"),
    ([{"tipo": "conv", "entrada": 3, "salida": 4, "k": 3}, {"tipo": "aplanar"},
      {"tipo": "lineal", "entrada": 144, "salida": 10}], "no puede recibir imágenes de 1 × 8 × 8"),
    ([{"tipo": "maxpool", "k": 9}, {"tipo": "aplanar"}, {"tipo": "lineal", "entrada": 1, "salida": 10}],
     "no puede recibir"),
    ([{"tipo": "aplanar"}, {"tipo": "lineal", "entrada": 64, "salida": 9}], "debe terminar en 10 logits"),
    ([{"tipo": "aplanar"}, {"tipo": "lineal", "entrada": 64, "salida": 10, "pesos": [[0.0]]}], "trae los campos"),
    ([{"tipo": "aplanar"}, {"tipo": "lineal", "entrada": True, "salida": 10}], "valores fuera de lo aceptado"),
    ([{"tipo": "dropout", "p": 1.0}, {"tipo": "aplanar"}, {"tipo": "lineal", "entrada": 64, "salida": 10}],
     "valores fuera de lo aceptado"),
    ([{"tipo": "lambda", "codigo": "x"}], "que el corrector no acepta"),
    ({"tipo": "aplanar"}, "una lista de 1 a"),
    ([{"tipo": "aplanar"}, {"tipo": "lineal", "entrada": 64, "salida": MAX_PARAMETERS // 64 + 1},
      {"tipo": "lineal", "entrada": MAX_PARAMETERS // 64 + 1, "salida": 10}], "demasiado grande"),
    ([{"tipo": "conv", "entrada": 1, "salida": MAX_VALUES // 64 + 1, "k": 1}, {"tipo": "aplanar"},
      {"tipo": "lineal", "entrada": 64 * (MAX_VALUES // 64 + 1), "salida": 10}], "demasiado grande"),
])
def test_what_the_broker_will_not_build_is_refused_with_a_reason(capas, words):
    assert words in _refusal(capas)


def test_a_case_shaped_input_is_followed_through_the_layers():
    """28x28 grey and 32x32 colour images: the flatten size follows from the shapes, floor division included."""
    capas = [{"tipo": "conv", "entrada": 3, "salida": 4, "k": 3, "padding": 1}, {"tipo": "maxpool", "k": 2},
             {"tipo": "conv", "entrada": 4, "salida": 4, "k": 3, "stride": 2}, {"tipo": "aplanar"},
             {"tipo": "lineal", "entrada": 4 * 7 * 7, "salida": 10}]
    assert check_layers(capas, (3, 32, 32), 10).values == 4 * 32 * 32 + 4 * 16 * 16 + 2 * 4 * 7 * 7 + 10
    grey = [{"tipo": "maxpool", "k": 2}, {"tipo": "maxpool", "k": 2}, {"tipo": "maxpool", "k": 2},
            {"tipo": "aplanar"}, {"tipo": "lineal", "entrada": 9, "salida": 10}]
    check_layers(grey, (1, 28, 28), 10)
    assert "recibe vectores de 9 valores" in _refusal(grey[:4] + [{"tipo": "lineal", "entrada": 12, "salida": 10}],
                                                      (1, 28, 28))


@pytest.mark.parametrize("receta", [
    {"optimizador": "rmsprop", "lr": 0.01, "tam_lote": 32}, {"optimizador": "adam", "lr": float("nan"), "tam_lote": 32},
    {"optimizador": "adam", "lr": 100.0, "tam_lote": 32}, {"optimizador": "adam", "lr": 0.01, "tam_lote": 0},
    {"optimizador": "adam", "lr": 0.01, "tam_lote": 32.0}, {"optimizador": "adam", "lr": 0.01},
    {"optimizador": "adam", "lr": 0.01, "tam_lote": 32, "semilla": 1}, [("optimizador", "adam")],
])
def test_a_recipe_outside_the_stated_one_is_refused(receta):
    with pytest.raises(CheckFailed):
        check_recipe(receta)
    with pytest.raises(CheckFailed):
        check_final({"capas": REFERENCE, "receta": receta}, (1, 8, 8), 10)


def test_what_corrector_final_sends_is_plain_and_accepted(cell):
    namespace = dict(cell)
    exec("def modelo_final():\n    return nn.Sequential(nn.Flatten(), nn.Linear(64, 10))\n"
         "def receta_final():\n    return {'optimizador': 'sgd', 'lr': np.float64(0.5), 'tam_lote': np.int64(16)}\n",
         namespace)
    namespace["corrector_final"].__globals__.update(namespace)
    sent = namespace["corrector_final"]()
    assert json.loads(json.dumps(sent)) == sent
    plan, recipe = check_final(sent, (1, 8, 8), 10)
    assert (recipe.optimizer, recipe.lr, recipe.batch) == ("sgd", 0.5, 16) and plan.parameters == 650
    with pytest.raises(CheckFailed):
        check_final({"capas": REFERENCE}, (1, 8, 8), 10)


def test_training_stops_inside_the_epoch_that_runs_out_of_cpu_time():
    plan = check_layers(REFERENCE, (1, 8, 8), 10)
    rng = np.random.default_rng(0)
    X, y = rng.random((64, 1, 8, 8)), rng.integers(0, 10, 64)
    done = Training(build(plan, 0), check_recipe(RECIPE), X, y, 0)
    assert done.epoch(30.0) and 0 < done.seconds < 30.0
    assert done.predict(X).shape == (64,) and done.predict(X).dtype == np.int64
    cut = Training(build(plan, 0), check_recipe(RECIPE), X, y, 0)
    before = [p.detach().clone() for p in cut.model.parameters()]
    assert cut.epoch(0.0) is False  # the first batch already used the (empty) budget: the epoch does not count
    assert any(not torch.equal(a, b) for a, b in zip(before, cut.model.parameters()))
