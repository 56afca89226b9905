"""Public checks of assignment 07 (regularisation): the course's examples worked out in the notebook.

Students run these with ``dlgrader check 07_regularizacion`` or the notebook's last cell. Dropout and
ParadaTemprana live in the student's process; each check holds a handle and calls their methods.
The hidden graders test the same conventions on many generated inputs.
"""

import numpy as np

from dlgrader.grading import as_array, as_number, assert_close, check, expect, fail, show

# ------------------------------------------------------------------ Dropout(0.5), as tf.keras.layers.Dropout(0.5)

X_DROPOUT = np.full((4, 250), 2.0)  # 1000 units, all equal to 2
DROPOUT_CALL = "capa = Dropout(0.5, 0); capa.adelante(np.full((4, 250), 2.0), True)"
# 1000 draws with p = 0.5: the kept fraction has standard deviation 0.0158; 5 sigma is 0.079.
KEPT_LOW, KEPT_HIGH = 0.42, 0.58


@check("dropout_curso")
def test_dropout_curso(student):
    layer = student.Dropout(0.5, 0)
    y = as_array(layer.adelante(X_DROPOUT.copy(), True), DROPOUT_CALL, shape=X_DROPOUT.shape)
    valid = np.isclose(y, 0.0, rtol=0, atol=1e-12) | np.isclose(y, 4.0, rtol=1e-12, atol=0)
    expect(bool(np.all(valid)),
           f"{DROPOUT_CALL} devolvió valores distintos de 0 y 4, por ejemplo {show(y[~valid][:5])}; cada unidad "
           "se apaga (0) o se mantiene multiplicada por 1/(1 - p) = 2, así que 2 pasa a 4.",
           f"{DROPOUT_CALL} returned values other than 0 and 4, for example {show(y[~valid][:5])}; each unit is "
           "dropped (0) or kept multiplied by 1/(1 - p) = 2, so 2 becomes 4.",
           "Es dropout invertido: al entrenar, las unidades que se mantienen se dividen por (1 - p).",
           "This is inverted dropout: in training, the kept units are divided by (1 - p).")
    kept = float(np.mean(y != 0))
    expect(KEPT_LOW <= kept <= KEPT_HIGH,
           f"{DROPOUT_CALL} mantuvo {kept:.1%} de las unidades; con p = 0.5 se esperaba cerca de la mitad "
           f"(entre {KEPT_LOW:.0%} y {KEPT_HIGH:.0%}).",
           f"{DROPOUT_CALL} kept {kept:.1%} of the units; with p = 0.5 about half was expected "
           f"(between {KEPT_LOW:.0%} and {KEPT_HIGH:.0%}).",
           "Sortea la máscara con self.rng = np.random.default_rng(semilla), creado una vez en el constructor.",
           "Draw the mask with self.rng = np.random.default_rng(semilla), created once in the constructor.")


@check("dropout_curso_evaluacion")
def test_dropout_curso_evaluacion(student):
    layer = student.Dropout(0.5, 0)
    trained = as_array(layer.adelante(X_DROPOUT.copy(), True), DROPOUT_CALL, shape=X_DROPOUT.shape)
    dropped = int(np.sum(trained == 0))
    expect(0 < dropped < trained.size,
           f"{DROPOUT_CALL} apagó {dropped} de las 1000 unidades; al entrenar se esperaba apagar cerca de la mitad.",
           f"{DROPOUT_CALL} dropped {dropped} of the 1000 units; in training about half were expected to be dropped.")
    x = np.array([[1.0, -2.0, 3.0], [0.5, 4.0, -1.5]])
    call = "capa.adelante(np.array([[1.0, -2.0, 3.0], [0.5, 4.0, -1.5]]), False)"
    y = as_array(layer.adelante(x.copy(), False), call, shape=x.shape)
    assert_close(y, x, rtol=1e-12, atol=0,
                 es=f"capa = Dropout(0.5, 0); después de entrenar, {call} devolvió {show(y)}; en evaluación "
                    f"(entrenando=False) se esperaba la entrada sin cambios, {show(x)}.",
                 en=f"capa = Dropout(0.5, 0); after training, {call} returned {show(y)}; in evaluation "
                    f"(entrenando=False) the input was expected unchanged, {show(x)}.")


# ------------------------------------------------------------------ ParadaTemprana, as keras.callbacks.EarlyStopping

