"""Hidden checks of assignment 07 (regularisation): dropout statistics, Keras' early stopping, the L2 penalty.

Dropout is random, so its checks are statistical. Every tolerance is five binomial standard deviations
(plus one unit of rounding), so a correct implementation, however it draws its mask, fails a given example
with probability below 1e-6; hypothesis runs derandomised and draws the seeds, so the reference's score never
changes. Inputs are kept away from 0 (|x| >= 0.5) so a kept unit is never mistaken for a dropped one.

Early stopping is compared with ``keras_stop``, an independent reimplementation of
``keras.callbacks.EarlyStopping`` written as a scan of the curve: the wait at epoch e is e minus the epoch of
the last improvement, an improvement is ``current < best - min_delta`` ('min') or ``current > best + min_delta``
('max'), strictly, and training stops at the first epoch e > 0 that does not improve with
``wait >= patience``. Curves and min_delta live on the 1/16 grid, so every comparison is exact and ties with
``best - min_delta`` really happen.

The L2 checks pass a quadratic data loss whose gradient the grader knows, so central differences of the
student's total loss are exact up to rounding.
"""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from dlgrader.grading import as_array, as_number, assert_close, check, expect, fail, grader_settings, show

SIGMAS = 5.0

# ------------------------------------------------------------------ dropout helpers

P_ANY = st.floats(0.05, 0.95)
P_NOT_HALF = st.one_of(st.floats(0.05, 0.4), st.floats(0.6, 0.95))  # p read as the keep probability shows
SEEDS = st.integers(0, 2**31 - 1)
BIG_SHAPES = st.sampled_from([(400,), (20, 25), (4, 10, 10), (2, 300), (16, 32)])
SMALL_SHAPES = st.sampled_from([(1,), (3,), (2, 3), (4, 1), (2, 2, 3), (5, 4)])


def nonzero_array(seed: int, shape, low: float = 0.5, high: float = 3.0, signed: bool = True) -> np.ndarray:
    """Values with |x| in [low, high], random signs: a dropped unit (0) never looks like a kept one.

    The stream is seeded with [seed, 7], never plain seed: the student's Dropout(p, seed) draws from
    default_rng(seed), and a mask drawn from the same numbers as x would be correlated with x.
    """
    rng = np.random.default_rng([seed, 7])
    x = rng.uniform(low, high, size=shape)
    if signed:
        x = x * rng.choice([-1.0, 1.0], size=shape)
    return x


def make_dropout(student, p, seed):
    return student.Dropout(p, seed), f"capa = Dropout({p!r}, {seed})"


def forward(layer, call: str, x: np.ndarray, training: bool) -> np.ndarray:
    what = f"{call}; capa.adelante(x, {training}) con x de forma {x.shape}"
    return as_array(layer.adelante(x.copy(), training), what, shape=x.shape)


def expect_some_dropped_and_kept(y: np.ndarray, call: str, p: float) -> None:
    """Gate: with 0 < p < 1 and hundreds of units, a real dropout drops some and keeps some.

    Properties such as "the mean is preserved" or "atras uses the forward mask" hold trivially for a layer
    that returns its input (or zeros); each of those checks first asks for an actual mask.
    """
    dropped = int(np.sum(np.abs(y) <= 1e-12))
    expect(0 < dropped < y.size,
           f"{call}; capa.adelante(x, True) con {y.size} unidades y p = {p!r} apagó {dropped} de ellas; al "
           "entrenar se esperaba apagar algunas (cerca de una fracción p) y mantener las demás.",
           f"{call}; capa.adelante(x, True) with {y.size} units and p = {p!r} dropped {dropped} of them; in "
           "training some were expected to be dropped (about a fraction p) and the rest kept.")


def kept_band(n: int, p: float) -> tuple[float, float]:
    sigma = np.sqrt(p * (1 - p) / n)
    return (1 - p) - SIGMAS * sigma - 1 / n, (1 - p) + SIGMAS * sigma + 1 / n


# ------------------------------------------------------------------ Dropout

@check("dropout_valores")
@grader_settings(max_examples=20)
@given(p=P_ANY, seed=SEEDS, shape=BIG_SHAPES)
def test_dropout_valores(student, p, seed, shape):
    x = nonzero_array(seed, shape)
    layer, call = make_dropout(student, p, seed)
    out, args, _ = layer.adelante.with_inputs(x.copy(), True)
    y = as_array(out, f"{call}; capa.adelante(x, True) con x de forma {shape}", shape=shape)
    scaled = x / (1 - p)
    dropped = np.abs(y) <= 1e-12
    kept = np.isclose(y, scaled, rtol=1e-9, atol=0)
    bad = ~(dropped | kept)
    if bad.any():
        i = tuple(int(k) for k in np.argwhere(bad)[0])
        no_scale = bool(np.isclose(y[i], x[i], rtol=1e-9, atol=0))
        fail(f"{call}; capa.adelante(x, True) con x de forma {shape}: en la posición {i}, x = {x[i]!r} y la salida "
             f"es {y[i]!r}; cada salida debe ser 0 (unidad apagada) o x/(1 - p) = {scaled[i]!r} (mantenida).",
             f"{call}; capa.adelante(x, True) with x of shape {shape}: at position {i}, x = {x[i]!r} and the output "
             f"is {y[i]!r}; each output must be 0 (dropped unit) or x/(1 - p) = {scaled[i]!r} (kept).",
             "Falta la escala del dropout invertido: las unidades mantenidas se dividen por (1 - p) al entrenar."
             if no_scale else "p es la probabilidad de apagar: se mantiene con probabilidad 1 - p y se escala por "
             "1/(1 - p).",
             "The inverted dropout scaling is missing: kept units are divided by (1 - p) in training."
             if no_scale else "p is the drop probability: a unit is kept with probability 1 - p and scaled by "
             "1/(1 - p).")
    expect(bool(kept.any()),
           f"{call}; capa.adelante(x, True) con {x.size} unidades y p = {p!r} las apagó todas; se esperaba mantener "
           "cerca de una fracción 1 - p.",
           f"{call}; capa.adelante(x, True) with {x.size} units and p = {p!r} dropped all of them; about a fraction "
           "1 - p was expected to be kept.")
    after = np.asarray(args[0], dtype=float)
    expect(after.shape == x.shape and bool(np.array_equal(after, x)),
           f"{call}; capa.adelante(x, True) modificó el arreglo x que recibió; debe devolver uno nuevo.",
           f"{call}; capa.adelante(x, True) modified the array x it received; it must return a new one.",
           "Evita x *= mascara: escribe x * mascara.", "Avoid x *= mask: write x * mask.")


