"""Public checks of assignment 08 (CRISP-DM case): only the course's own examples.

Students run these with ``dlgrader check 08_crispdm`` or the notebook's last cell. The torch models are built
inside the student's process by the notebook's locked helper cell (``corrector_*`` functions); only plain data
(numbers, lists, dicts, NumPy arrays) comes back here. The final model comes back as a plain description (its
layers and recipe) and is checked, built and trained here, as the hidden tiers do (dlgrader.grading.layer_models).
"""

import numpy as np

from dlgrader.grading import as_array, as_number, assert_close, assert_equal, check, expect, fail, show, single_threaded
from dlgrader.grading.layer_models import Training, build, check_final

# The course's dense network on 32x32x3 = 3072 inputs (Keras summary: 786,688 in the first layer, 843,562 in all) and the Iris network 4 -> 2 -> 3 (19 parameters).
DENSA_CURSO = [3072, 256, 128, 96, 64, 48, 32, 16, 10]
IRIS_CURSO = [4, 2, 3]
# The course's Iris classification report (training set of 120 flowers): support 42, 41, 37.
CONFUSION_IRIS = np.array([[42, 0, 0], [0, 36, 5], [0, 1, 36]])
PRESUPUESTO_CPU = 30.0  # the final model's training budget, in CPU seconds (as the hidden tiers)


def capas_densas(tamanos):
    """The plain description the helper cell turns into nn.Linear / nn.ReLU layers."""
    capas = []
    for i in range(len(tamanos) - 1):
        capas.append({"tipo": "lineal", "entrada": tamanos[i], "salida": tamanos[i + 1]})
        if i < len(tamanos) - 2:
            capas.append({"tipo": "relu"})
    return capas


def _iris():
    from sklearn.datasets import load_iris

    data = load_iris()
    return data.data.astype(np.float64), data.target.astype(np.int64)


def _sorted_rows(X, y):
    table = np.column_stack([np.asarray(X, dtype=np.float64), np.asarray(y, dtype=np.float64)])
    return table[np.lexsort(table.T[::-1])]


def _four(result, call):
    if not isinstance(result, (tuple, list)) or len(result) != 4:
        fail(f"{call} debe devolver la tupla (X_ent, X_pru, y_ent, y_pru); devolvió {show(result)}.",
             f"{call} must return the tuple (X_ent, X_pru, y_ent, y_pru); it returned {show(result)}.")
    return result


# ------------------------------------------------------------------ dividir

@check("dividir_curso")
def test_dividir_curso(student):
    X, y = _iris()
    call = "dividir(X, y, frac_prueba=0.2, semilla=0) con Iris (150 flores, 50 por clase)"
    call_en = "dividir(X, y, frac_prueba=0.2, semilla=0) with Iris (150 flowers, 50 per class)"
    X_ent, X_pru, y_ent, y_pru = _four(student.dividir(X, y, 0.2, 0), call)
    X_ent = as_array(X_ent, "dividir(...)[0] (X_ent)", shape=(120, 4))
    X_pru = as_array(X_pru, "dividir(...)[1] (X_pru)", shape=(30, 4))
    y_ent = as_array(y_ent, "dividir(...)[2] (y_ent)", shape=(120,))
    y_pru = as_array(y_pru, "dividir(...)[3] (y_pru)", shape=(30,))
    counts = np.bincount(y_pru.astype(np.int64), minlength=3)
    expect(counts.tolist() == [10, 10, 10],
           f"{call}: y_pru tiene {counts.tolist()} ejemplos de cada clase; se esperaban [10, 10, 10] "
           "(el 20 % de cada clase).",
           f"{call_en}: y_pru has {counts.tolist()} examples of each class; expected [10, 10, 10] "
           "(20 % of each class).",
           "Estratificar es dividir cada clase por separado.", "Stratifying means splitting each class separately.")
    together = _sorted_rows(np.concatenate([X_ent, X_pru]), np.concatenate([y_ent, y_pru]))
    expect(bool(np.array_equal(together, _sorted_rows(X, y))),
           f"{call}: entrenamiento y prueba juntos no son exactamente las 150 flores con sus etiquetas.",
           f"{call_en}: training and test together are not exactly the 150 flowers with their labels.",
           "Cada fila debe ir a una sola de las dos partes y conservar su etiqueta.",
           "Each row must go to exactly one of the two parts and keep its label.")