def run_monitor(student, kwargs: dict, logs: list[dict], weights: list[list]):
    """Create ParadaTemprana(**kwargs) and feed it epoch by epoch; return (monitor, call, stopping epoch or None)."""
    call = "ParadaTemprana(" + ", ".join(f"{k}={v!r}" for k, v in kwargs.items()) + ")"
    monitor = student.ParadaTemprana(**kwargs)
    for epoch, (epoch_logs, epoch_weights) in enumerate(zip(logs, weights)):
        answer = monitor.al_terminar_epoca(epoch, epoch_logs, epoch_weights)
        if not isinstance(answer, (bool, np.bool_)):
            fail(f"{call}.al_terminar_epoca({epoch}, logs, pesos) devolvió {show(answer)}; se esperaba True "
                 "(detener el entrenamiento) o False (seguir).",
                 f"{call}.al_terminar_epoca({epoch}, logs, pesos) returned {show(answer)}; expected True "
                 "(stop training) or False (go on).")
        if answer:
            return monitor, call, epoch
    return monitor, call, None


def expect_epochs(monitor, call: str, curve_name: str, curve: list, stopped, expected_stop: int, expected_best: int,
                  hint_es: str, hint_en: str) -> None:
    text = ", ".join(f"{v:g}" for v in curve)
    expect(stopped == expected_stop,
           f"{call} con {curve_name} = [{text}] (épocas 0, 1, 2, ...) pidió detenerse en la época {stopped}; se "
           f"esperaba la época {expected_stop}.",
           f"{call} with {curve_name} = [{text}] (epochs 0, 1, 2, ...) asked to stop at epoch {stopped}; epoch "
           f"{expected_stop} was expected.", hint_es, hint_en)
    stopped_attr = as_number(monitor.attr("epoca_detenida"), f"{call}.epoca_detenida")
    best_attr = as_number(monitor.attr("mejor_epoca"), f"{call}.mejor_epoca")
    expect(stopped_attr == expected_stop and best_attr == expected_best,
           f"Después de detenerse, {call} tiene epoca_detenida = {stopped_attr:g} y mejor_epoca = {best_attr:g}; "
           f"se esperaba {expected_stop} y {expected_best}.",
           f"After stopping, {call} has epoca_detenida = {stopped_attr:g} and mejor_epoca = {best_attr:g}; "
           f"{expected_stop} and {expected_best} were expected.")


# The slide's callback: EarlyStopping(monitor='loss', patience=3) on a training loss that stalls.
LOSS_COURSE = [1.0, 0.8, 0.7, 0.72, 0.71, 0.69, 0.70, 0.70, 0.75, 0.80]


@check("parada_curso")
def test_parada_curso(student):
    logs = [{"loss": v, "val_loss": v + 0.1} for v in LOSS_COURSE]
    weights = [[np.full(2, float(e))] for e in range(len(LOSS_COURSE))]
    monitor, call, stopped = run_monitor(student, dict(monitor="loss", patience=3), logs, weights)
    expect_epochs(monitor, call, "loss", LOSS_COURSE, stopped, 8, 5,
                  "La mejor pérdida es 0.69 (época 5): la espera vuelve a 0 ahí y, tras 3 épocas sin mejorar "
                  "(6, 7 y 8), al_terminar_epoca devuelve True en la época 8.",
                  "The best loss is 0.69 (epoch 5): the wait goes back to 0 there and, after 3 epochs without "
                  "improvement (6, 7 and 8), al_terminar_epoca returns True at epoch 8.")


# The slide's EarlyStopping(monitor='val_accuracy', min_delta=0.0001, ...) with mode='max', patience=2.
ACC_COURSE = [0.50, 0.70, 0.80, 0.80005, 0.79, 0.85]