@check("dropout_fraccion")
@grader_settings(max_examples=20)
@given(p=P_NOT_HALF, seed=SEEDS)
def test_dropout_fraccion(student, p, seed):
    x = nonzero_array(seed, (50, 100))
    layer, call = make_dropout(student, p, seed)
    y = forward(layer, call, x, True)
    kept = float(np.mean(np.abs(y) > 1e-12))
    low, high = kept_band(x.size, p)
    expect(low <= kept <= high,
           f"{call}; capa.adelante(x, True) con x de forma (50, 100) mantuvo una fracción {kept:.4f} de las "
           f"unidades; con p = {p:.4f} (probabilidad de apagar) se esperaba cerca de 1 - p = {1 - p:.4f}, entre "
           f"{low:.4f} y {high:.4f}.",
           f"{call}; capa.adelante(x, True) with x of shape (50, 100) kept a fraction {kept:.4f} of the units; "
           f"with p = {p:.4f} (the drop probability) about 1 - p = {1 - p:.4f} was expected, between {low:.4f} "
           f"and {high:.4f}.",
           "Como en Keras y torch, Dropout(0.2) apaga el 20 % de las unidades: mantén donde rng.random(forma) >= p.",
           "As in Keras and torch, Dropout(0.2) drops 20 % of the units: keep where rng.random(shape) >= p.")


@check("dropout_media")
@grader_settings(max_examples=20)
@given(p=P_ANY, seed=SEEDS)
def test_dropout_media(student, p, seed):
    x = nonzero_array(seed, (50, 100), signed=False)
    layer, call = make_dropout(student, p, seed)
    y = forward(layer, call, x, True)
    expect_some_dropped_and_kept(y, call, p)
    sigma = np.sqrt(np.sum(x ** 2) * p / (1 - p)) / x.size  # standard deviation of mean(y) around mean(x)
    tolerance = SIGMAS * sigma + 1e-9
    expect(abs(float(y.mean()) - float(x.mean())) <= tolerance,
           f"{call}; capa.adelante(x, True) con x positiva de forma (50, 100) y media {x.mean():.4f} devolvió una "
           f"salida de media {y.mean():.4f}; el dropout invertido conserva la media (se esperaba a menos de "
           f"{tolerance:.4f}).",
           f"{call}; capa.adelante(x, True) with a positive x of shape (50, 100) and mean {x.mean():.4f} returned "
           f"an output of mean {y.mean():.4f}; inverted dropout preserves the mean (expected within "
           f"{tolerance:.4f}).",
           "Dividir las unidades mantenidas por (1 - p) compensa las que se apagan, en promedio.",
           "Dividing the kept units by (1 - p) makes up for the dropped ones, on average.")


@check("dropout_evaluacion")
@grader_settings(max_examples=15)
@given(p=st.one_of(P_ANY, st.sampled_from([0.0, 1.0, 0.5])), seed=SEEDS, shape=SMALL_SHAPES,
       train_first=st.booleans())
def test_dropout_evaluacion(student, p, seed, shape, train_first):
    x = nonzero_array(seed, shape)
    dy = nonzero_array(seed + 1, shape)
    layer, call = make_dropout(student, p, seed)
    before = ""
    if 0 < p < 1 and (train_first or p >= 0.05):  # p = 0 and p = 1 in training belong to dropout_extremos
        warm = nonzero_array(seed + 2, (400,))
        expect_some_dropped_and_kept(forward(layer, call, warm, True), call, p)
        before = " después de un adelante(..., True)"
    y = forward(layer, call, x, False)
    assert_close(y, x, rtol=1e-12, atol=0,
                 es=f"{call}; capa.adelante(x, False){before} con x = {show(x)} devolvió {show(y)}; en evaluación "
                    "se esperaba x sin cambios (ni máscara ni escala).",
                 en=f"{call}; capa.adelante(x, False){before.replace('después de', 'after')} with x = {show(x)} "
                    f"returned {show(y)}; in evaluation x was expected unchanged (no mask, no scaling).")
    dx = as_array(layer.atras(dy.copy()), f"{call}; capa.atras(dy) tras adelante(x, False)", shape=shape)
    assert_close(dx, dy, rtol=1e-12, atol=0,
                 es=f"{call}; tras capa.adelante(x, False), capa.atras(dy) con dy = {show(dy)} devolvió {show(dx)}; "
                    "se esperaba dy sin cambios (en evaluación la capa es la identidad).",
                 en=f"{call}; after capa.adelante(x, False), capa.atras(dy) with dy = {show(dy)} returned {show(dx)}; "
                    "dy was expected unchanged (in evaluation the layer is the identity).")


@check("dropout_extremos")
@grader_settings(max_examples=8)
@given(seed=SEEDS, shape=SMALL_SHAPES)
def test_dropout_extremos(student, seed, shape):
    x = nonzero_array(seed, shape)
    dy = nonzero_array(seed + 1, shape)
    layer, call = make_dropout(student, 0.0, seed)
    y = forward(layer, call, x, True)
    assert_close(y, x, rtol=1e-12, atol=0,
                 es=f"{call}; capa.adelante(x, True) con x = {show(x)} devolvió {show(y)}; con p = 0 no se apaga "
                    "nada y 1/(1 - p) = 1, así que se esperaba x.",
                 en=f"{call}; capa.adelante(x, True) with x = {show(x)} returned {show(y)}; with p = 0 nothing is "
                    "dropped and 1/(1 - p) = 1, so x was expected.")
    layer, call = make_dropout(student, 1.0, seed)
    what = f"{call}; capa.adelante(x, True) con x de forma {shape}"
    y = as_array(layer.adelante(x.copy(), True), what, shape=shape)
    expect(bool(np.all(y == 0)),
           f"{what} devolvió {show(y)}; con p = 1 se apagan todas las unidades y se esperaban ceros.",
           f"{what.replace(' con x de forma', ' with x of shape')} returned {show(y)}; with p = 1 every unit is "
           "dropped and zeros were expected.",
           "Trata p = 1 aparte: la máscara es toda cero y no hay que dividir por 1 - p = 0.",
           "Handle p = 1 separately: the mask is all zeros and there is nothing to divide by 1 - p = 0.")
    dx = as_array(layer.atras(dy.copy()), f"{call}; capa.atras(dy) tras adelante(x, True)", shape=shape)
    expect(bool(np.all(dx == 0)),
           f"{call}; tras capa.adelante(x, True), capa.atras(dy) devolvió {show(dx)}; con p = 1 se esperaban ceros.",
           f"{call}; after capa.adelante(x, True), capa.atras(dy) returned {show(dx)}; with p = 1 zeros were "
           "expected.")