# ------------------------------------------------------------------ normalizacion

@check("normalizacion_curso")
def test_normalizacion_curso(student):
    X_ent = np.array([[1.0, 2.0], [3.0, 2.0], [5.0, 2.0]])
    X_pru = np.array([[3.0, 4.0], [7.0, 2.0]])
    call = "ajustar_normalizacion(np.array([[1, 2], [3, 2], [5, 2]]))"
    result = student.ajustar_normalizacion(X_ent)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        fail(f"{call} debe devolver la tupla (media, desv); devolvió {show(result)}.",
             f"{call} must return the tuple (media, desv); it returned {show(result)}.")
    media = as_array(result[0], "ajustar_normalizacion(...)[0] (media)", shape=(2,))
    desv = as_array(result[1], "ajustar_normalizacion(...)[1] (desv)", shape=(2,))
    expected = np.array([np.sqrt(8 / 3), 1.0])
    assert_close(media, [3.0, 2.0], es=f"{call} devolvió media = {show(media)}; se esperaba [3, 2].",
                 en=f"{call} returned media = {show(media)}; expected [3, 2].")
    assert_close(desv, expected,
                 es=f"{call} devolvió desv = {show(desv)}; se esperaba [1.633, 1]: la desviación poblacional "
                    "(ddof=0) y 1 en la columna constante.",
                 en=f"{call} returned desv = {show(desv)}; expected [1.633, 1]: the population deviation "
                    "(ddof=0) and 1 for the constant column.")
    pair = student.normalizar_particiones(X_ent, X_pru)
    if not isinstance(pair, (tuple, list)) or len(pair) != 2:
        fail(f"normalizar_particiones(X_ent, X_pru) debe devolver dos arreglos; devolvió {show(pair)}.",
             f"normalizar_particiones(X_ent, X_pru) must return two arrays; it returned {show(pair)}.")
    got = as_array(pair[1], "normalizar_particiones(...)[1]", shape=(2, 2))
    want = (X_pru - [3.0, 2.0]) / expected
    assert_close(got, want, rtol=1e-6,
                 es=f"normalizar_particiones con ese X_ent y X_pru = [[3, 4], [7, 2]] devolvió para prueba "
                    f"{show(got)}; se esperaba {show(want)} (estadísticas de entrenamiento).",
                 en=f"normalizar_particiones with that X_ent and X_pru = [[3, 4], [7, 2]] returned for test "
                    f"{show(got)}; expected {show(want)} (training statistics).")


# ------------------------------------------------------------------ imagenes

@check("imagenes_curso")
def test_imagenes_curso(student):
    # One 2x2 CIFAR-style row: four red values, then four green, then four blue.
    row = np.array([[10, 11, 12, 13, 20, 21, 22, 23, 30, 31, 32, 33]], dtype=np.uint8)
    call = "filas_a_imagenes(np.array([[10, 11, 12, 13, 20, 21, 22, 23, 30, 31, 32, 33]], dtype=np.uint8), lado=2)"
    got = as_array(student.filas_a_imagenes(row, 2), call, shape=(1, 2, 2, 3))
    expected = np.array([[[[10, 20, 30], [11, 21, 31]], [[12, 22, 32], [13, 23, 33]]]])
    assert_equal(got, expected,
                 es=f"{call} devolvió {show(got[0])}; se esperaba {show(expected[0])}: el píxel (0, 0) tiene "
                    "rojo 10, verde 20 y azul 30.",
                 en=f"{call} returned {show(got[0])}; expected {show(expected[0])}: pixel (0, 0) has red 10, "
                    "green 20 and blue 30.")


# ------------------------------------------------------------------ contar_parametros