@check("parada_curso_max")
def test_parada_curso_max(student):
    logs = [{"loss": 1.0 - 0.1 * e, "val_loss": 1.0, "accuracy": 0.5 + 0.05 * e, "val_accuracy": v}
            for e, v in enumerate(ACC_COURSE)]
    weights = [[np.full((2, 2), float(e)), np.array([10.0 * e])] for e in range(len(ACC_COURSE))]
    kwargs = dict(monitor="val_accuracy", min_delta=0.0001, patience=2, mode="max", restore_best_weights=True)
    monitor, call, stopped = run_monitor(student, kwargs, logs, weights)
    expect_epochs(monitor, call, "val_accuracy", ACC_COURSE, stopped, 4, 2,
                  "En modo 'max' mejorar es subir más de min_delta: 0.80005 no supera 0.8 + 0.0001, así que las "
                  "épocas 3 y 4 no mejoran y con patience=2 se detiene en la 4.",
                  "In 'max' mode improving means going up by more than min_delta: 0.80005 does not beat "
                  "0.8 + 0.0001, so epochs 3 and 4 do not improve and with patience=2 it stops at 4.")
    final = monitor.pesos_finales(weights[4])
    if not isinstance(final, (list, tuple)) or len(final) != 2:
        fail(f"{call}.pesos_finales(pesos) debe devolver una lista de 2 arreglos; devolvió {show(final)}.",
             f"{call}.pesos_finales(pesos) must return a list of 2 arrays; it returned {show(final)}.")
    got = [as_array(final[0], "pesos_finales(...)[0]", shape=(2, 2)), as_array(final[1], "pesos_finales(...)[1]",
                                                                               shape=(1,))]
    ok = np.allclose(got[0], 2.0, rtol=0, atol=1e-12) and np.allclose(got[1], 20.0, rtol=0, atol=1e-12)
    expect(ok,
           f"Con restore_best_weights=True, {call}.pesos_finales(pesos de la época 4) devolvió {show(got)}; se "
           "esperaban los pesos de la mejor época (la 2): [np.full((2, 2), 2.0), np.array([20.0])].",
           f"With restore_best_weights=True, {call}.pesos_finales(weights of epoch 4) returned {show(got)}; the "
           "weights of the best epoch (epoch 2) were expected: [np.full((2, 2), 2.0), np.array([20.0])].",
           "Guarda una copia de los pesos cada vez que la métrica mejora y devuélvela en pesos_finales.",
           "Keep a copy of the weights each time the metric improves and return it from pesos_finales.")


# ------------------------------------------------------------------ agregar_l2

L2_PARAMS = {"W1": np.array([[1.0, -2.0], [0.5, 1.0]]), "b1": np.array([3.0, -1.0]),
             "W2": np.array([[2.0], [-1.0]]), "b2": np.array([0.5])}
L2_GRADS = {"W1": np.array([[0.1, 0.2], [0.3, 0.4]]), "b1": np.array([0.1, -0.1]),
            "W2": np.array([[0.5], [-0.5]]), "b2": np.array([0.2])}
L2_TOTAL = 1.3625  # 0.8 + 0.1/2 * (1 + 4 + 0.25 + 1 + 4 + 1)
L2_EXPECTED = {"W1": np.array([[0.2, 0.0], [0.35, 0.5]]), "b1": np.array([0.1, -0.1]),
               "W2": np.array([[0.7], [-0.6]]), "b2": np.array([0.2])}


@check("l2_curso")
def test_l2_curso(student):
    call = "agregar_l2(0.8, grads, params, lam=0.1) con el ejemplo del notebook"
    call_en = "agregar_l2(0.8, grads, params, lam=0.1) with the notebook's example"
    out = student.agregar_l2(0.8, {k: v.copy() for k, v in L2_GRADS.items()},
                             {k: v.copy() for k, v in L2_PARAMS.items()}, 0.1)
    if not isinstance(out, (tuple, list)) or len(out) != 2 or not isinstance(out[1], dict):
        fail(f"{call} debe devolver la tupla (perdida_total, grads_totales), con grads_totales un diccionario; "
             f"devolvió {show(out)}.",
             f"{call_en} must return the tuple (perdida_total, grads_totales), with grads_totales a dictionary; "
             f"it returned {show(out)}.")
    total = as_number(out[0], "agregar_l2(...)[0] (perdida_total)")
    expect(abs(total - L2_TOTAL) <= 1e-9,
           f"{call} devolvió perdida_total = {total!r}; se esperaba {L2_TOTAL} = 0.8 + 0.1/2 · 11.25 (la suma de "
           "los cuadrados de W1 y W2; los sesgos no cuentan).",
           f"{call_en} returned perdida_total = {total!r}; expected {L2_TOTAL} = 0.8 + 0.1/2 · 11.25 (the sum of "
           "the squares of W1 and W2; the biases do not count).")
    grads = out[1]
    expect(set(grads) == set(L2_EXPECTED),
           f"{call} devolvió grads_totales con las claves {sorted(grads)}; se esperaban {sorted(L2_EXPECTED)}.",
           f"{call_en} returned grads_totales with keys {sorted(grads)}; expected {sorted(L2_EXPECTED)}.")
    for name, expected in L2_EXPECTED.items():
        got = as_array(grads[name], f"agregar_l2(...)[1][{name!r}]", shape=expected.shape)
        assert_close(got, expected, rtol=1e-9, atol=1e-12,
                     es=f"{call} devolvió grads_totales[{name!r}] = {show(got)}; se esperaba {show(expected)} "
                        f"({'grads + lam·W' if name.startswith('W') else 'el mismo gradiente: los sesgos no se penalizan'}).",
                     en=f"{call_en} returned grads_totales[{name!r}] = {show(got)}; expected {show(expected)} "
                        f"({'grads + lam·W' if name.startswith('W') else 'the same gradient: biases are not penalised'}).")