@check("dropout_atras")
@grader_settings(max_examples=15)
@given(p=st.floats(0.1, 0.9), seed=SEEDS, shape=BIG_SHAPES, twice=st.booleans())
def test_dropout_atras(student, p, seed, shape, twice):
    x = nonzero_array(seed, shape)
    dy = nonzero_array(seed + 1, shape)
    layer, call = make_dropout(student, p, seed)
    if twice:  # atras uses the mask of the LAST adelante
        forward(layer, call, nonzero_array(seed + 2, shape), True)
    y = forward(layer, call, x, True)
    expect_some_dropped_and_kept(y, call, p)
    expected = dy * (y / x)  # the factor (0 or 1/(1 - p)) this forward applied to each unit
    dx = as_array(layer.atras(dy.copy()), f"{call}; capa.atras(dy) con dy de forma {shape}", shape=shape)
    if not np.allclose(dx, expected, rtol=1e-9, atol=1e-12):
        bad = ~np.isclose(dx, expected, rtol=1e-9, atol=1e-12)
        i = tuple(int(k) for k in np.argwhere(bad)[0])
        state = "apagada" if abs(y[i]) <= 1e-12 else "mantenida"
        state_en = "dropped" if abs(y[i]) <= 1e-12 else "kept"
        fail(f"{call}; y = capa.adelante(x, True); dx = capa.atras(dy): en la posición {i} la unidad quedó {state} "
             f"(x = {x[i]!r}, y = {y[i]!r}) y dy = {dy[i]!r}, pero dx = {dx[i]!r}; se esperaba {expected[i]!r}, "
             "dy multiplicado por el mismo factor (0 o 1/(1 - p)) que usó adelante.",
             f"{call}; y = capa.adelante(x, True); dx = capa.atras(dy): at position {i} the unit was {state_en} "
             f"(x = {x[i]!r}, y = {y[i]!r}) and dy = {dy[i]!r}, but dx = {dx[i]!r}; expected {expected[i]!r}, "
             "dy multiplied by the same factor (0 or 1/(1 - p)) adelante used.",
             "Guarda la máscara (ya escalada) en adelante y úsala en atras; no sortees una nueva.",
             "Store the (already scaled) mask in adelante and use it in atras; do not draw a new one.")


@check("dropout_semilla")
@grader_settings(max_examples=10)
@given(p=st.floats(0.2, 0.8), seed=SEEDS)
def test_dropout_semilla(student, p, seed):
    x = nonzero_array(seed, (200,), signed=False)
    first, call = make_dropout(student, p, seed)
    second, _ = make_dropout(student, p, seed)
    y1 = forward(first, call, x, True)
    y2 = forward(second, call, x, True)
    expect(bool(np.array_equal(y1 != 0, y2 != 0)),
           f"Dos capas creadas con Dropout({p!r}, {seed}) apagaron unidades distintas en su primer "
           "adelante(x, True); con la misma semilla se esperaban las mismas máscaras.",
           f"Two layers created with Dropout({p!r}, {seed}) dropped different units in their first "
           "adelante(x, True); with the same seed the same masks were expected.",
           "Crea self.rng = np.random.default_rng(semilla) en el constructor y sortea siempre con self.rng "
           "(no con np.random.rand ni np.random.seed).",
           "Create self.rng = np.random.default_rng(semilla) in the constructor and always draw with self.rng "
           "(not with np.random.rand nor np.random.seed).")
    default_a, default_b = student.Dropout(), student.Dropout()
    ya = forward(default_a, "capa = Dropout()", x, True)
    yb = forward(default_b, "capa = Dropout()", x, True)
    reference_layer, _ = make_dropout(student, 0.5, 0)
    y0 = forward(reference_layer, "capa = Dropout(0.5, 0)", x, True)
    expect(bool(np.array_equal(ya != 0, yb != 0)) and bool(np.array_equal(ya != 0, y0 != 0)),
           "Dos capas creadas con Dropout() (los valores por omisión) apagaron unidades distintas entre sí o "
           "distintas de Dropout(0.5, 0); por omisión p = 0.5 y semilla = 0, así que deben coincidir.",
           "Two layers created with Dropout() (the default values) dropped units different from each other or "
           "from Dropout(0.5, 0); by default p = 0.5 and semilla = 0, so they must agree.",
           "La firma es Dropout(p=0.5, semilla=0): con semilla=None cada capa sortearía máscaras distintas.",
           "The signature is Dropout(p=0.5, semilla=0): with semilla=None each layer would draw different masks.")
    y3 = forward(first, call, x, True)
    expect(not np.array_equal(y1 != 0, y3 != 0),
           f"{call}; dos llamadas seguidas a capa.adelante(x, True) con 200 unidades apagaron exactamente las "
           "mismas; cada llamada debe sortear una máscara nueva.",
           f"{call}; two calls in a row to capa.adelante(x, True) with 200 units dropped exactly the same ones; "
           "each call must draw a new mask.",
           "Crea el generador una sola vez, en el constructor, no en cada llamada a adelante.",
           "Create the generator once, in the constructor, not at each call to adelante.")


# ------------------------------------------------------------------ early stopping: oracle and driver

GRID = 16  # every value and min_delta is a multiple of 1/16: exact comparisons
DEFAULTS = {"monitor": "val_loss", "min_delta": 0.0, "patience": 0, "mode": "min", "restore_best_weights": False}
MIN_DELTAS = st.sampled_from([0.0, 1 / 16, 1 / 8, 1 / 4])
KEYS = ("loss", "val_loss", "accuracy", "val_accuracy")


def keras_stop(values, mode: str, patience: int, min_delta: float) -> tuple[int | None, int]:
    """(stopping epoch or None, best epoch) of keras.callbacks.EarlyStopping on one curve."""
    best_epoch, best = None, None
    for epoch, value in enumerate(values):
        if best is None:
            improved = True
        elif mode == "min":
            improved = value < best - min_delta
        else:
            improved = value > best + min_delta
        if improved:
            best_epoch, best = epoch, value
        elif epoch > 0 and epoch - best_epoch >= patience:
            return epoch, best_epoch
    return None, best_epoch


def describe(kwargs: dict) -> str:
    """The constructor call as the check makes it (constructor_kwargs may leave the defaults out)."""
    return "ParadaTemprana(" + ", ".join(f"{k}={v!r}" for k, v in constructor_kwargs(kwargs).items()) + ")"


def curve_text(values) -> str:
    return "[" + ", ".join(f"{v:g}" for v in values) + "]"


def epoch_weights(epoch: int) -> list:
    """Weights that say which epoch they come from."""
    return [np.full((2, 3), epoch + 0.5), np.array([float(epoch), -float(epoch)])]


def constructor_kwargs(kwargs: dict) -> dict:
    """The arguments as a caller writes them: those equal to Keras' defaults are left out half of the time
    (decided by the curve's length and patience, so the same case always makes the same call)."""
    if (kwargs.get("patience", 0) + len(kwargs)) % 2:
        return kwargs
    return {k: v for k, v in kwargs.items() if DEFAULTS.get(k, object()) != v}