@check("contar_curso")
def test_contar_curso(student):
    for tamanos, expected in [(DENSA_CURSO, 843_562), (IRIS_CURSO, 19)]:
        arch = " → ".join(str(t) for t in tamanos)
        value = as_number(student.corrector_contar(capas_densas(tamanos)), f"contar_parametros (red {arch})",
                          integer=True)
        expect(value == expected,
               f"contar_parametros con la red densa {arch} del curso devolvió {value:g}; se esperaba {expected}.",
               f"contar_parametros with the course's dense network {arch} returned {value:g}; expected {expected}.",
               "Cada capa Linear tiene entrada·salida pesos más salida sesgos.",
               "Each Linear layer has input·output weights plus output biases.")


# ------------------------------------------------------------------ redes

def _red(student, constructor, argumentos, X, call):
    """(total number of parameters, output) of the model the student's constructor builds."""
    out = student.corrector_red(constructor, argumentos, X, False)
    formas = out.get("formas") if isinstance(out, dict) else None
    if not isinstance(formas, list) or not all(isinstance(f, list) and all(type(n) is int for n in f)
                                               for f in formas):
        fail(f"No se pudo inspeccionar el modelo de {call}.", f"The model of {call} could not be inspected.")
    return int(sum(np.prod(f, dtype=np.int64) for f in formas)), out.get("salida")


@check("red_densa_curso")
def test_red_densa_curso(student):
    call = "red_densa([3072, 256, 128, 96, 64, 48, 32, 16, 10])"
    total, salida = _red(student, "red_densa", {"tamanos": DENSA_CURSO}, np.zeros((2, 3072)), call)
    expect(total == 843_562,
           f"{call} tiene {total} parámetros; se esperaban 843562, como en el resumen de Keras del curso.",
           f"{call} has {total} parameters; expected 843562, as in the course's Keras summary.")
    as_array(salida, f"{call} aplicado a 2 ejemplos", shape=(2, 10))


@check("red_cnn_curso")
def test_red_cnn_curso(student):
    call = "red_cnn() (entrada (N, 1, 8, 8), canales (8, 16), 10 clases)"
    call_en = "red_cnn() (input (N, 1, 8, 8), channels (8, 16), 10 classes)"
    total, salida = _red(student, "red_cnn", {}, np.zeros((3, 1, 8, 8)), call)
    expected = (1 * 9 + 1) * 8 + (8 * 9 + 1) * 16 + (16 * 2 * 2 + 1) * 10
    expect(total == expected,
           f"{call} tiene {total} parámetros; se esperaban {expected}: 80 + 1168 de las convoluciones 3x3 y "
           "650 de la capa Linear(16·2·2, 10).",
           f"{call_en} has {total} parameters; expected {expected}: 80 + 1168 in the 3x3 convolutions and "
           "650 in the Linear(16·2·2, 10) layer.")
    as_array(salida, "red_cnn() aplicado a 3 imágenes de 8x8", shape=(3, 10))


# ------------------------------------------------------------------ entrenar

@check("entrenar_historial")
def test_entrenar_historial(student):
    X, y = _iris()
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    rng = np.random.default_rng(0)
    capas = capas_densas([4, 8, 3])
    pesos = [rng.normal(0, 0.5, (8, 4)), np.zeros(8), rng.normal(0, 0.5, (3, 8)), np.zeros(3)]
    call = "entrenar(modelo 4 → 8 → 3, X, y (Iris normalizado), optimizador='adam', lr=0.05, tam_lote=16, epocas=8, semilla=0)"
    call_en = "entrenar(model 4 → 8 → 3, X, y (normalised Iris), optimizador='adam', lr=0.05, tam_lote=16, epocas=8, semilla=0)"
    out = student.corrector_entrenar(capas, pesos, X, y, "adam", 0.05, 16, 8, 0)
    historial = out.get("historial") if isinstance(out, dict) else None
    if not isinstance(historial, dict) or not {"perdida", "exactitud"} <= set(historial):
        fail(f"{call} debe devolver un diccionario con las listas 'perdida' y 'exactitud'; devolvió {show(historial)}.",
             f"{call_en} must return a dict with the lists 'perdida' and 'exactitud'; it returned {show(historial)}.")
    perdida = as_array(historial["perdida"], "historial['perdida']", shape=(8,))
    exactitud = as_array(historial["exactitud"], "historial['exactitud']", shape=(8,))
    expect(bool(np.all((exactitud >= 0) & (exactitud <= 1))),
           f"{call}: historial['exactitud'] = {show(exactitud)}; cada valor debe ser una proporción entre 0 y 1.",
           f"{call_en}: historial['exactitud'] = {show(exactitud)}; each value must be a fraction between 0 and 1.")
    expect(bool(perdida[-1] < perdida[0]) and bool(exactitud[-1] > 0.8),
           f"{call}: la pérdida pasó de {perdida[0]:.4f} a {perdida[-1]:.4f} y la exactitud final es "
           f"{exactitud[-1]:.3f}; se esperaba que la pérdida bajara y la exactitud superara 0.8.",
           f"{call_en}: the loss went from {perdida[0]:.4f} to {perdida[-1]:.4f} and the final accuracy is "
           f"{exactitud[-1]:.3f}; the loss was expected to fall and the accuracy to exceed 0.8.")