def run_monitor(student, kwargs: dict, logs: list[dict], overwrite: bool = False, best_so_far=None):
    """Feed ParadaTemprana(**kwargs) the logs epoch by epoch; return (monitor, stopping epoch or None).

    overwrite: right after each call the caller fills its weight arrays with nan (as a training loop updates
    its weights in place), so a monitor that kept the caller's arrays instead of copies shows it.
    best_so_far: the best epoch after each epoch; mejor_epoca is read after every call and compared with it.
    """
    monitor = student.ParadaTemprana(**constructor_kwargs(kwargs))
    for epoch, epoch_logs in enumerate(logs):
        call = monitor.al_terminar_epoca.overwriting_arguments if overwrite else monitor.al_terminar_epoca
        answer = call(epoch, epoch_logs, epoch_weights(epoch))
        if best_so_far is not None:
            best = as_number(monitor.attr("mejor_epoca"), f"{describe(kwargs)}.mejor_epoca")
            expect(best == best_so_far[epoch],
                   f"{describe(kwargs)}: después de al_terminar_epoca({epoch}, ...) mejor_epoca vale {best:g}; la "
                   f"mejor época hasta ahí es la {best_so_far[epoch]}.",
                   f"{describe(kwargs)}: after al_terminar_epoca({epoch}, ...) mejor_epoca is {best:g}; the best "
                   f"epoch so far is {best_so_far[epoch]}.",
                   "Actualiza self.mejor_epoca en cada mejora, dentro de al_terminar_epoca: los atributos deben "
                   "estar al día después de cada llamada, no solo al detenerse.",
                   "Update self.mejor_epoca at each improvement, inside al_terminar_epoca: the attributes must be "
                   "up to date after every call, not only when stopping.")
        if not isinstance(answer, (bool, np.bool_)):
            fail(f"{describe(kwargs)}.al_terminar_epoca({epoch}, logs, pesos) devolvió {show(answer)}; se esperaba "
                 "True (detener) o False (seguir).",
                 f"{describe(kwargs)}.al_terminar_epoca({epoch}, logs, pesos) returned {show(answer)}; expected "
                 "True (stop) or False (go on).")
        if answer:
            return monitor, epoch
    return monitor, None


def stop_text(epoch, lang: str) -> str:
    if epoch is None:
        return "no detenerse nunca" if lang == "es" else "never stopping"
    return f"detenerse en la época {epoch}" if lang == "es" else f"stopping at epoch {epoch}"


def expect_run(student, kwargs: dict, logs: list[dict], hint_es: str | None = None, hint_en: str | None = None,
               check_attrs: bool = True, each_call: bool = False):
    """Run the student's monitor and compare stopping epoch, epoca_detenida and mejor_epoca with Keras'.

    each_call: mejor_epoca is also compared after every call, with the best epoch so far.
    """
    curve = [epoch_logs[kwargs["monitor"]] for epoch_logs in logs]
    expected_stop, expected_best = keras_stop(curve, kwargs["mode"], kwargs["patience"], kwargs["min_delta"])
    so_far = None
    if each_call:
        last = len(curve) if expected_stop is None else expected_stop + 1
        so_far = [keras_stop(curve[:e + 1], kwargs["mode"], 10**6, kwargs["min_delta"])[1] for e in range(last)]
    monitor, stopped = run_monitor(student, kwargs, logs, best_so_far=so_far)
    where = f"{describe(kwargs)} con {kwargs['monitor']} = {curve_text(curve)} (épocas 0, 1, 2, ...)"
    where_en = f"{describe(kwargs)} with {kwargs['monitor']} = {curve_text(curve)} (epochs 0, 1, 2, ...)"
    expect(stopped == expected_stop,
           f"{where}: al_terminar_epoca terminó en {stop_text(stopped, 'es')}; se esperaba "
           f"{stop_text(expected_stop, 'es')} (mejor época: {expected_best}).",
           f"{where_en}: al_terminar_epoca ended up {stop_text(stopped, 'en')}; expected "
           f"{stop_text(expected_stop, 'en')} (best epoch: {expected_best}).", hint_es, hint_en)
    if check_attrs:
        stopped_attr = as_number(monitor.attr("epoca_detenida"), f"{describe(kwargs)}.epoca_detenida")
        best_attr = as_number(monitor.attr("mejor_epoca"), f"{describe(kwargs)}.mejor_epoca")
        wanted = 0 if expected_stop is None else expected_stop
        expect(stopped_attr == wanted and best_attr == expected_best,
               f"{where}: al final epoca_detenida = {stopped_attr:g} y mejor_epoca = {best_attr:g}; se esperaba "
               f"{wanted} y {expected_best} (epoca_detenida queda en 0 si nunca se detiene, como en Keras).",
               f"{where_en}: at the end epoca_detenida = {stopped_attr:g} and mejor_epoca = {best_attr:g}; expected "
               f"{wanted} and {expected_best} (epoca_detenida stays 0 if it never stops, as in Keras).")
    return monitor, stopped, expected_stop, expected_best


@st.composite
def walk(draw, n: int, kind: str):
    """A curve of n values on the 1/16 grid: a loss (>= 0) or an accuracy (in [0, 1]), as a random walk."""
    if kind == "loss":
        value, steps = draw(st.integers(24, 48)), st.integers(-4, 2)
        values = []
        for _ in range(n):
            values.append(max(value, 0) / GRID)
            value += draw(steps)
        return values
    value, steps = draw(st.integers(0, 6)), st.integers(-2, 3)
    values = []
    for _ in range(n):
        value = min(max(value, 0), GRID)
        values.append(value / GRID)
        value += draw(steps)
    return values


@st.composite
def histories(draw, min_epochs: int = 3, max_epochs: int = 14):
    """Keras-like logs, one dict per epoch with the four usual keys, each an independent curve."""
    n = draw(st.integers(min_epochs, max_epochs))
    curves = {key: draw(walk(n, "accuracy" if "accuracy" in key else "loss")) for key in KEYS}
    return [{key: curves[key][e] for key in KEYS} for e in range(n)]


def mode_of(monitor: str) -> str:
    return "max" if "accuracy" in monitor else "min"


# ------------------------------------------------------------------ ParadaTemprana

@check("parada_mejora_continua")
@grader_settings(max_examples=12)
@given(monitor=st.sampled_from(["val_loss", "val_accuracy", "loss"]), patience=st.integers(0, 4),
       min_delta=MIN_DELTAS, n=st.integers(4, 10), data=st.data())
def test_parada_mejora_continua(student, monitor, patience, min_delta, n, data):
    mode = mode_of(monitor)
    gain = min_delta + data.draw(st.integers(1, 3)) / GRID  # every step beats min_delta
    if mode == "min":
        curve = [8.0 - gain * e for e in range(n)]
    else:
        curve = [0.0 + gain * e for e in range(n)]
    curve += [curve[-1]] * max(patience, 1)  # then it stalls: now (and only now) training must stop
    logs = [{"loss": 2.0 + (e % 2), "val_loss": 2.0, "accuracy": 0.5, "val_accuracy": 0.5} for e in curve]
    for e, v in enumerate(curve):
        logs[e][monitor] = v
    kwargs = dict(monitor=monitor, min_delta=min_delta, patience=patience, mode=mode)
    expect_run(student, kwargs, logs,
               "Mientras cada época mejora la mejor marca en más de min_delta, la espera vuelve a 0 cada vez; "
               "cuando la curva se estanca, se detiene tras patience épocas. Empieza con mejor = inf en modo "
               "'min' y -inf en 'max'.",
               "While every epoch beats the best value by more than min_delta, the wait goes back to 0 each time; "
               "when the curve stalls, training stops after patience epochs. Start with best = inf in 'min' mode "
               "and -inf in 'max'.")


@check("parada_paciencia")
@grader_settings(max_examples=12)
@given(monitor=st.sampled_from(["val_loss", "val_accuracy"]), patience=st.integers(2, 5), bumps=st.integers(2, 3),
       tail=st.integers(0, 2), data=st.data())
def test_parada_paciencia(student, monitor, patience, bumps, tail, data):
    """Improvements separated by plateaus of patience - 1 epochs, then no improvement at all."""
    mode = mode_of(monitor)
    sign = 1 if mode == "min" else -1
    best = 0.0
    curve = [best]
    for _ in range(bumps):
        curve += [best + sign * data.draw(st.integers(0, 3)) / GRID for _ in range(patience - 1)]
        best -= sign * data.draw(st.integers(1, 3)) / GRID
        curve.append(best)
    best_epoch = len(curve) - 1
    curve += [best + sign * data.draw(st.integers(0, 3)) / GRID for _ in range(patience + tail)]
    curve = [v + (8.0 if mode == "min" else 3 / GRID) for v in curve]  # losses > 0, accuracies >= 0
    logs = [{"loss": 1.0, "val_loss": 1.0, "accuracy": 0.5, "val_accuracy": 0.5} for _ in curve]
    for e, v in enumerate(curve):
        logs[e][monitor] = v
    kwargs = dict(monitor=monitor, min_delta=0.0, patience=patience, mode=mode)
    _, _, expected_stop, expected_best = expect_run(
        student, kwargs, logs,
        "La espera cuenta las épocas seguidas sin mejora: vuelve a 0 en cada mejora y se detiene cuando llega "
        "a patience, es decir, patience épocas después de la mejor.",
        "The wait counts the consecutive epochs without improvement: it goes back to 0 at each improvement and "
        "training stops when it reaches patience, that is, patience epochs after the best one.", each_call=True)
    assert (expected_stop, expected_best) == (best_epoch + patience, best_epoch)  # the construction is right


@check("parada_keras")
@grader_settings(max_examples=30)
@given(logs=histories(), monitor=st.sampled_from(KEYS), patience=st.integers(0, 4), min_delta=MIN_DELTAS)
def test_parada_keras(student, logs, monitor, patience, min_delta):
    kwargs = dict(monitor=monitor, min_delta=min_delta, patience=patience, mode=mode_of(monitor))
    expect_run(student, kwargs, logs,
               "Sigue a Keras: en cada época la espera sube en 1; si hay mejora (estricta, por más de min_delta) "
               "se guarda la mejor marca y la espera vuelve a 0; si no, se detiene cuando espera >= patience.",
               "Follow Keras: at each epoch the wait goes up by 1; on an improvement (strict, by more than "
               "min_delta) the best value is stored and the wait goes back to 0; otherwise training stops when "
               "wait >= patience.")


@check("parada_min_delta")
@grader_settings(max_examples=12)
@given(monitor=st.sampled_from(["val_loss", "val_accuracy"]), patience=st.integers(1, 4),
       min_delta=MIN_DELTAS, ties=st.integers(0, 3), data=st.data())
def test_parada_min_delta(student, monitor, patience, min_delta, ties, data):
    """Values exactly at best - min_delta ('min') or best + min_delta ('max'): ties, not improvements."""
    mode = mode_of(monitor)
    sign = 1 if mode == "min" else -1
    start = 8.0 if mode == "min" else 0.25
    ties = min(ties, patience - 1)
    curve = [start] + [start - sign * min_delta] * ties
    best = start - sign * (min_delta + data.draw(st.integers(1, 2)) / GRID)  # a real improvement
    curve.append(best)
    curve += [best - sign * min_delta] * (patience + 1)
    logs = [{"loss": 1.0 - e / GRID, "val_loss": 1.0, "accuracy": 0.5, "val_accuracy": 0.5}
            for e in range(len(curve))]
    for e, v in enumerate(curve):
        logs[e][monitor] = v
    kwargs = dict(monitor=monitor, min_delta=min_delta, patience=patience, mode=mode)
    expect_run(student, kwargs, logs,
               "Una mejora es estricta: en modo 'min' actual < mejor - min_delta (en 'max', actual > mejor + "
               "min_delta). Llegar justo a mejor - min_delta no es una mejora.",
               "An improvement is strict: in 'min' mode current < best - min_delta (in 'max', current > best + "
               "min_delta). Landing exactly on best - min_delta is not an improvement.")


@check("parada_monitor")
@grader_settings(max_examples=12)
@given(monitor=st.sampled_from(["val_loss", "val_accuracy", "accuracy"]), patience=st.integers(1, 3),
       data=st.data())
def test_parada_monitor(student, monitor, patience, data):
    """The training loss improves at every epoch (watching it never stops); the monitored metric stalls."""
    n = data.draw(st.integers(patience + 4, patience + 9))
    step = -1 / GRID if mode_of(monitor) == "min" else 1 / GRID  # improving in the mode the monitor asks for
    logs = [{"loss": 4.0 + step * e, "val_loss": 2.0, "accuracy": 0.5, "val_accuracy": 0.5} for e in range(n)]
    curve = data.draw(walk(n, "accuracy" if "accuracy" in monitor else "loss"))
    # stall the monitored metric after a couple of epochs, so that Keras stops
    peak = 2 + data.draw(st.integers(0, 1))
    for e in range(peak + 1, n):
        curve[e] = curve[peak]
    for e, v in enumerate(curve):
        logs[e][monitor] = v
    kwargs = dict(monitor=monitor, min_delta=0.0, patience=patience, mode=mode_of(monitor))
    expect_run(student, kwargs, logs,
               "Lee el valor vigilado con logs[self.monitor]: logs trae loss, val_loss, accuracy y val_accuracy, "
               "y monitor dice cuál usar.",
               "Read the watched value with logs[self.monitor]: logs holds loss, val_loss, accuracy and "
               "val_accuracy, and monitor says which one to use.", check_attrs=False)