def _historial_parada(student, capas, pesos, X, y, X_val, y_val, opt, lr, tam_lote, epocas, semilla, paciencia, call):
    out = student.corrector_entrenar_parada(capas, pesos, X, y, X_val, y_val, opt, lr, tam_lote, epocas, semilla,
                                            paciencia, False)
    historial = out.get("historial") if isinstance(out, dict) else None
    if not isinstance(historial, dict) or not {"perdida", "exactitud", "perdida_val", "mejor_epoca"} <= set(historial):
        fail(f"{call} debe devolver un diccionario con 'perdida', 'exactitud', 'perdida_val' y 'mejor_epoca'; "
             f"devolvió {show(historial)}.",
             f"{call} must return a dict with 'perdida', 'exactitud', 'perdida_val' and 'mejor_epoca'; it returned "
             f"{show(historial)}.")
    perdida = as_array(historial["perdida"], "historial['perdida']")
    perdida_val = as_array(historial["perdida_val"], "historial['perdida_val']")
    mejor = as_number(historial["mejor_epoca"], "historial['mejor_epoca']", integer=True)
    final = as_number(out.get("perdida_val_final"), "la pérdida de validación del modelo final")
    expect(perdida.shape == perdida_val.shape and perdida.ndim == 1 and len(perdida) >= 1,
           f"{call}: 'perdida' ({show(perdida)}) y 'perdida_val' ({show(perdida_val)}) deben tener una entrada por "
           "época entrenada.",
           f"{call}: 'perdida' ({show(perdida)}) and 'perdida_val' ({show(perdida_val)}) must have one entry per "
           "trained epoch.")
    return perdida, perdida_val, int(mejor), final