def unfinished(logs: list[dict], monitor: str, patience: int, data) -> list[dict]:
    """The logs cut and bent so that training never stops and the best epoch is not the last one.

    The monitored metric improves, then stalls for 1 to patience - 1 epochs at the end: with
    restore_best_weights the best weights come back although training was not stopped (Keras 3; Keras 2 only
    restored after a stop).
    """
    sign = 1 if mode_of(monitor) == "min" else -1
    n = data.draw(st.integers(2, 5))
    stall = data.draw(st.integers(1, max(1, patience - 1)))
    start = 8.0 if sign == 1 else 0.0
    curve = [start - sign * e / GRID for e in range(n)]
    curve += [curve[-1] + sign * data.draw(st.integers(0, 2)) / GRID for _ in range(stall)]
    out = [dict(logs[e % len(logs)]) for e in range(len(curve))]
    for e, v in enumerate(curve):
        out[e][monitor] = v
    return out


@check("parada_restaura")
@grader_settings(max_examples=15)
@given(logs=histories(min_epochs=4), monitor=st.sampled_from(["val_loss", "val_accuracy"]),
       patience=st.integers(1, 4), restore=st.booleans(), no_stop=st.booleans(), data=st.data())
def test_parada_restaura(student, logs, monitor, patience, restore, no_stop, data):
    if no_stop:
        patience, restore = max(patience, 2), True
        logs = unfinished(logs, monitor, patience, data)
    kwargs = dict(monitor=monitor, min_delta=0.0, patience=patience, mode=mode_of(monitor),
                  restore_best_weights=restore)
    curve = [epoch_logs[monitor] for epoch_logs in logs]
    expected_stop, expected_best = keras_stop(curve, kwargs["mode"], patience, 0.0)
    if no_stop:
        assert expected_stop is None and expected_best < len(curve) - 1  # the construction is right
    monitor_obj, stopped = run_monitor(student, kwargs, logs, overwrite=True)
    last = len(logs) - 1 if stopped is None else stopped
    final = monitor_obj.pesos_finales(epoch_weights(last))
    where = f"{describe(kwargs)} con {monitor} = {curve_text(curve[:last + 1])}"
    where_en = f"{describe(kwargs)} with {monitor} = {curve_text(curve[:last + 1])}"
    if not isinstance(final, (list, tuple)) or len(final) != 2:
        fail(f"{where}: pesos_finales(pesos) debe devolver una lista de 2 arreglos, como pesos; devolvió "
             f"{show(final)}.",
             f"{where_en}: pesos_finales(pesos) must return a list of 2 arrays, like pesos; it returned "
             f"{show(final)}.")
    got = [as_array(final[0], "pesos_finales(...)[0]", shape=(2, 3), finite=False),
           as_array(final[1], "pesos_finales(...)[1]", shape=(2,), finite=False)]
    expect(all(np.all(np.isfinite(g)) for g in got),
           f"{where}: pesos_finales devolvió {show(got[0])}, {show(got[1])}: son los arreglos que recibió "
           "al_terminar_epoca, y quien llama los cambió después (aquí los llenó de nan, como un ciclo de "
           "entrenamiento que actualiza sus pesos en su lugar).",
           f"{where_en}: pesos_finales returned {show(got[0])}, {show(got[1])}: they are the arrays al_terminar_epoca "
           "received, and the caller changed them afterwards (here it filled them with nan, as a training loop that "
           "updates its weights in place does).",
           "Guarda una copia de los pesos en cada mejora: [np.array(w, copy=True) for w in pesos] (o w.copy()); "
           "guardar pesos, o list(pesos), guarda los mismos arreglos de quien llama.",
           "Keep a copy of the weights at each improvement: [np.array(w, copy=True) for w in pesos] (or w.copy()); "
           "keeping pesos, or list(pesos), keeps the caller's own arrays.")
    wanted_epoch = expected_best if restore else last
    wanted = epoch_weights(wanted_epoch)
    ok = all(np.allclose(g, w, rtol=0, atol=1e-12) for g, w in zip(got, wanted))
    got_epoch = got[1][0] if np.allclose(got[1], [got[1][0], -got[1][0]]) else None
    expect(ok,
           f"{where}: tras la época {last}, pesos_finales(pesos de la época {last}) devolvió los pesos de la época "
           f"{'?' if got_epoch is None else f'{got_epoch:g}'}; se esperaban los de la época {wanted_epoch} "
           + ("(la mejor)." if restore else "(los últimos: sin restore_best_weights no se restaura nada)."),
           f"{where_en}: after epoch {last}, pesos_finales(weights of epoch {last}) returned the weights of epoch "
           f"{'?' if got_epoch is None else f'{got_epoch:g}'}; those of epoch {wanted_epoch} were expected "
           + ("(the best one)." if restore else "(the last ones: without restore_best_weights nothing is restored)."),
           "Con restore_best_weights=True guarda una copia de los pesos en cada mejora y devuélvela al final, se "
           "haya detenido o no (como Keras 3).",
           "With restore_best_weights=True keep a copy of the weights at each improvement and return it at the "
           "end, whether training stopped or not (as Keras 3 does).")


# ------------------------------------------------------------------ agregar_l2

LAMBDAS = st.sampled_from([0.001, 0.01, 0.1, 0.5, 1.0, 2.0])
LAMBDAS_OR_ZERO = st.one_of(st.just(0.0), LAMBDAS)  # lam >= 0: 0 (no regularisation) is allowed


@st.composite
def networks(draw, max_layers: int = 3, max_side: int = 4):
    """(params, target, scale): a network's W1, b1, W2, b2, ... and a quadratic data loss around target.

    Half of the networks are not plain dense ones: a convolution's 4-D weights with a 1-D bias, a 1-D weight
    vector, biases kept as (1, n) rows. Only the key's first letter says weight or bias, never the shape.
    """
    sizes = draw(st.lists(st.integers(1, max_side), min_size=2, max_size=max_layers + 1))
    odd = draw(st.booleans())
    rng = np.random.default_rng(draw(st.integers(0, 2**31 - 1)))
    params, target, scale = {}, {}, {}
    for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
        shapes = ((f"W{i}", (a, b)), (f"b{i}", (b,)))
        if odd:
            shapes = [((f"W{i}", (b, a, 2, 2)), (f"b{i}", (b,))), ((f"W{i}", (a,)), (f"b{i}", (1, b))),
                      ((f"W{i}", (a, b)), (f"b{i}", (1, b)))][i % 3]
        for name, shape in shapes:
            params[name] = rng.normal(0, 1.5, size=shape)
            target[name] = rng.normal(0, 1.0, size=shape)
            scale[name] = rng.uniform(0.5, 2.0, size=shape)
    return params, target, scale


def data_loss(params, target, scale):
    """A quadratic data loss 1/2 sum(scale * (theta - target)**2) and its exact gradient."""
    loss = 0.5 * sum(float(np.sum(scale[k] * (params[k] - target[k]) ** 2)) for k in params)
    grads = {k: scale[k] * (params[k] - target[k]) for k in params}
    return loss, grads


def penalty(params, lam):
    return lam / 2 * sum(float(np.sum(v ** 2)) for k, v in params.items() if k.startswith("W"))


def call_l2(student, loss, grads, params, lam, what: str, what_en: str):
    """Call agregar_l2 on copies and validate (perdida_total, grads_totales)."""
    out = student.agregar_l2(loss, {k: v.copy() for k, v in grads.items()},
                             {k: v.copy() for k, v in params.items()}, lam)
    return check_l2_output(out, params, what, what_en)


def check_l2_output(out, params, what: str, what_en: str):
    if not isinstance(out, (tuple, list)) or len(out) != 2 or not isinstance(out[1], dict):
        fail(f"{what} debe devolver la tupla (perdida_total, grads_totales), con grads_totales un diccionario; "
             f"devolvió {show(out)}.",
             f"{what_en} must return the tuple (perdida_total, grads_totales), with grads_totales a dictionary; "
             f"it returned {show(out)}.")
    total = as_number(out[0], "agregar_l2(...)[0] (perdida_total)")
    expect(set(out[1]) == set(params),
           f"{what} devolvió grads_totales con las claves {sorted(out[1])}; se esperaban las de params, "
           f"{sorted(params)}.",
           f"{what_en} returned grads_totales with keys {sorted(out[1])}; expected those of params, {sorted(params)}.")
    grads = {k: as_array(out[1][k], f"agregar_l2(...)[1][{k!r}]", shape=params[k].shape) for k in params}
    return total, grads


def shapes_text(params) -> str:
    return ", ".join(f"{k}{tuple(v.shape)}" for k, v in params.items())


@check("l2_valor")
@grader_settings(max_examples=20)
@given(net=networks(), lam=LAMBDAS_OR_ZERO, loss=st.floats(0.0, 5.0))
def test_l2_valor(student, net, lam, loss):
    params, target, scale = net
    _, grads = data_loss(params, target, scale)
    what = f"agregar_l2(perdida={loss!r}, grads, params, lam={lam!r}) con params {shapes_text(params)}"
    what_en = f"agregar_l2(perdida={loss!r}, grads, params, lam={lam!r}) with params {shapes_text(params)}"
    total, _ = call_l2(student, loss, grads, params, lam, what, what_en)
    pen = penalty(params, lam)
    expected = loss + pen
    sum_w = sum(float(np.sum(v ** 2)) for k, v in params.items() if k.startswith("W"))
    expect(abs(total - expected) <= 1e-9 * (1 + abs(expected)),
           f"{what} devolvió perdida_total = {total!r}; se esperaba perdida + lam/2 · (suma de W**2 de las "
           f"matrices W) = {loss!r} + {lam!r}/2 · {sum_w:.6g} = {expected!r}.",
           f"{what_en} returned perdida_total = {total!r}; expected perdida + lam/2 · (sum of W**2 over the weights "
           f"W) = {loss!r} + {lam!r}/2 · {sum_w:.6g} = {expected!r}.",
           "La penalización es lam/2 por la suma de los cuadrados de los pesos W (no de los sesgos b), sumada a la "
           "pérdida que recibes.",
           "The penalty is lam/2 times the sum of the squares of the weights W (not of the biases b), added to the "
           "loss you receive.")


@check("l2_gradiente")
@grader_settings(max_examples=20)
@given(net=networks(), lam=LAMBDAS_OR_ZERO, loss=st.floats(0.0, 5.0))
def test_l2_gradiente(student, net, lam, loss):
    params, target, scale = net
    _, grads = data_loss(params, target, scale)
    what = f"agregar_l2(perdida={loss!r}, grads, params, lam={lam!r}) con params {shapes_text(params)}"
    what_en = f"agregar_l2(perdida={loss!r}, grads, params, lam={lam!r}) with params {shapes_text(params)}"
    _, got = call_l2(student, loss, grads, params, lam, what, what_en)
    for k in params:
        weight = k.startswith("W")
        expected = grads[k] + lam * params[k] if weight else grads[k]
        assert_close(got[k], expected, rtol=1e-9, atol=1e-12,
                     es=f"{what} devolvió grads_totales[{k!r}] = {show(got[k])}; se esperaba {show(expected)}, "
                        + ("grads[k] + lam·params[k]." if weight else "grads[k] sin cambios (los sesgos no se "
                                                                       "penalizan)."),
                     en=f"{what_en} returned grads_totales[{k!r}] = {show(got[k])}; expected {show(expected)}, "
                        + ("grads[k] + lam·params[k]." if weight else "grads[k] unchanged (biases are not "
                                                                      "penalised)."))


@check("l2_diferencias")
@grader_settings(max_examples=6)
@given(net=networks(max_layers=2, max_side=3), lam=LAMBDAS)
def test_l2_diferencias(student, net, lam):
    params, target, scale = net
    loss, grads = data_loss(params, target, scale)
    what = f"agregar_l2(perdida, grads, params, lam={lam!r}) con params {shapes_text(params)}"
    what_en = f"agregar_l2(perdida, grads, params, lam={lam!r}) with params {shapes_text(params)}"
    total, got = call_l2(student, loss, grads, params, lam, what, what_en)
    has_weights = any(np.any(v != 0) for k, v in params.items() if k.startswith("W"))
    expect(not has_weights or total > loss + 1e-12,
           f"{what} devolvió perdida_total = {total!r}, no mayor que la pérdida recibida {loss!r}; la penalización "
           "L2 debe sumarse.",
           f"{what_en} returned perdida_total = {total!r}, not larger than the loss it received {loss!r}; the L2 "
           "penalty must be added.")
    h = 1e-4
    for k in params:
        for index in np.ndindex(params[k].shape):
            totals = []
            for step in (h, -h):
                moved = {name: value.copy() for name, value in params.items()}
                moved[k][index] += step
                moved_loss, moved_grads = data_loss(moved, target, scale)
                value, _ = call_l2(student, moved_loss, moved_grads, moved, lam, what, what_en)
                totals.append(value)
            numeric = (totals[0] - totals[1]) / (2 * h)
            analytic = got[k][index]
            expect(abs(numeric - analytic) <= 1e-5 * (1 + abs(numeric)),
                   f"{what}: la derivada de perdida_total respecto de {k}{list(index)} por diferencias centrales "
                   f"(h = 1e-4, con tu propia perdida_total) es {numeric:.8g}, pero grads_totales[{k!r}]"
                   f"{list(index)} = {analytic:.8g}.",
                   f"{what_en}: the derivative of perdida_total with respect to {k}{list(index)} by central "
                   f"differences (h = 1e-4, using your own perdida_total) is {numeric:.8g}, but "
                   f"grads_totales[{k!r}]{list(index)} = {analytic:.8g}.",
                   "La derivada de lam/2 · W**2 es lam·W; si la penalización fuera lam · W**2 sería 2·lam·W. "
                   "Sumala al gradiente que recibes, no lo reemplaces.",
                   "The derivative of lam/2 · W**2 is lam·W; if the penalty were lam · W**2 it would be 2·lam·W. "
                   "Add it to the gradient you receive, do not replace it.")