@check("entrenar_parada_curso")
def test_entrenar_parada_curso(student):
    X, y = _iris()
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    validacion = np.arange(150) % 5 == 0  # 30 flowers for validation, 10 of each class
    rng = np.random.default_rng(1)
    capas = capas_densas([4, 8, 3])
    pesos = [rng.normal(0, 0.5, (8, 4)), np.zeros(8), rng.normal(0, 0.5, (3, 8)), np.zeros(3)]
    args = (X[~validacion], y[~validacion], X[validacion], y[validacion])
    # lr = 0: the weights never move, every validation loss is the same and none is an improvement after epoch 0.
    call = ("entrenar(modelo 4 → 8 → 3, Iris normalizado, optimizador='sgd', lr=0.0, tam_lote=16, epocas=6, "
            "semilla=0, X_val=X_val, y_val=y_val, paciencia=2)")
    perdida, perdida_val, mejor, _ = _historial_parada(student, capas, pesos, *args, "sgd", 0.0, 16, 6, 0, 2, call)
    expect(len(perdida) == 3 and mejor == 0,
           f"{call}: entrenó {len(perdida)} épocas con mejor_epoca = {mejor}; como la pérdida de validación no "
           "cambia, la época 0 es la mejor y las épocas 1 y 2 no son mejora estricta: se esperaban 3 épocas "
           "(se detiene en la época 2) y mejor_epoca = 0.",
           f"{call}: it trained {len(perdida)} epochs with mejor_epoca = {mejor}; since the validation loss does "
           "not change, epoch 0 is the best and epochs 1 and 2 are no strict improvement: 3 epochs were expected "
           "(it stops at epoch 2) and mejor_epoca = 0.",
           "Una mejora es una pérdida de validación estrictamente menor (<) que la mejor hasta ahora.",
           "An improvement is a validation loss strictly lower (<) than the best so far.")
    call = ("entrenar(modelo 4 → 8 → 3, Iris normalizado, optimizador='adam', lr=0.05, tam_lote=16, epocas=8, "
            "semilla=0, X_val=X_val, y_val=y_val, paciencia=2)")
    perdida, perdida_val, mejor, final = _historial_parada(student, capas, pesos, *args, "adam", 0.05, 16, 8, 0, 2,
                                                           call)
    corridas = len(perdida_val)
    primera_mejor = int(np.argmin(perdida_val))
    expect(mejor == primera_mejor,
           f"{call}: mejor_epoca = {mejor}, pero la menor pérdida de validación de {show(perdida_val)} está en la "
           f"época {primera_mejor} (contando desde 0).",
           f"{call}: mejor_epoca = {mejor}, but the lowest validation loss of {show(perdida_val)} is at epoch "
           f"{primera_mejor} (counting from 0).")
    expect(corridas == 8 or corridas - 1 - mejor == 2,
           f"{call}: se entrenaron {corridas} épocas con la mejor en la {mejor}; debía seguir hasta las 8 épocas o "
           "detenerse exactamente 2 épocas (paciencia) después de la mejor.",
           f"{call}: {corridas} epochs were trained with the best at {mejor}; it should go on to all 8 epochs or "
           "stop exactly 2 epochs (paciencia) after the best one.")
    assert_close(final, perdida_val[mejor], rtol=1e-4, atol=1e-6,
                 es=f"{call}: la pérdida de validación del modelo al terminar es {final:.5f}; se esperaba la de la "
                    f"mejor época, {perdida_val[mejor]:.5f}: con paciencia se restauran los pesos de la mejor época.",
                 en=f"{call}: the validation loss of the model at the end is {final:.5f}; expected the best "
                    f"epoch's, {perdida_val[mejor]:.5f}: with paciencia the best epoch's weights are restored.")


# ------------------------------------------------------------------ evaluar

@check("evaluar_curso")
def test_evaluar_curso(student):
    # A model that predicts the index of the one in its input: the predictions are chosen exactly.
    y, pred = [], []
    for real in range(3):
        for predicho in range(3):
            y += [real] * int(CONFUSION_IRIS[real, predicho])
            pred += [predicho] * int(CONFUSION_IRIS[real, predicho])
    X = np.eye(3)[pred]
    capas = [{"tipo": "lineal", "entrada": 3, "salida": 3}]
    pesos = [np.eye(3), np.zeros(3)]
    call = "evaluar con las 120 flores del reporte de Iris del curso"
    call_en = "evaluar with the 120 flowers of the course's Iris report"
    out = student.corrector_evaluar(capas, pesos, X, np.array(y), 3, 32)
    res = out.get("resultado") if isinstance(out, dict) else None
    if not isinstance(res, dict) or not {"exactitud", "confusion", "precision", "recall", "f1"} <= set(res):
        fail(f"{call}: evaluar debe devolver un diccionario con exactitud, confusion, precision, recall y f1; "
             f"devolvió {show(res)}.",
             f"{call_en}: evaluar must return a dict with exactitud, confusion, precision, recall and f1; "
             f"it returned {show(res)}.")
    confusion = as_array(res["confusion"], "evaluar(...)['confusion']", shape=(3, 3))
    assert_equal(confusion, CONFUSION_IRIS,
                 es=f"{call}: la matriz de confusión es {show(confusion)}; se esperaba {show(CONFUSION_IRIS)} "
                    "(filas = clase real, columnas = clase predicha).",
                 en=f"{call_en}: the confusion matrix is {show(confusion)}; expected {show(CONFUSION_IRIS)} "
                    "(rows = true class, columns = predicted class).")
    exactitud = as_number(res["exactitud"], "evaluar(...)['exactitud']")
    assert_close(exactitud, 114 / 120, es=f"{call}: exactitud = {exactitud:.4f}; se esperaba 0.95.",
                 en=f"{call_en}: exactitud = {exactitud:.4f}; expected 0.95.")
    for key, expected in [("precision", [1.0, 36 / 37, 36 / 41]), ("recall", [1.0, 36 / 41, 36 / 37])]:
        got = as_array(res[key], f"evaluar(...)['{key}']", shape=(3,))
        assert_close(got, expected, rtol=1e-6,
                     es=f"{call}: {key} = {show(got)}; se esperaba {show(np.array(expected))} (1.00, 0.97, 0.88 "
                        "y 1.00, 0.88, 0.97 en el reporte del curso).",
                     en=f"{call_en}: {key} = {show(got)}; expected {show(np.array(expected))} (1.00, 0.97, 0.88 "
                        "and 1.00, 0.88, 0.97 in the course's report).")