@check("l2_sesgos")
@grader_settings(max_examples=12)
@given(net=networks(), lam=LAMBDAS, loss=st.floats(0.0, 5.0), seed=st.integers(0, 2**31 - 1))
def test_l2_sesgos(student, net, lam, loss, seed):
    params, target, scale = net
    _, grads = data_loss(params, target, scale)
    rng = np.random.default_rng(seed)
    shifted = {k: (v + rng.normal(0, 3.0, size=v.shape) if k.startswith("b") else v) for k, v in params.items()}
    what = f"agregar_l2(perdida={loss!r}, grads, params, lam={lam!r}) con params {shapes_text(params)}"
    what_en = f"agregar_l2(perdida={loss!r}, grads, params, lam={lam!r}) with params {shapes_text(params)}"
    total_a, grads_a = call_l2(student, loss, grads, params, lam, what, what_en)
    total_b, grads_b = call_l2(student, loss, grads, shifted, lam, what, what_en)
    expect(total_a > loss + 1e-12,
           f"{what} devolvió perdida_total = {total_a!r}, no mayor que la pérdida recibida {loss!r}; los pesos W "
           "no son cero, así que la penalización debe sumarse.",
           f"{what_en} returned perdida_total = {total_a!r}, not larger than the loss it received {loss!r}; the "
           "weights W are not zero, so the penalty must be added.")
    same = abs(total_a - total_b) <= 1e-9 * (1 + abs(total_a))
    same = same and all(np.allclose(grads_a[k], grads_b[k], rtol=1e-9, atol=1e-12) for k in params)
    expect(same,
           f"{what}: al cambiar solo los sesgos b de params (con los mismos grads), perdida_total pasó de "
           f"{total_a!r} a {total_b!r} o cambió algún gradiente; los sesgos no se penalizan, así que nada debía "
           "cambiar.",
           f"{what_en}: changing only the biases b in params (with the same grads) moved perdida_total from "
           f"{total_a!r} to {total_b!r} or changed some gradient; biases are not penalised, so nothing should "
           "change.",
           "Penaliza solo las claves que empiezan con 'W'; las que empiezan con 'b' pasan sin cambios.",
           "Penalise only the keys that start with 'W'; those that start with 'b' pass unchanged.")


@check("l2_no_muta")
@grader_settings(max_examples=10)
@given(net=networks(), lam=LAMBDAS_OR_ZERO, loss=st.floats(0.0, 5.0))
def test_l2_no_muta(student, net, lam, loss):
    params, target, scale = net
    _, grads = data_loss(params, target, scale)
    what = f"agregar_l2(perdida={loss!r}, grads, params, lam={lam!r}) con params {shapes_text(params)}"
    what_en = f"agregar_l2(perdida={loss!r}, grads, params, lam={lam!r}) with params {shapes_text(params)}"
    out, args, _ = student.agregar_l2.with_inputs(loss, {k: v.copy() for k, v in grads.items()},
                                                  {k: v.copy() for k, v in params.items()}, lam)
    total, got = check_l2_output(out, params, what, what_en)
    right = abs(total - (loss + penalty(params, lam))) <= 1e-9 * (1 + abs(total)) and all(
        np.allclose(got[k], grads[k] + (lam * params[k] if k.startswith("W") else 0), rtol=1e-9, atol=1e-12)
        for k in params)
    expect(right,
           f"{what} no devolvió la pérdida y los gradientes con L2 esperados; esta verificación solo cuenta "
           "cuando agregar_l2 es correcta.",
           f"{what_en} did not return the expected loss and gradients with L2; this check only counts when "
           "agregar_l2 is right.")
    for position, (name, original) in ((1, ("grads", grads)), (2, ("params", params))):
        after = args[position]
        unchanged = isinstance(after, dict) and set(after) == set(original) and all(
            np.array_equal(np.asarray(after[k], dtype=float), original[k]) for k in original)
        expect(unchanged,
               f"{what} modificó el diccionario {name} que recibió; debe devolver arreglos nuevos y dejar {name} "
               "como estaba.",
               f"{what_en} modified the {name} dictionary it received; it must return new arrays and leave {name} "
               "as it was.",
               "Evita grads[k] += lam * W: escribe nuevos[k] = grads[k] + lam * W.",
               "Avoid grads[k] += lam * W: write new[k] = grads[k] + lam * W.")
    # The caller changes its grads and params right after the call (here: fills them with nan). A new
    # dictionary of new weight gradients does not change; the caller's own dictionary would (with lam = 0 too).
    # A bias gradient may be the caller's grads[k] itself ("sin cambios").
    out = student.agregar_l2.overwriting_arguments(loss, {k: v.copy() for k, v in grads.items()},
                                                   {k: v.copy() for k, v in params.items()}, lam)
    if not isinstance(out, (tuple, list)) or len(out) != 2 or not isinstance(out[1], dict):
        fail(f"{what} debe devolver la tupla (perdida_total, grads_totales).",
             f"{what_en} must return the tuple (perdida_total, grads_totales).")
    weights = [k for k in params if k.startswith("W")]
    changed = [k for k in weights if k not in out[1] or not np.all(np.isfinite(np.asarray(out[1][k], dtype=float)))]
    expect(not changed,
           f"{what}: después de la llamada, quien llama cambió sus diccionarios grads y params (los llenó de nan) y "
           f"grads_totales cambió con ellos en {changed}: agregar_l2 devolvió el diccionario grads que recibió (o "
           "sus arreglos) en vez de uno nuevo.",
           f"{what_en}: after the call, the caller changed its grads and params dictionaries (filled them with nan) "
           f"and grads_totales changed with them at {changed}: agregar_l2 returned the grads dictionary it received "
           "(or its arrays) instead of a new one.",
           "Devuelve siempre un diccionario nuevo, también con lam = 0: nuevos[k] = grads[k] + lam * params[k] crea "
           "un arreglo nuevo para cada peso.",
           "Always return a new dictionary, with lam = 0 too: new[k] = grads[k] + lam * params[k] creates a new array "
           "for each weight.")