# ------------------------------------------------------------------ informe_clasificacion

@check("informe_curso")
def test_informe_curso(student):
    y = np.array([0, 0, 0, 1, 1, 2])
    pred = np.array([0, 0, 1, 1, 2, 2])
    call = "informe_clasificacion(y=[0, 0, 0, 1, 1, 2], pred=[0, 0, 1, 1, 2, 2], n_clases=4)"
    # Class 0: 2 of 2 predicted right, 2 of 3 found; class 1: 1 of 2 and 1 of 2; class 2: 1 of 2 and 1 of 1;
    # class 3 never appears (all zeros with zero_division=0).
    p, r = np.array([1, 1 / 2, 1 / 2, 0]), np.array([2 / 3, 1 / 2, 1, 0])
    f = np.array([0.8, 0.5, 2 / 3, 0])
    soporte = np.array([3, 2, 1, 0])
    want = {str(c): {"precision": p[c], "recall": r[c], "f1-score": f[c], "support": soporte[c]} for c in range(4)}
    want["accuracy"] = 4 / 6
    want["macro avg"] = {"precision": p.mean(), "recall": r.mean(), "f1-score": f.mean(), "support": 6}
    want["weighted avg"] = {"precision": p @ soporte / 6, "recall": r @ soporte / 6, "f1-score": f @ soporte / 6,
                            "support": 6}
    got = student.corrector_informe(y, pred, 4)
    if not isinstance(got, dict) or set(got) != set(want):
        fail(f"{call} debe devolver un diccionario con las claves {sorted(want)}; devolvió "
             f"{show(sorted(got) if isinstance(got, dict) else got)}.",
             f"{call} must return a dict with the keys {sorted(want)}; it returned "
             f"{show(sorted(got) if isinstance(got, dict) else got)}.")
    assert_close(as_number(got["accuracy"], f"{call}['accuracy']"), 4 / 6, rtol=0, atol=1e-9,
                 es=f"{call}: accuracy = {show(got['accuracy'])}; se esperaba 4/6 (4 aciertos de 6).",
                 en=f"{call}: accuracy = {show(got['accuracy'])}; expected 4/6 (4 right out of 6).")
    for fila, esperado in want.items():
        if fila == "accuracy":
            continue
        entrada = got[fila]
        if not isinstance(entrada, dict) or set(entrada) != {"precision", "recall", "f1-score", "support"}:
            fail(f"{call}: ['{fila}'] debe ser un diccionario con precision, recall, f1-score y support; es "
                 f"{show(entrada)}.",
                 f"{call}: ['{fila}'] must be a dict with precision, recall, f1-score and support; it is "
                 f"{show(entrada)}.")
        for metrica, w in esperado.items():
            v = as_number(entrada[metrica], f"{call}['{fila}']['{metrica}']")
            assert_close(v, float(w), rtol=0, atol=1e-9,
                         es=f"{call}: ['{fila}']['{metrica}'] = {v:.6g}; se esperaba {float(w):.6g} (support = "
                            "ejemplos reales de la clase; 'weighted avg' pondera por support).",
                         en=f"{call}: ['{fila}']['{metrica}'] = {v:.6g}; expected {float(w):.6g} (support = true "
                            "examples of the class; 'weighted avg' weights by support).")


# ------------------------------------------------------------------ seleccion

@check("seleccion_curso")
def test_seleccion_curso(student):
    X, y = _iris()
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    prueba = np.arange(len(y)) % 5 == 0  # one flower in five is the test set
    rng = np.random.default_rng(0)
    pesos = [rng.normal(0, 0.5, (8, 4)), np.zeros(8), rng.normal(0, 0.5, (3, 8)), np.zeros(3)]
    tasas = [1e-5, 0.05]
    call = ("seleccionar(crear_modelo (red 4 → 8 → 3), X_ent, y_ent, X_pru, y_pru, tasas=[1e-05, 0.05], frac_val=0.2, "
            "semilla=0, epocas=10, tam_lote=16) con Iris normalizado (120 flores de entrenamiento y 30 de prueba)")
    call_en = ("seleccionar(crear_modelo (network 4 → 8 → 3), X_ent, y_ent, X_pru, y_pru, tasas=[1e-05, 0.05], "
               "frac_val=0.2, semilla=0, epocas=10, tam_lote=16) with normalised Iris (120 training and 30 test flowers)")
    res = student.corrector_seleccionar(capas_densas([4, 8, 3]), pesos, X[~prueba], y[~prueba],
                                        X[prueba], y[prueba], tasas, 0.2, 0, 10, 16)
    if not isinstance(res, dict) or not {"elegida", "validacion", "prueba"} <= set(res):
        fail(f"{call} debe devolver un diccionario con 'elegida', 'validacion' y 'prueba'; devolvió {show(res)}.",
             f"{call_en} must return a dict with 'elegida', 'validacion' and 'prueba'; it returned {show(res)}.")
    elegida = as_number(res["elegida"], "seleccionar(...)['elegida']")
    validacion = as_array(res["validacion"], "seleccionar(...)['validacion']", shape=(2,))
    exactitud = as_number(res["prueba"], "seleccionar(...)['prueba']")
    expect(bool(np.all((validacion >= 0) & (validacion <= 1))) and 0 <= exactitud <= 1,
           f"{call}: validacion = {show(validacion)} y prueba = {exactitud:g}; las exactitudes son proporciones entre "
           "0 y 1.",
           f"{call_en}: validacion = {show(validacion)} and prueba = {exactitud:g}; accuracies are fractions between "
           "0 and 1.")
    expect(abs(elegida - 0.05) < 1e-12 and bool(validacion[1] > validacion[0]) and exactitud > 0.8,
           f"{call}: elegida = {elegida:g}, validacion = {show(validacion)}, prueba = {exactitud:.3f}; con 1e-05 la "
           "red casi no aprende, así que se esperaba elegir 0.05 (mejor exactitud de validación) y una exactitud de "
           "prueba mayor que 0.8.",
           f"{call_en}: elegida = {elegida:g}, validacion = {show(validacion)}, prueba = {exactitud:.3f}; with 1e-05 "
           "the network barely learns, so 0.05 should be chosen (best validation accuracy) with a test accuracy "
           "above 0.8.")


# ------------------------------------------------------------------ final

@single_threaded
def _una_epoca(plan, receta, X, y) -> bool:
    """One epoch of the final model in this process, the way the grader trains it (seed 0)."""
    return Training(build(plan, 0), receta, X, y, 0).epoch(PRESUPUESTO_CPU)


@check("final_receta")
def test_final_receta(student):
    from sklearn.datasets import load_digits

    data = load_digits()
    X, y = (data.data[:200] / 16.0).reshape(-1, 1, 8, 8), data.target[:200].astype(np.int64)
    # The grader receives only the description: it checks the layers and the recipe, then builds and trains here.
    plan, receta = check_final(student.corrector_final(), (1, 8, 8), 10)
    expect(_una_epoca(plan, receta, X, y),
           f"Una época de modelo_final() con 200 dígitos usó más de {PRESUPUESTO_CPU:.0f} s de CPU, todo el "
           "presupuesto del corrector.",
           f"One epoch of modelo_final() on 200 digits used more than {PRESUPUESTO_CPU:.0f} CPU seconds, the "
           "grader's whole budget.",
           "Una CNN pequeña basta: menos canales o capas más chicas.",
           "A small CNN is enough: fewer channels or smaller layers.")
