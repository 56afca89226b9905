"""Hidden checks of assignment 08 (CRISP-DM case): properties, scikit-learn and PyTorch as oracles.

The models live in the student's process: the notebook's locked helper cell builds them from plain layer
descriptions with weights chosen here, calls the student's function and sends back only numbers and arrays
(parameters, outputs, training history, and which mode the model was in at each forward pass). The final model
goes the other way: the worker sends its description and the broker builds, trains and measures it (at the end). Here the same
model is rebuilt with PyTorch from the same weights, trained or evaluated the stated way, and compared with
explicit tolerances (the student's model computes in float32). Every case is small: at most 60 examples and
3 epochs, so a whole training run takes milliseconds.
"""

import math

import numpy as np
import pytest
import torch
from hypothesis import assume, example, given
from hypothesis import strategies as st
from sklearn.metrics import accuracy_score, classification_report, confusion_matrix, precision_recall_fscore_support

from dlgrader.grading import (CheckFailed, as_array, as_number, assert_close, assert_equal, check, expect, fail,
                              grader_settings, show, single_threaded)
from dlgrader.grading.layer_models import Training, build, check_final
from dlgrader.sandbox.faults import FatalFault, SubmissionFault

# ------------------------------------------------------------------ helpers




def capas_densas(tamanos, dropout=None):
    capas = []
    for i in range(len(tamanos) - 1):
        capas.append({"tipo": "lineal", "entrada": int(tamanos[i]), "salida": int(tamanos[i + 1])})
        if i < len(tamanos) - 2:
            capas.append({"tipo": "relu"})
            if dropout is not None:
                capas.append({"tipo": "dropout", "p": dropout})
    return capas


def modelo_desde_capas(capas, pesos):
    """The same model the notebook's helper cell builds (without its recording layer), float32."""
    mods = []
    for capa in capas:
        tipo = capa["tipo"]
        if tipo == "lineal":
            mods.append(torch.nn.Linear(capa["entrada"], capa["salida"], bias=capa.get("sesgo", True)))
        elif tipo == "conv":
            mods.append(torch.nn.Conv2d(capa["entrada"], capa["salida"], capa["k"], padding=capa.get("padding", 0)))
        elif tipo == "maxpool":
            mods.append(torch.nn.MaxPool2d(capa["k"]))
        elif tipo == "aplanar":
            mods.append(torch.nn.Flatten())
        elif tipo == "relu":
            mods.append(torch.nn.ReLU())
        elif tipo == "dropout":
            mods.append(torch.nn.Dropout(capa["p"]))
        else:
            raise ValueError(tipo)
    modelo = torch.nn.Sequential(*mods)
    with torch.no_grad():
        for p, w in zip(modelo.parameters(), pesos):
            p.copy_(torch.as_tensor(w, dtype=torch.float32))
    return modelo


def cnn_net(rng, cin, lado, c=4, k=3):
    """A small CNN for images shaped like a case's, channels first: ({"capas", "texto", "k"}, its weights).

    Conv2d(cin, c, 3, padding=1), ReLU, MaxPool2d(2), Flatten, Linear(c·(lado // 2)², k).
    """
    plano = c * (lado // 2) ** 2
    capas = [{"tipo": "conv", "entrada": cin, "salida": c, "k": 3, "padding": 1}, {"tipo": "relu"},
             {"tipo": "maxpool", "k": 2}, {"tipo": "aplanar"}, {"tipo": "lineal", "entrada": plano, "salida": k}]
    pesos = [rng.normal(0, 1 / math.sqrt(9 * cin), (c, cin, 3, 3)), rng.normal(0, 0.1, c),
             rng.normal(0, 1 / math.sqrt(plano), (k, plano)), rng.normal(0, 0.1, k)]
    arch = f"CNN Conv2d({cin}, {c}, 3, padding=1) → ReLU → MaxPool2d(2) → Flatten → Linear({plano}, {k})"
    return {"capas": capas, "es": f"{arch} para imágenes ({cin}, {lado}, {lado})",
            "en": f"{arch} for images ({cin}, {lado}, {lado})", "k": k}, pesos


def layers_of(red, dropout=None):
    """(layer list, words es, words en, classes) of a network: dense sizes [d, h, k], or a CNN from cnn_net."""
    if isinstance(red, dict):
        return red["capas"], red["es"], red["en"], red["k"]
    arch = " → ".join(map(str, red))
    if dropout is not None:
        return capas_densas(red, dropout), f"{arch} con Dropout({dropout})", f"{arch} with Dropout({dropout})", red[-1]
    return capas_densas(red), arch, arch, red[-1]


def init_weights(rng, tamanos):
    pesos = []
    for a, b in zip(tamanos[:-1], tamanos[1:]):
        pesos.append(rng.normal(0.0, 1.0 / math.sqrt(a), (b, a)))
        pesos.append(rng.normal(0.0, 0.1, b))
    return pesos


def parts(result, n, call, call_en, example=None):
    """Validate dividir's (X_ent, X_pru, y_ent, y_pru) and return them as float arrays.

    ``example``: the shape of one example of X (rows by default: any (d,)); each part must keep it.
    """
    if not isinstance(result, (tuple, list)) or len(result) != 4:
        fail(f"{call} debe devolver la tupla (X_ent, X_pru, y_ent, y_pru); devolvió {show(result)}.",
             f"{call_en} must return the tuple (X_ent, X_pru, y_ent, y_pru); it returned {show(result)}.")
    X_ent = as_array(result[0], "dividir(...)[0] (X_ent)")
    X_pru = as_array(result[1], "dividir(...)[1] (X_pru)")
    y_ent = as_array(result[2], "dividir(...)[2] (y_ent)")
    y_pru = as_array(result[3], "dividir(...)[3] (y_pru)")
    kept = (X_ent.ndim == 2 and X_pru.ndim == 2) if example is None else X_ent.shape[1:] == X_pru.shape[1:] == example
    ok = (kept and X_ent.ndim >= 2 and y_ent.shape == (len(X_ent),) and y_pru.shape == (len(X_pru),)
          and len(X_ent) + len(X_pru) == n)
    expect(ok,
           f"{call} devolvió formas {X_ent.shape}, {X_pru.shape}, {y_ent.shape}, {y_pru.shape}; las dos partes "
           f"deben sumar {n} filas y cada y tener tantas etiquetas como filas su X.",
           f"{call_en} returned shapes {X_ent.shape}, {X_pru.shape}, {y_ent.shape}, {y_pru.shape}; the two parts "
           f"must add up to {n} rows and each y must have as many labels as its X has rows.")
    return X_ent, X_pru, y_ent, y_pru


# ------------------------------------------------------------------ dividir

@st.composite
def split_cases(draw):
    """(X, y, frac, semilla): column 0 of X is a unique row id, so overlaps and lost rows show."""
    k = draw(st.integers(2, 4))
    counts = [draw(st.integers(8, 60)) for _ in range(k)]
    frac = draw(st.sampled_from([0.2, 0.25, 0.3, 0.5]))
    semilla = draw(st.integers(0, 10_000))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    y = rng.permutation(np.repeat(np.arange(k), counts)).astype(np.int64)
    n = len(y)
    X = np.column_stack([np.arange(n, dtype=np.float64), rng.integers(-50, 50, size=(n, 2)) / 4])
    return X, y, frac, semilla


def image_split_case(shape, seed, frac=0.25, semilla=7):
    """Images shaped like a case's files, uint8 (A and B: (n, 28, 28); C: (n, 32, 32, 3) channels-last).

    The first pixel of each image is its row id (n < 256), so overlaps and lost images show as with rows.
    """
    rng = np.random.default_rng(seed)
    y = rng.permutation(np.repeat(np.arange(3), [9, 6, 5])).astype(np.int64)
    X = rng.integers(0, 256, size=(len(y), *shape), dtype=np.uint8)
    X.reshape(len(y), -1)[:, 0] = np.arange(len(y))
    return X, y, frac, semilla


def describe_split(X, y, frac, semilla):
    counts = np.bincount(y).tolist()
    what_es = f"{len(y)} filas" if X.ndim == 2 else f"{len(y)} imágenes {X.dtype} de forma {X.shape[1:]}"
    what_en = f"{len(y)} rows" if X.ndim == 2 else f"{len(y)} {X.dtype} images of shape {X.shape[1:]}"
    return (f"dividir(X, y, frac_prueba={frac}, semilla={semilla}) con {what_es} y clases de tamaños {counts}",
            f"dividir(X, y, frac_prueba={frac}, semilla={semilla}) with {what_en} and classes of sizes {counts}")


def _ids(Z):
    """Each example's id: its first value (column 0 of a row, the first pixel of an image)."""
    return Z.reshape(len(Z), -1)[:, 0]


def check_partition(X, y, got, call, call_en):
    X_ent, X_pru, y_ent, y_pru = got
    same = X_ent.shape[1:] == X_pru.shape[1:] == X.shape[1:]
    ids = np.concatenate([_ids(X_ent), _ids(X_pru)]) if same else None
    expect(ids is not None and sorted(ids.tolist()) == list(range(len(y))),
           f"{call}: las filas de entrenamiento y prueba no son exactamente las filas de X, cada una una sola vez "
           "(hay filas repetidas, perdidas o compartidas entre las dos partes).",
           f"{call_en}: the training and test rows are not exactly the rows of X, each once (some rows are "
           "repeated, lost or shared between the two parts).",
           "Separa índices: los de prueba y el resto, sin reemplazo.",
           "Split indices: the test ones and the rest, without replacement.")
    rows = np.concatenate([X_ent, X_pru])
    labels = np.concatenate([y_ent, y_pru])
    order = _ids(rows).astype(np.int64)
    expect(bool(np.array_equal(rows, X[order])) and bool(np.array_equal(labels, y[order])),
           f"{call}: alguna fila quedó con otra etiqueta o con otros valores; X e y deben reordenarse con los "
           "mismos índices.",
           f"{call_en}: some row ended up with another label or other values; X and y must be reordered with "
           "the same indices.")


@check("dividir_particion")
@grader_settings(max_examples=10)
@example(case=image_split_case((28, 28), 1))  # A and B: greyscale images as their IDX files give them
@example(case=image_split_case((32, 32, 3), 2))  # C: colour images, channels last, as CIFAR's loader gives them
@given(case=split_cases())
def test_dividir_particion(student, case):
    X, y, frac, semilla = case
    call, call_en = describe_split(X, y, frac, semilla)
    got = parts(student.dividir(X, y, frac, semilla), len(y), call, call_en, example=X.shape[1:])
    check_partition(X, y, got, call, call_en)


@check("dividir_estratificada")
@grader_settings(max_examples=20)
@given(case=split_cases())
def test_dividir_estratificada(student, case):
    X, y, frac, semilla = case
    call, call_en = describe_split(X, y, frac, semilla)
    _, _, _, y_pru = parts(student.dividir(X, y, frac, semilla), len(y), call, call_en)
    k = int(y.max()) + 1
    got = np.bincount(y_pru.astype(np.int64), minlength=k)[:k] if np.all(np.isin(y_pru, np.arange(k))) else None
    wanted = frac * np.bincount(y, minlength=k)
    expect(got is not None and bool(np.all(np.abs(got - wanted) < 2)),
           f"{call}: prueba tiene {show(got)} ejemplos por clase; se esperaban unos {show(wanted)} "
           "(frac_prueba de cada clase, con menos de 2 de diferencia).",
           f"{call_en}: test has {show(got)} examples per class; expected about {show(wanted)} "
           "(frac_prueba of each class, off by less than 2).",
           "Estratificar: toma round(frac_prueba·n_c) ejemplos al azar de cada clase c.",
           "Stratify: take round(frac_prueba·n_c) random examples from each class c.")


@check("dividir_semilla")
@grader_settings(max_examples=8)
@given(case=split_cases())
def test_dividir_semilla(student, case):
    X, y, frac, semilla = case
    call, call_en = describe_split(X, y, frac, semilla)
    first, args, _ = student.dividir.with_inputs(X.copy(), y.copy(), frac, semilla)
    first = parts(first, len(y), call, call_en)
    check_partition(X, y, first, call, call_en)
    expect(bool(np.array_equal(as_array(args[0], "X"), X)) and bool(np.array_equal(as_array(args[1], "y"), y)),
           f"{call} modificó X o y; dividir debe devolver arreglos nuevos.",
           f"{call_en} modified X or y; dividir must return new arrays.")
    again = parts(student.dividir(X, y, frac, semilla), len(y), call, call_en)
    same = all(a.shape == b.shape and bool(np.array_equal(a, b)) for a, b in zip(first, again))
    expect(same,
           f"Llamar dos veces a {call} dio divisiones distintas; con la misma semilla debe dar exactamente la misma.",
           f"Calling {call_en} twice gave different splits; with the same seed it must give exactly the same.",
           "Usa np.random.default_rng(semilla) dentro de la función, no el generador global.",
           "Use np.random.default_rng(semilla) inside the function, not the global generator.")
    other = parts(student.dividir(X, y, frac, semilla + 1), len(y), call, call_en)
    expect(set(other[1][:, 0].tolist()) != set(first[1][:, 0].tolist()),
           f"{call} y la misma llamada con semilla={semilla + 1} pusieron las mismas filas en prueba; la semilla "
           "debe cambiar la división.",
           f"{call_en} and the same call with semilla={semilla + 1} put the same rows in test; the seed must "
           "change the split.")


# ------------------------------------------------------------------ normalizacion

@st.composite
def feature_matrices(draw, min_rows=2):
    n, d = draw(st.integers(min_rows, 12)), draw(st.integers(1, 5))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    scale = draw(st.sampled_from([1e-3, 1.0, 100.0]))
    X = rng.normal(draw(st.integers(-5, 5)), scale, size=(n, d))
    constant = draw(st.integers(-1, d - 1))
    if constant >= 0:  # decimals such as 0.1: np.std of the column may be 1e-17, yet it is constant
        X[:, constant] = draw(st.one_of(st.integers(-16, 16).map(lambda k: k / 8),
                                        st.integers(-50, 50).map(lambda k: k / 10)))
    return X


def stats(X):
    """The notebook's statistics: population deviation, 1 where the column is constant (maximum == minimum)."""
    X = np.asarray(X, dtype=np.float64)
    return X.mean(axis=0), np.where(X.max(axis=0) == X.min(axis=0), 1.0, X.std(axis=0))


def pair_of_arrays(result, call, call_en, shapes, names):
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        fail(f"{call} debe devolver una tupla de dos arreglos {names}; devolvió {show(result)}.",
             f"{call_en} must return a tuple of two arrays {names}; it returned {show(result)}.")
    return [as_array(r, f"{call}[{i}]", shape=s) for i, (r, s) in enumerate(zip(result, shapes))]


@check("normalizacion_estadisticas")
@grader_settings(max_examples=15)
@given(X=feature_matrices())
def test_normalizacion_estadisticas(student, X):
    d = X.shape[1]
    call = f"ajustar_normalizacion(X) con X = {show(X)}"
    media, desv = pair_of_arrays(student.ajustar_normalizacion(X), call, call, [(d,), (d,)], "(media, desv)")
    m, s = stats(X)
    assert_close(media, m, rtol=1e-9, atol=1e-12, es=f"{call} devolvió media = {show(media)}; se esperaba {show(m)}.",
                 en=f"{call} returned media = {show(media)}; expected {show(m)}.")
    assert_close(desv, s, rtol=1e-7, atol=1e-12,
                 es=f"{call} devolvió desv = {show(desv)}; se esperaba {show(s)}: desviación poblacional (ddof=0) "
                    "de cada columna y 1 donde la columna es constante.",
                 en=f"{call} returned desv = {show(desv)}; expected {show(s)}: population deviation (ddof=0) "
                    "of each column and 1 where the column is constant.")
    raw, args, _ = student.aplicar_normalizacion.with_inputs(X, m, s)
    expect(isinstance(raw, np.ndarray) and raw.dtype == np.float64,
           f"aplicar_normalizacion(X, media, desv) con X de dtype {X.dtype} devolvió "
           f"{getattr(raw, 'dtype', type(raw).__name__)}; se esperaba un arreglo float64.",
           f"aplicar_normalizacion(X, media, desv) with X of dtype {X.dtype} returned "
           f"{getattr(raw, 'dtype', type(raw).__name__)}; a float64 array was expected.",
           "Convierte con np.asarray(X, dtype=np.float64) (no a float32) antes de operar.",
           "Convert with np.asarray(X, dtype=np.float64) (not to float32) before operating.")
    for name, before, after in zip(("X", "media", "desv"), (X, m, s), args):
        expect(np.shape(after) == before.shape and bool(np.array_equal(after, before)),
               f"aplicar_normalizacion(X, media, desv) con X = {show(X)} modificó su argumento {name}.",
               f"aplicar_normalizacion(X, media, desv) with X = {show(X)} modified its argument {name}.",
               "Crea un arreglo nuevo: (X - media) / desv, no X -= media.",
               "Create a new array: (X - media) / desv, not X -= media.")
    got = as_array(raw, "aplicar_normalizacion(X, media, desv)", shape=X.shape)
    want = (X - m) / s
    assert_close(got, want, rtol=1e-9, atol=1e-9,
                 es=f"aplicar_normalizacion(X, media={show(m)}, desv={show(s)}) devolvió {show(got)}; se esperaba "
                    f"(X - media) / desv = {show(want)}.",
                 en=f"aplicar_normalizacion(X, media={show(m)}, desv={show(s)}) returned {show(got)}; expected "
                    f"(X - media) / desv = {show(want)}.")


@check("normalizacion_solo_entrenamiento")
@grader_settings(max_examples=15)
@given(X_ent=feature_matrices(), data=st.data())
def test_normalizacion_solo_entrenamiento(student, X_ent, data):
    n_pru = data.draw(st.integers(1, 8))
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    X_pru = rng.normal(3.0, 2.0, size=(n_pru, X_ent.shape[1]))  # another distribution than training
    m, s = stats(X_ent)
    call = f"normalizar_particiones(X_ent, X_pru) con X_ent = {show(X_ent)} y X_pru = {show(X_pru)}"
    call_en = f"normalizar_particiones(X_ent, X_pru) with X_ent = {show(X_ent)} and X_pru = {show(X_pru)}"
    ent, pru = pair_of_arrays(student.normalizar_particiones(X_ent, X_pru), call, call_en,
                              [X_ent.shape, X_pru.shape], "(X_ent, X_pru)")
    for got, X, es_name, en_name in [(ent, X_ent, "entrenamiento", "training"), (pru, X_pru, "prueba", "test")]:
        want = (X - m) / s
        assert_close(got, want, rtol=1e-7, atol=1e-9,
                     es=f"{call}: la parte de {es_name} quedó {show(got)}; se esperaba {show(want)}, normalizada "
                        "con la media y la desviación de X_ent solamente.",
                     en=f"{call_en}: the {en_name} part is {show(got)}; expected {show(want)}, normalised with the "
                        "mean and deviation of X_ent only.",
                     )


@st.composite
def uint8_rows(draw):
    n, d = draw(st.integers(3, 20)), draw(st.integers(2, 6))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    X = rng.integers(0, 256, size=(n, d), dtype=np.uint8)
    X[:, 0] = rng.integers(200, 256, size=n)  # bright pixels: squares and sums overflow uint8
    return X


def case_pixels(shape, seed, n=6):
    """uint8 images shaped like a case's files (A and B: (n, 28, 28); C: (n, 32, 32, 3), channels last).

    A black border, constant as MNIST's is, around random pixels, with bright ones whose squares and sums
    overflow uint8.
    """
    rng = np.random.default_rng(seed)
    X = np.zeros((n, *shape), dtype=np.uint8)
    X[:, 4:-4, 4:-4] = rng.integers(0, 256, size=X[:, 4:-4, 4:-4].shape, dtype=np.uint8)
    X[:, 10, 10] = rng.integers(200, 256, size=X[:, 10, 10].shape, dtype=np.uint8)
    return X


@check("normalizacion_uint8")
@grader_settings(max_examples=10)
@example(X=case_pixels((28, 28), 1))  # A and B: greyscale images as their IDX files give them
@example(X=case_pixels((32, 32, 3), 2))  # C: colour images, channels last
@given(X=uint8_rows())
def test_normalizacion_uint8(student, X):
    m, s = stats(X)
    what = show(X) if X.ndim == 2 else f"{len(X)} imágenes de forma {X.shape[1:]}"
    what_en = show(X) if X.ndim == 2 else f"{len(X)} images of shape {X.shape[1:]}"
    call = f"ajustar_normalizacion(X) con X de dtype uint8 (píxeles 0..255) = {what}"
    call_en = f"ajustar_normalizacion(X) with X of dtype uint8 (pixels 0..255) = {what_en}"
    media, desv = pair_of_arrays(student.ajustar_normalizacion(X), call, call_en, [X.shape[1:]] * 2, "(media, desv)")
    assert_close(np.concatenate([media.ravel(), desv.ravel()]), np.concatenate([m.ravel(), s.ravel()]), rtol=1e-7,
                 atol=1e-9,
                 es=f"{call} devolvió media = {show(media)} y desv = {show(desv)}; se esperaba media = {show(m)} y "
                    f"desv = {show(s)}, calculadas en float64 (con imágenes, una por píxel y canal, a lo largo del "
                    "eje 0).",
                 en=f"{call_en} returned media = {show(media)} and desv = {show(desv)}; expected media = {show(m)} and "
                    f"desv = {show(s)}, computed in float64 (with images, one per pixel and channel, along axis 0).",
                 )
    ent, pru = pair_of_arrays(student.normalizar_particiones(X, X[::-1].copy()), "normalizar_particiones(X, X)",
                              "normalizar_particiones(X, X)", [X.shape, X.shape], "(X_ent, X_pru)")
    want = (X.astype(np.float64) - m) / s
    assert_close(ent, want, rtol=1e-7, atol=1e-9,
                 es=f"normalizar_particiones con X uint8 = {what} devolvió {show(ent)}; se esperaba {show(want)}.",
                 en=f"normalizar_particiones with uint8 X = {what_en} returned {show(ent)}; expected {show(want)}.")


# ------------------------------------------------------------------ imagenes

@check("imagenes_filas")
@grader_settings(max_examples=15)
@example(n=2, lado=32, seed=3)  # C: CIFAR-10's own rows of 3072 bytes
@given(n=st.integers(1, 4), lado=st.integers(1, 6), seed=st.integers(0, 2**32 - 1))
def test_imagenes_filas(student, n, lado, seed):
    filas = np.random.default_rng(seed).integers(0, 256, size=(n, 3 * lado * lado), dtype=np.uint8)
    call = f"filas_a_imagenes(filas, lado={lado}) con filas uint8 de forma {filas.shape}"
    call_en = f"filas_a_imagenes(filas, lado={lado}) with uint8 rows of shape {filas.shape}"
    got = student.filas_a_imagenes(filas, lado)
    expect(isinstance(got, np.ndarray) and got.dtype == np.uint8,
           f"{call} debe devolver un arreglo uint8 (los mismos valores de píxel); devolvió "
           f"{getattr(got, 'dtype', type(got).__name__)}.",
           f"{call_en} must return a uint8 array (the same pixel values); it returned "
           f"{getattr(got, 'dtype', type(got).__name__)}.")
    got = as_array(got, call, shape=(n, lado, lado, 3))
    want = filas.reshape(n, 3, lado, lado).transpose(0, 2, 3, 1)
    assert_equal(got, want,
                 es=f"{call}: las imágenes no coinciden; cada fila guarda primero los {lado * lado} valores rojos, "
                    "luego los verdes y luego los azules (CHW), y la imagen es (lado, lado, 3).",
                 en=f"{call_en}: the images do not match; each row stores first the {lado * lado} red values, then "
                    "the green and then the blue ones (CHW), and the image is (lado, lado, 3).")


# ------------------------------------------------------------------ contar_parametros

@st.composite
def layer_lists(draw, frozen=False):
    capas = []
    for _ in range(draw(st.integers(1, 5))):
        tipo = draw(st.sampled_from(["lineal", "lineal", "conv", "relu", "aplanar", "maxpool", "dropout"]))
        if tipo == "lineal":
            capa = {"tipo": "lineal", "entrada": draw(st.integers(1, 60)), "salida": draw(st.integers(1, 60))}
        elif tipo == "conv":
            capa = {"tipo": "conv", "entrada": draw(st.integers(1, 4)), "salida": draw(st.integers(1, 8)),
                    "k": draw(st.integers(1, 5))}
        elif tipo == "maxpool":
            capa = {"tipo": "maxpool", "k": 2}
        elif tipo == "dropout":
            capa = {"tipo": "dropout", "p": 0.5}
        else:
            capa = {"tipo": tipo}
        if tipo in ("lineal", "conv"):
            capa["sesgo"] = draw(st.booleans())
            if frozen:
                capa["entrenable"] = draw(st.booleans())
        capas.append(capa)
    return capas


def expected_count(capas, only_trainable=True):
    total = 0
    for c in capas:
        if c["tipo"] not in ("lineal", "conv") or (only_trainable and not c.get("entrenable", True)):
            continue
        k = c["k"] ** 2 if c["tipo"] == "conv" else 1
        total += c["entrada"] * c["salida"] * k + (c["salida"] if c.get("sesgo", True) else 0)
    return total


def describe_layers(capas):
    parts_ = []
    for c in capas:
        if c["tipo"] == "lineal":
            s = f"Linear({c['entrada']}, {c['salida']}, bias={c.get('sesgo', True)})"
        elif c["tipo"] == "conv":
            s = f"Conv2d({c['entrada']}, {c['salida']}, {c['k']}, bias={c.get('sesgo', True)})"
        else:
            s = {"relu": "ReLU()", "aplanar": "Flatten()", "maxpool": "MaxPool2d(2)", "dropout": "Dropout(0.5)"}[c["tipo"]]
        if not c.get("entrenable", True):
            s += " [congelada/frozen]"
        parts_.append(s)
    return ", ".join(parts_)


@check("contar_capas")
@grader_settings(max_examples=15)
@given(capas=layer_lists())
def test_contar_capas(student, capas):
    want = expected_count(capas)
    arch = describe_layers(capas)
    value = as_number(student.corrector_contar(capas), f"contar_parametros(nn.Sequential({arch}))", integer=True)
    expect(value == want,
           f"contar_parametros(nn.Sequential({arch})) devolvió {value:g}; se esperaba {want}.",
           f"contar_parametros(nn.Sequential({arch})) returned {value:g}; expected {want}.",
           "Suma p.numel() de cada parámetro: pesos y sesgos; ReLU, Flatten, MaxPool y Dropout no tienen.",
           "Add p.numel() of every parameter: weights and biases; ReLU, Flatten, MaxPool and Dropout have none.")


@check("contar_congeladas")
@grader_settings(max_examples=15)
@given(capas=layer_lists(frozen=True))
def test_contar_congeladas(student, capas):
    assume(expected_count(capas) != expected_count(capas, only_trainable=False))  # some layer is frozen
    assume(expected_count(capas) > 0)
    want = expected_count(capas)
    arch = describe_layers(capas)
    value = as_number(student.corrector_contar(capas), f"contar_parametros(nn.Sequential({arch}))", integer=True)
    expect(value == want,
           f"contar_parametros(nn.Sequential({arch})) devolvió {value:g}; se esperaba {want}: solo cuentan los "
           "parámetros entrenables (requires_grad), no los de capas congeladas.",
           f"contar_parametros(nn.Sequential({arch})) returned {value:g}; expected {want}: only trainable "
           "parameters (requires_grad) count, not those of frozen layers.")


# ------------------------------------------------------------------ redes

def inspect_model(student, constructor, argumentos, X, call, call_en):
    out = student.corrector_red(constructor, argumentos, X)
    if not isinstance(out, dict) or not isinstance(out.get("pesos"), list):
        fail(f"No se pudo inspeccionar el modelo que devuelve {call}.", f"Could not inspect the model {call_en} returns.")
    pesos = [as_array(p, f"{call}: parámetro {i}") for i, p in enumerate(out["pesos"])]
    return pesos, out.get("salida")


def expect_shapes(pesos, shapes, call, call_en):
    got = [p.shape for p in pesos]
    expect(got == shapes,
           f"{call}: los parámetros tienen formas {got}; se esperaban {shapes} (en el orden de modelo.parameters()).",
           f"{call_en}: the parameters have shapes {got}; expected {shapes} (in the order of model.parameters()).")


@check("red_densa_arquitectura")
@grader_settings(max_examples=12)
@given(tamanos=st.lists(st.integers(1, 12), min_size=2, max_size=5), n=st.integers(1, 5),
       seed=st.integers(0, 2**32 - 1))
def test_red_densa_arquitectura(student, tamanos, n, seed):
    X = np.random.default_rng(seed).normal(0, 2, size=(n, tamanos[0]))
    call = f"red_densa({tamanos})"
    pesos, salida = inspect_model(student, "red_densa", {"tamanos": tamanos}, X, call, call)
    shapes = [s for a, b in zip(tamanos[:-1], tamanos[1:]) for s in [(b, a), (b,)]]
    expect_shapes(pesos, shapes, call, call)
    salida = as_array(salida, f"{call} aplicado a X de forma {X.shape}", shape=(n, tamanos[-1]))
    h = X
    for i in range(0, len(pesos), 2):
        h = h @ pesos[i].T + pesos[i + 1]
        if i < len(pesos) - 2:
            h = np.maximum(h, 0)
    assert_close(salida, h, rtol=1e-4, atol=1e-4,
                 es=f"{call} aplicado a X = {show(X)} dio {show(salida)}; con sus propios pesos, Linear y ReLU "
                    f"entre capas y sin activación al final (logits) da {show(h)}.",
                 en=f"{call} applied to X = {show(X)} gave {show(salida)}; with its own weights, Linear and ReLU "
                    f"between layers and no activation at the end (logits) gives {show(h)}.")


@single_threaded
def oracle_cnn(X, pesos, blocks):
    """(Conv2d 3x3 padding 1, ReLU, MaxPool2d(2)) per block, Flatten, Linear, in float64 with the given weights."""
    F = torch.nn.functional
    h = torch.as_tensor(X)
    for i in range(blocks):
        h = F.max_pool2d(F.relu(F.conv2d(h, torch.as_tensor(pesos[2 * i]), torch.as_tensor(pesos[2 * i + 1]),
                                         padding=1)), 2)
    return F.linear(h.flatten(1), torch.as_tensor(pesos[-2]), torch.as_tensor(pesos[-1])).numpy()


@check("red_cnn_arquitectura")
@grader_settings(max_examples=8)
# The cases' own shapes: A and B (1 channel, 28 x 28: three poolings round 7 down to 3), C (3 channels, 32 x 32).
@example(cin=1, canales=[3, 4, 5], n_clases=10, extra=False, n=2, seed=1, lado=28)
@example(cin=3, canales=[4, 6], n_clases=10, extra=False, n=2, seed=2, lado=32)
@given(cin=st.integers(1, 3), canales=st.lists(st.integers(1, 6), min_size=1, max_size=2),
       n_clases=st.integers(2, 10), extra=st.booleans(), n=st.integers(1, 3), seed=st.integers(0, 2**32 - 1),
       lado=st.none())
def test_red_cnn_arquitectura(student, cin, canales, n_clases, extra, n, seed, lado):
    lado = lado or 2 ** (len(canales) + int(extra))
    argumentos = {"canales_entrada": cin, "canales": canales, "n_clases": n_clases, "lado": lado}
    X = np.random.default_rng(seed).normal(0, 1, size=(n, cin, lado, lado))
    call = (f"red_cnn(canales_entrada={cin}, canales={tuple(canales)}, n_clases={n_clases}, lado={lado})")
    pesos, salida = inspect_model(student, "red_cnn", argumentos, X, call, call)
    shapes, before = [], cin
    for c in canales:
        shapes += [(c, before, 3, 3), (c,)]
        before = c
    final = lado // 2 ** len(canales)
    shapes += [(n_clases, before * final * final), (n_clases,)]
    expect_shapes(pesos, shapes, call, call)
    salida = as_array(salida, f"{call} aplicado a X de forma {X.shape}", shape=(n, n_clases))
    h = oracle_cnn(X, pesos, len(canales))
    assert_close(salida, h, rtol=1e-4, atol=1e-4,
                 es=f"{call} aplicado a X de forma {X.shape} dio {show(salida)}; con sus propios pesos, "
                    f"(Conv2d 3x3 con padding 1, ReLU, MaxPool2d(2)) por bloque, Flatten y Linear da {show(h)}.",
                 en=f"{call} applied to X of shape {X.shape} gave {show(salida)}; with its own weights, "
                    f"(Conv2d 3x3 with padding 1, ReLU, MaxPool2d(2)) per block, Flatten and Linear gives {show(h)}.")


# ------------------------------------------------------------------ entrenar

@st.composite
def training_cases(draw):
    d, h, k = draw(st.integers(2, 6)), draw(st.integers(2, 8)), draw(st.integers(2, 4))
    n = draw(st.integers(5, 30))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    if draw(st.booleans()):
        # Separable groups, the whole set as one batch and a large SGD step: each step moves many predictions,
        # so the accuracy measured with the outputs before the step and after it differ by several examples.
        n = draw(st.integers(20, 30))
        y = rng.integers(0, k, size=n)
        X = rng.normal(0, 2.0, size=(k, d))[y] + rng.normal(0, 1, size=(n, d))
        return ([d, h, k], init_weights(rng, [d, h, k]), X, y, "sgd", 0.5, n, draw(st.integers(1, 2)),
                draw(st.integers(0, 10_000)))
    X = rng.normal(0, 1, size=(n, d))
    y = rng.integers(0, k, size=n)
    opt = draw(st.sampled_from(["sgd", "adam"]))
    lr = draw(st.sampled_from([0.01, 0.1])) if opt == "sgd" else draw(st.sampled_from([0.001, 0.01]))
    tam_lote = draw(st.sampled_from([1, 3, 4, 7, 8, 16, 64]))
    epocas = draw(st.integers(1, 3))
    semilla = draw(st.integers(0, 10_000))
    return [d, h, k], init_weights(rng, [d, h, k]), X, y, opt, lr, tam_lote, epocas, semilla


def cnn_training_case(cin, lado, seed):
    """Twelve images shaped like a case's, channels first as a CNN takes them (A, B: (1, 28, 28); C: (3, 32, 32))."""
    rng = np.random.default_rng(seed)
    red, pesos = cnn_net(rng, cin, lado)
    return (red, pesos, rng.normal(0, 1, size=(12, cin, lado, lado)), rng.integers(0, 3, size=12), "adam", 0.01, 5, 2,
            seed)


def describe_training(case):
    red, _, X, y, opt, lr, tam_lote, epocas, semilla = case
    _, arch, arch_en, _ = layers_of(red)
    args = (f"optimizador='{opt}', lr={lr}, tam_lote={tam_lote}, epocas={epocas}, semilla={semilla}")
    return (f"entrenar(modelo {arch}, X, y, {args}) con {len(y)} ejemplos",
            f"entrenar(model {arch_en}, X, y, {args}) with {len(y)} examples")


def run_training(student, case, call, call_en):
    red, pesos, X, y, opt, lr, tam_lote, epocas, semilla = case
    out = student.corrector_entrenar(layers_of(red)[0], pesos, X, y, opt, lr, tam_lote, epocas, semilla)
    historial = out.get("historial") if isinstance(out, dict) else None
    if not isinstance(historial, dict) or not {"perdida", "exactitud"} <= set(historial):
        fail(f"{call} debe devolver un diccionario con las listas 'perdida' y 'exactitud'; devolvió {show(historial)}.",
             f"{call_en} must return a dict with the lists 'perdida' and 'exactitud'; it returned {show(historial)}.")
    perdida = as_array(historial["perdida"], f"{call}: historial['perdida']", shape=(epocas,))
    exactitud = as_array(historial["exactitud"], f"{call}: historial['exactitud']", shape=(epocas,))
    finales = [as_array(p, f"{call}: pesos finales") for p in out["pesos"]]
    return perdida, exactitud, finales, out.get("modos")


@single_threaded
def oracle_training(reference, case):
    red, pesos, X, y, opt, lr, tam_lote, epocas, semilla = case
    modelo = modelo_desde_capas(layers_of(red)[0], pesos)
    historial = reference.entrenar(modelo, X, y, optimizador=opt, lr=lr, tam_lote=tam_lote, epocas=epocas,
                                   semilla=semilla)
    return (np.array(historial["perdida"]), np.array(historial["exactitud"]),
            [p.detach().numpy().astype(np.float64) for p in modelo.parameters()])


@check("entrenar_torch")
@grader_settings(max_examples=6)
@example(case=cnn_training_case(1, 28, 1))  # A and B's images, channels first
@example(case=cnn_training_case(3, 32, 2))  # C's
@given(case=training_cases())
def test_entrenar_torch(student, reference, case):
    call, call_en = describe_training(case)
    perdida, exactitud, finales, _ = run_training(student, case, call, call_en)
    ref_perdida, ref_exactitud, ref_pesos = oracle_training(reference, case)
    n = len(case[3])
    assert_close(perdida, ref_perdida, rtol=1e-4, atol=1e-5,
                 es=f"{call}: historial['perdida'] = {show(perdida)}; se esperaba {show(ref_perdida)}: el promedio "
                    "por ejemplo de la entropía cruzada de cada época, con los lotes en el orden de torch.randperm.",
                 en=f"{call_en}: historial['perdida'] = {show(perdida)}; expected {show(ref_perdida)}: the per-example "
                    "mean cross-entropy of each epoch, with batches in the order of torch.randperm.")
    expect(bool(np.all(np.abs(exactitud - ref_exactitud) <= 1.0 / n + 1e-9)),
           f"{call}: historial['exactitud'] = {show(exactitud)}; se esperaba {show(ref_exactitud)} (aciertos de la "
           "época sobre el total de ejemplos, con las salidas de cada lote antes de su step).",
           f"{call_en}: historial['exactitud'] = {show(exactitud)}; expected {show(ref_exactitud)} (correct "
           "predictions of the epoch over the number of examples, with each batch's outputs before its step).",
           "Cuenta los aciertos con la misma salida con que calculaste la pérdida del lote, antes de step(); no "
           "vuelvas a pasar el lote por el modelo después de actualizarlo.",
           "Count the correct predictions with the same output you computed the batch's loss with, before step(); "
           "do not run the batch through the model again after updating it.")
    same_shapes = len(finales) == len(ref_pesos) and all(a.shape == b.shape for a, b in zip(finales, ref_pesos))
    expect(same_shapes, f"{call}: el modelo cambió de forma al entrenar.", f"{call_en}: the model changed shape.")
    flat = np.concatenate([p.ravel() for p in finales])
    ref_flat = np.concatenate([p.ravel() for p in ref_pesos])
    assert_close(flat, ref_flat, rtol=1e-3, atol=1e-5,
                 es=f"{call}: los pesos finales no son los de PyTorch con zero_grad, backward y step en cada lote; "
                    f"la mayor diferencia es {np.max(np.abs(flat - ref_flat)):.3g}.",
                 en=f"{call_en}: the final weights are not PyTorch's with zero_grad, backward and step on each batch; "
                    f"the largest difference is {np.max(np.abs(flat - ref_flat)):.3g}.")


@check("entrenar_modo")
@grader_settings(max_examples=2)
@given(case=training_cases())
def test_entrenar_modo(student, case):
    call, call_en = describe_training(case)
    _, _, _, modos = run_training(student, case, call, call_en)
    modos = modos if isinstance(modos, list) else []
    with_grad = [bool(m[0]) for m in modos if isinstance(m, (list, tuple)) and len(m) == 2 and m[1]]
    expect(len(with_grad) > 0 and all(with_grad),
           f"{call} recibió el modelo en modo evaluación; en {len(with_grad) - sum(with_grad)} de {len(with_grad)} "
           "pasadas hacia adelante con gradientes el modelo no estaba en modo entrenamiento.",
           f"{call_en} received the model in evaluation mode; in {len(with_grad) - sum(with_grad)} of "
           f"{len(with_grad)} forward passes with gradients the model was not in training mode.",
           "Llama a modelo.train() al comienzo de cada época (Dropout y BatchNorm dependen de eso).",
           "Call modelo.train() at the start of each epoch (Dropout and BatchNorm depend on it).")


def _digits_subset():
    from sklearn.datasets import load_digits

    data = load_digits()
    return data.data[:240] / 16.0, data.target[:240].astype(np.int64)


@check("entrenar_aprende")
@grader_settings(max_examples=2)
@given(semilla=st.integers(0, 1000), opt=st.sampled_from(["adam", "sgd"]))
def test_entrenar_aprende(student, semilla, opt):
    X, y = _digits_subset()
    tamanos = [64, 32, 10]
    pesos = init_weights(np.random.default_rng(semilla), tamanos)
    lr = 0.01 if opt == "adam" else 0.5
    case = (tamanos, pesos, X, y, opt, lr, 32, 3, semilla)
    call, call_en = describe_training(case)
    call, call_en = call + " (240 dígitos de 8x8)", call_en + " (240 8x8 digits)"
    perdida, exactitud, _, _ = run_training(student, case, call, call_en)
    expect(bool(np.all(np.diff(perdida) < 0)) and bool(perdida[-1] < 0.8 * perdida[0]),
           f"{call}: la pérdida por época fue {show(perdida)}; se esperaba que bajara en cada época y terminara "
           "por debajo del 80 % de la primera.",
           f"{call_en}: the loss per epoch was {show(perdida)}; it was expected to fall every epoch and end below "
           "80 % of the first one.",
           "En cada lote: optimizador.zero_grad(), pérdida.backward() y optimizador.step().",
           "On each batch: optimizer.zero_grad(), loss.backward() and optimizer.step().")


# ------------------------------------------------------------------ entrenar: early stopping

@st.composite
def stopping_cases(draw, ties=True):
    """Three kinds of runs, so that every branch of the rule matters.

    "aprende": learnable groups with noisy validation labels: the validation loss falls for an epoch or two and then
    stalls or rises (an improvement after epoch 0, then waiting). "ruido": random labels on both sides: training
    overfits fast and the validation loss soon stops improving. "empate": lr = 0, the weights never move and every
    validation loss is exactly the same (a tie is no improvement).
    """
    tipo = draw(st.sampled_from(["aprende", "ruido", "empate"] if ties else ["aprende", "ruido"]))
    d, h, k = draw(st.integers(2, 5)), draw(st.integers(4, 10)), draw(st.integers(2, 4))
    n, n_val = draw(st.integers(16, 40)), draw(st.integers(8, 20))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    y, y_val = rng.integers(0, k, size=n), rng.integers(0, k, size=n_val)
    if tipo == "aprende":
        centros = rng.normal(0, 1.5, size=(k, d))
        X, X_val = centros[y] + rng.normal(0, 1, size=(n, d)), centros[y_val] + rng.normal(0, 1, size=(n_val, d))
        ruido = rng.random(n_val) < 0.3
        y_val = np.where(ruido, rng.integers(0, k, size=n_val), y_val)
    else:
        X, X_val = rng.normal(0, 1, size=(n, d)), rng.normal(0, 1, size=(n_val, d))
    opt = draw(st.sampled_from(["adam", "sgd"]))
    if tipo == "empate":
        lr = 0.0
    elif tipo == "aprende":
        lr = draw(st.sampled_from([0.05, 0.1])) if opt == "adam" else draw(st.sampled_from([0.5, 1.0]))
    else:
        lr = draw(st.sampled_from([0.2, 0.5])) if opt == "sgd" else draw(st.sampled_from([0.02, 0.05]))
    tam_lote = draw(st.sampled_from([4, 8, 16]))
    epocas = 4
    paciencia = draw(st.sampled_from([2, 1]))
    semilla = draw(st.integers(0, 10_000))
    return ([d, h, k], init_weights(rng, [d, h, k]), X, y, X_val, y_val.astype(np.int64), opt, lr, tam_lote, epocas,
            semilla, paciencia)


def describe_stopping(case, paciencia):
    tamanos, _, X, y, X_val, _, opt, lr, tam_lote, epocas, semilla, _ = case
    arch = " → ".join(map(str, tamanos))
    args = (f"optimizador='{opt}', lr={lr}, tam_lote={tam_lote}, epocas={epocas}, semilla={semilla}, "
            f"X_val=X_val, y_val=y_val, paciencia={paciencia}")
    return (f"entrenar(modelo {arch}, X, y, {args}) con {len(y)} ejemplos de entrenamiento y {len(X_val)} de "
            "validación",
            f"entrenar(model {arch}, X, y, {args}) with {len(y)} training and {len(X_val)} validation examples")


@single_threaded
def oracle_stopping(case, paciencia, capas=None):
    """Independent re-implementation: the stated training loop, the validation loss after each epoch and the
    Keras 3 EarlyStopping(monitor="val_loss", patience=paciencia, restore_best_weights=True) rule."""
    tamanos, pesos, X, y, X_val, y_val, opt, lr, tam_lote, epocas, semilla, _ = case
    modelo = modelo_desde_capas(capas or capas_densas(tamanos), pesos)
    X, y = torch.as_tensor(X, dtype=torch.float32), torch.as_tensor(y, dtype=torch.long)
    X_val, y_val = torch.as_tensor(X_val, dtype=torch.float32), torch.as_tensor(y_val, dtype=torch.long)
    optim = (torch.optim.SGD if opt == "sgd" else torch.optim.Adam)(modelo.parameters(), lr=lr)
    g = torch.Generator().manual_seed(semilla)
    perdida, perdida_val, snapshots = [], [], []
    mejor, mejor_epoca, espera = math.inf, 0, 0
    for epoca in range(epocas):
        modelo.train()
        suma = 0.0
        for idx in torch.randperm(len(y), generator=g).split(tam_lote):
            optim.zero_grad()
            loss = torch.nn.functional.cross_entropy(modelo(X[idx]), y[idx])
            loss.backward()
            optim.step()
            suma += loss.item() * len(idx)
        perdida.append(suma / len(y))
        modelo.eval()
        with torch.no_grad():
            actual = torch.nn.functional.cross_entropy(modelo(X_val), y_val).item()
        perdida_val.append(actual)
        snapshots.append([p.detach().numpy().astype(np.float64).copy() for p in modelo.parameters()])
        espera += 1
        if actual < mejor:
            mejor, mejor_epoca, espera = actual, epoca, 0
        elif paciencia is not None and espera >= paciencia and epoca > 0:
            break
    finales = snapshots[mejor_epoca] if paciencia is not None else snapshots[-1]
    return {"perdida": np.array(perdida), "perdida_val": np.array(perdida_val), "mejor_epoca": mejor_epoca,
            "pesos": finales, "ultimos": snapshots[-1]}


def robust_decisions(perdida_val, tied):
    """Every improvement decision is clear-cut: exact ties (lr = 0) or losses at least 1e-4 apart."""
    mejor = math.inf
    for v in perdida_val:
        if math.isfinite(mejor) and not tied and abs(v - mejor) <= 1e-4 * max(1.0, abs(mejor)):
            return False
        mejor = min(mejor, v)
    return True


def run_stopping(student, case, paciencia, call, call_en, progreso=False, capas=None):
    tamanos, pesos, X, y, X_val, y_val, opt, lr, tam_lote, epocas, semilla, _ = case
    out = student.corrector_entrenar_parada(capas or capas_densas(tamanos), pesos, X, y, X_val, y_val, opt, lr,
                                            tam_lote, epocas, semilla, paciencia, progreso)
    historial = out.get("historial") if isinstance(out, dict) else None
    claves = {"perdida", "exactitud", "perdida_val", "mejor_epoca"}
    if not isinstance(historial, dict) or not claves <= set(historial):
        fail(f"{call} debe devolver un diccionario con 'perdida', 'exactitud', 'perdida_val' y 'mejor_epoca'; "
             f"devolvió {show(historial)}.",
             f"{call_en} must return a dict with 'perdida', 'exactitud', 'perdida_val' and 'mejor_epoca'; it "
             f"returned {show(historial)}.")
    perdida = as_array(historial["perdida"], f"{call}: historial['perdida']")
    perdida_val = as_array(historial["perdida_val"], f"{call}: historial['perdida_val']")
    mejor_epoca = as_number(historial["mejor_epoca"], f"{call}: historial['mejor_epoca']", integer=True)
    finales = [as_array(p, f"{call}: pesos finales") for p in out["pesos"]]
    return perdida, perdida_val, int(mejor_epoca), finales, out.get("modos")


def expect_weights(finales, esperados, call, call_en, es_what, en_what):
    same = len(finales) == len(esperados) and all(a.shape == b.shape for a, b in zip(finales, esperados))
    expect(same, f"{call}: el modelo cambió de forma al entrenar.", f"{call_en}: the model changed shape.")
    flat = np.concatenate([p.ravel() for p in finales])
    ref = np.concatenate([p.ravel() for p in esperados])
    assert_close(flat, ref, rtol=1e-3, atol=1e-5,
                 es=f"{call}: los pesos finales no son {es_what}; la mayor diferencia es "
                    f"{np.max(np.abs(flat - ref)):.3g}.",
                 en=f"{call_en}: the final weights are not {en_what}; the largest difference is "
                    f"{np.max(np.abs(flat - ref)):.3g}.")


@check("entrenar_parada_torch")
@grader_settings(max_examples=14)
@given(case=stopping_cases())
def test_entrenar_parada_torch(student, case):
    paciencia = case[-1]
    want = oracle_stopping(case, paciencia)
    assume(robust_decisions(want["perdida_val"], case[7] == 0.0))
    call, call_en = describe_stopping(case, paciencia)
    perdida, perdida_val, mejor_epoca, finales, _ = run_stopping(student, case, paciencia, call, call_en)
    corridas = len(want["perdida_val"])
    expect(len(perdida) == corridas and len(perdida_val) == corridas,
           f"{call}: el historial tiene {len(perdida)} épocas en 'perdida' y {len(perdida_val)} en 'perdida_val'; "
           f"con las pérdidas de validación {show(want['perdida_val'])} el entrenamiento debía correr {corridas} "
           f"épocas: se detiene cuando pasan paciencia={paciencia} épocas seguidas sin una pérdida de validación "
           "estrictamente menor que la mejor hasta ese momento (contadas desde la última mejora).",
           f"{call_en}: the history has {len(perdida)} epochs in 'perdida' and {len(perdida_val)} in 'perdida_val'; "
           f"with the validation losses {show(want['perdida_val'])} training should have run {corridas} epochs: "
           f"it stops when paciencia={paciencia} consecutive epochs pass without a validation loss strictly lower "
           "than the best so far (counted from the last improvement).",
           "Lleva un contador que vuelve a 0 en cada mejora estricta (<) y detente cuando llega a paciencia.",
           "Keep a counter that goes back to 0 on each strict improvement (<) and stop when it reaches paciencia.")
    assert_close(perdida_val, want["perdida_val"], rtol=1e-4, atol=1e-5,
                 es=f"{call}: historial['perdida_val'] = {show(perdida_val)}; se esperaba {show(want['perdida_val'])}: "
                    "la entropía cruzada media en (X_val, y_val) al terminar cada época, en modo evaluación.",
                 en=f"{call_en}: historial['perdida_val'] = {show(perdida_val)}; expected {show(want['perdida_val'])}: "
                    "the mean cross-entropy on (X_val, y_val) at the end of each epoch, in evaluation mode.")
    assert_close(perdida, want["perdida"], rtol=1e-4, atol=1e-5,
                 es=f"{call}: historial['perdida'] = {show(perdida)}; se esperaba {show(want['perdida'])}.",
                 en=f"{call_en}: historial['perdida'] = {show(perdida)}; expected {show(want['perdida'])}.")
    expect(mejor_epoca == want["mejor_epoca"],
           f"{call}: mejor_epoca = {mejor_epoca}; se esperaba {want['mejor_epoca']} (la época, contada desde 0, con "
           "la menor pérdida de validación; en un empate gana la primera).",
           f"{call_en}: mejor_epoca = {mejor_epoca}; expected {want['mejor_epoca']} (the epoch, counted from 0, with "
           "the lowest validation loss; on a tie the first one wins).")
    expect_weights(finales, want["pesos"], call, call_en,
                   f"los de la mejor época ({want['mejor_epoca']}): con paciencia se restauran los pesos de la mejor "
                   "época al terminar, como restore_best_weights=True",
                   f"those of the best epoch ({want['mejor_epoca']}): with paciencia the best epoch's weights are "
                   "restored at the end, as restore_best_weights=True does")


@check("entrenar_parada_modo")
@grader_settings(max_examples=2)
@given(case=stopping_cases(ties=False))
def test_entrenar_parada_modo(student, case):
    paciencia = case[-1]
    tamanos = case[0]
    capas = capas_densas(tamanos, dropout=0.5)
    call, call_en = describe_stopping(case, paciencia)
    call, call_en = call.replace("modelo ", "modelo con Dropout(0.5) ", 1), call_en.replace("model ", "model with Dropout(0.5) ", 1)
    _, perdida_val, _, _, modos = run_stopping(student, case, paciencia, call, call_en, capas=capas)
    modos = [m for m in (modos if isinstance(modos, list) else []) if isinstance(m, (list, tuple)) and len(m) == 2]
    sin_grad = [bool(m[0]) for m in modos if not m[1]]
    con_grad = [bool(m[0]) for m in modos if m[1]]
    expect(len(sin_grad) >= len(perdida_val) > 0 and not any(sin_grad),
           f"{call}: de {len(sin_grad)} pasadas hacia adelante sin gradientes (la validación), {sum(sin_grad)} "
           "se hicieron con el modelo en modo entrenamiento (Dropout activo); la pérdida de validación se mide con "
           "modelo.eval() dentro de torch.no_grad().",
           f"{call_en}: of {len(sin_grad)} forward passes without gradients (validation), {sum(sin_grad)} ran with "
           "the model in training mode (Dropout active); the validation loss is measured with modelo.eval() inside "
           "torch.no_grad().",
           "Antes de medir validación: modelo.eval(); después: modelo.train().",
           "Before measuring validation: modelo.eval(); afterwards: modelo.train().")
    expect(len(con_grad) > 0 and all(con_grad),
           f"{call}: {len(con_grad) - sum(con_grad)} de {len(con_grad)} pasadas de entrenamiento se hicieron en modo "
           "evaluación; después de medir validación el modelo debe volver a modelo.train().",
           f"{call_en}: {len(con_grad) - sum(con_grad)} of {len(con_grad)} training passes ran in evaluation mode; "
           "after measuring validation the model must go back to modelo.train().")


@check("entrenar_sin_paciencia")
@grader_settings(max_examples=3)
@given(case=stopping_cases(ties=False))
def test_entrenar_sin_paciencia(student, case):
    want_stop = oracle_stopping(case, 1)
    assume(len(want_stop["perdida_val"]) < case[9])  # with patience it would stop early
    want = oracle_stopping(case, None)
    assume(robust_decisions(want["perdida_val"], False))
    call, call_en = describe_stopping(case, None)
    call, call_en = call + " y progreso=True", call_en + " and progreso=True"
    perdida, perdida_val, _, finales, _ = run_stopping(student, case, None, call, call_en, progreso=True)
    epocas = case[9]
    expect(len(perdida) == epocas and len(perdida_val) == epocas,
           f"{call}: el historial tiene {len(perdida)} épocas en 'perdida' y {len(perdida_val)} en 'perdida_val'; "
           f"sin paciencia (None) no hay parada temprana: se entrenan las {epocas} épocas y se mide la validación "
           "en cada una.",
           f"{call_en}: the history has {len(perdida)} epochs in 'perdida' and {len(perdida_val)} in 'perdida_val'; "
           f"without paciencia (None) there is no early stopping: all {epocas} epochs are trained and validation is "
           "measured in each one.")
    assert_close(perdida_val, want["perdida_val"], rtol=1e-4, atol=1e-5,
                 es=f"{call}: historial['perdida_val'] = {show(perdida_val)}; se esperaba {show(want['perdida_val'])}.",
                 en=f"{call_en}: historial['perdida_val'] = {show(perdida_val)}; expected {show(want['perdida_val'])}.")
    expect_weights(finales, want["ultimos"], call, call_en,
                   "los de la última época: sin paciencia no se restaura nada",
                   "those of the last epoch: without paciencia nothing is restored")
    tamanos, pesos, X, y = case[0], case[1], case[2], case[3]
    answer = student.corrector_paciencia_sin_validacion(capas_densas(tamanos), pesos, X, y)
    expect(answer == "ValueError",
           "entrenar(modelo, X, y, epocas=1, paciencia=2) sin X_val ni y_val terminó sin error; con paciencia y sin "
           "datos de validación debe lanzar ValueError (no hay con qué medir la mejora).",
           "entrenar(modelo, X, y, epocas=1, paciencia=2) without X_val or y_val ended without an error; with "
           "paciencia and no validation data it must raise ValueError (there is nothing to measure improvement on).",
           "Al comienzo: if paciencia is not None and (X_val is None or y_val is None): raise ValueError(...).",
           "At the start: if paciencia is not None and (X_val is None or y_val is None): raise ValueError(...).")


# ------------------------------------------------------------------ evaluar

@st.composite
def evaluation_cases(draw):
    d, h, k = draw(st.integers(2, 6)), draw(st.integers(2, 8)), draw(st.integers(2, 5))
    n = draw(st.integers(5, 60))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    X = rng.normal(0, 2, size=(n, d))
    y = rng.integers(0, k, size=n)
    pesos = init_weights(rng, [d, h, k])
    tam_lote = draw(st.sampled_from([1, 4, 7, 16, 32]))
    return [d, h, k], pesos, X, y, tam_lote


def cnn_evaluation_case(cin, lado, seed):
    """Twenty images shaped like a case's, channels first (A, B: (1, 28, 28); C: (3, 32, 32)), batches of 7."""
    rng = np.random.default_rng(seed)
    red, pesos = cnn_net(rng, cin, lado)
    return red, pesos, rng.normal(0, 1, size=(20, cin, lado, lado)), rng.integers(0, 3, size=20), 7


@single_threaded
def oracle_predictions(red, pesos, X):
    modelo = modelo_desde_capas(layers_of(red, dropout=0.5)[0], pesos).eval()
    with torch.no_grad():
        out = modelo(torch.as_tensor(X, dtype=torch.float32)).numpy()
    top = np.sort(out, axis=1)
    return out.argmax(axis=1), float(np.min(top[:, -1] - top[:, -2]))


def run_evaluation(student, case):
    red, pesos, X, y, tam_lote = case
    capas, arch, arch_en, k = layers_of(red, dropout=0.5)
    call = f"evaluar(modelo {arch}, X, y, n_clases={k}, tam_lote={tam_lote}) con {len(y)} ejemplos"
    call_en = f"evaluar(model {arch_en}, X, y, n_clases={k}, tam_lote={tam_lote}) with {len(y)} examples"
    out = student.corrector_evaluar(capas, pesos, X, y, k, tam_lote)
    res = out.get("resultado") if isinstance(out, dict) else None
    if not isinstance(res, dict) or not {"exactitud", "confusion", "precision", "recall", "f1"} <= set(res):
        fail(f"{call} debe devolver un diccionario con exactitud, confusion, precision, recall y f1; "
             f"devolvió {show(res)}.",
             f"{call_en} must return a dict with exactitud, confusion, precision, recall and f1; "
             f"it returned {show(res)}.")
    return call, call_en, res, out.get("modos")


@check("evaluar_sklearn")
@grader_settings(max_examples=10)
@example(case=cnn_evaluation_case(1, 28, 1))  # A and B's images, channels first
@example(case=cnn_evaluation_case(3, 32, 2))  # C's
@given(case=evaluation_cases())
def test_evaluar_sklearn(student, case):
    red, pesos, X, y, _ = case
    k = layers_of(red)[3]
    pred, margin = oracle_predictions(red, pesos, X)
    assume(margin > 1e-4)  # no near-ties: float32 rounding cannot change a prediction
    call, call_en, res, _ = run_evaluation(student, case)
    confusion = as_array(res["confusion"], "evaluar(...)['confusion']", shape=(k, k))
    want = confusion_matrix(y, pred, labels=list(range(k)))
    expect(bool(np.array_equal(confusion.sum(axis=1), np.bincount(y, minlength=k))),
           f"{call}: las filas de la matriz de confusión suman {show(confusion.sum(axis=1))}; cada fila i debe sumar "
           f"los {show(np.bincount(y, minlength=k))} ejemplos reales de la clase i.",
           f"{call_en}: the confusion matrix rows add up to {show(confusion.sum(axis=1))}; each row i must add up "
           f"to the {show(np.bincount(y, minlength=k))} true examples of class i.")
    assert_equal(confusion, want,
                 es=f"{call}: la matriz de confusión es {show(confusion)}; sklearn.metrics.confusion_matrix da "
                    f"{show(want)} con las predicciones del modelo en modo evaluación.",
                 en=f"{call_en}: the confusion matrix is {show(confusion)}; sklearn.metrics.confusion_matrix gives "
                    f"{show(want)} with the model's predictions in evaluation mode.")
    exactitud = as_number(res["exactitud"], "evaluar(...)['exactitud']")
    acc = float(np.mean(pred == y))
    assert_close(exactitud, acc, rtol=1e-9, atol=1e-12,
                 es=f"{call}: exactitud = {exactitud:.4f}; se esperaba {acc:.4f}, aciertos sobre todos los ejemplos.",
                 en=f"{call_en}: exactitud = {exactitud:.4f}; expected {acc:.4f}, correct over all examples.")
    p, r, f, _ = precision_recall_fscore_support(y, pred, labels=list(range(k)), zero_division=0)
    for key, expected in [("precision", p), ("recall", r), ("f1", f)]:
        got = as_array(res[key], f"evaluar(...)['{key}']", shape=(k,))
        assert_close(got, expected, rtol=1e-7, atol=1e-9,
                     es=f"{call}: {key} = {show(got)}; sklearn.metrics da {show(expected)} (0 cuando el "
                        "denominador es 0).",
                     en=f"{call_en}: {key} = {show(got)}; sklearn.metrics gives {show(expected)} (0 when the "
                        "denominator is 0).")


@check("evaluar_modo")
@grader_settings(max_examples=2)
@given(case=evaluation_cases())
def test_evaluar_modo(student, case):
    call, call_en, _, modos = run_evaluation(student, case)
    modos = [m for m in (modos if isinstance(modos, list) else []) if isinstance(m, (list, tuple)) and len(m) == 2]
    bad = [m for m in modos if m[0] or m[1]]
    expect(len(modos) > 0 and not bad,
           f"{call} recibió el modelo en modo entrenamiento; en {len(bad)} de {len(modos)} pasadas hacia adelante el "
           "modelo seguía en modo entrenamiento o calculaba gradientes.",
           f"{call_en} received the model in training mode; in {len(bad)} of {len(modos)} forward passes the model "
           "was still in training mode or computing gradients.",
           "Llama a modelo.eval() y evalúa dentro de with torch.no_grad():.",
           "Call modelo.eval() and evaluate inside with torch.no_grad():.")


# ------------------------------------------------------------------ informe_clasificacion

@st.composite
def label_pairs(draw):
    """(y, pred, k): random labels; some classes may be missing from y, from pred or from both."""
    k = draw(st.integers(2, 6))
    n = draw(st.integers(1, 40))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    clases_y = rng.choice(k, size=draw(st.integers(1, k)), replace=False)
    clases_p = rng.choice(k, size=draw(st.integers(1, k)), replace=False)
    y = rng.choice(clases_y, size=n).astype(np.int64)
    pred = np.where(rng.random(n) < 0.5, y, rng.choice(clases_p, size=n)).astype(np.int64)
    return y, pred, k


def sklearn_report(y, pred, k):
    rep = classification_report(y, pred, labels=list(range(k)), output_dict=True, zero_division=0)
    out = {str(c): rep[str(c)] for c in range(k)}
    out["accuracy"] = float(accuracy_score(y, pred))  # sklearn says "micro avg" when a label is absent
    out["macro avg"], out["weighted avg"] = rep["macro avg"], rep["weighted avg"]
    return out


@check("informe_sklearn")
@grader_settings(max_examples=25)
@given(case=label_pairs())
def test_informe_sklearn(student, case):
    y, pred, k = case
    call = f"informe_clasificacion(y={show(y)}, pred={show(pred)}, n_clases={k})"
    got = student.corrector_informe(y, pred, k)
    want = sklearn_report(y, pred, k)
    if not isinstance(got, dict) or set(got) != set(want):
        fail(f"{call} debe devolver un diccionario con las claves {sorted(want)}; devolvió "
             f"{show(sorted(got) if isinstance(got, dict) else got)}.",
             f"{call} must return a dict with the keys {sorted(want)}; it returned "
             f"{show(sorted(got) if isinstance(got, dict) else got)}.")
    acc = as_number(got["accuracy"], f"{call}['accuracy']")
    assert_close(acc, want["accuracy"], rtol=0, atol=1e-9,
                 es=f"{call}: accuracy = {acc:.6g}; se esperaba {want['accuracy']:.6g}.",
                 en=f"{call}: accuracy = {acc:.6g}; expected {want['accuracy']:.6g}.")
    for fila in [str(c) for c in range(k)] + ["macro avg", "weighted avg"]:
        entrada = got[fila]
        if not isinstance(entrada, dict) or set(entrada) != {"precision", "recall", "f1-score", "support"}:
            fail(f"{call}: ['{fila}'] debe ser un diccionario con precision, recall, f1-score y support; es "
                 f"{show(entrada)}.",
                 f"{call}: ['{fila}'] must be a dict with precision, recall, f1-score and support; it is "
                 f"{show(entrada)}.")
        for metrica in ("precision", "recall", "f1-score", "support"):
            v = as_number(entrada[metrica], f"{call}['{fila}']['{metrica}']")
            w = float(want[fila][metrica])
            assert_close(v, w, rtol=0, atol=1e-9,
                         es=f"{call}: ['{fila}']['{metrica}'] = {v:.6g}; sklearn.metrics.classification_report da "
                            f"{w:.6g} (support es la cantidad de ejemplos reales de la clase; 'weighted avg' pondera "
                            "cada clase por su support; 0 cuando el denominador es 0).",
                         en=f"{call}: ['{fila}']['{metrica}'] = {v:.6g}; sklearn.metrics.classification_report gives "
                            f"{w:.6g} (support is the number of true examples of the class; 'weighted avg' weights "
                            "each class by its support; 0 when the denominator is 0).")


# ------------------------------------------------------------------ seleccion

@st.composite
def selection_cases(draw):
    """Learnable blobs: (tamanos, pesos, X_ent, y_ent, X_pru, y_pru, tasas, frac_val, semilla, epocas, tam_lote).

    Overlapping groups, one epoch of small rates and 300 test examples: the models are still learning, so a final
    model trained on all of X_ent (the rule) and one trained on the selection subset alone (a frequent mistake)
    differ on test by several examples, far beyond the one-example tolerance.
    """
    d, h, k = draw(st.integers(2, 5)), draw(st.integers(4, 8)), draw(st.integers(2, 3))
    n_ent, n_pru = draw(st.integers(60, 100)), 300
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    centros = rng.normal(0, 1.5, size=(k, d))
    y_ent = np.concatenate([np.arange(k), rng.integers(0, k, size=n_ent - k)]).astype(np.int64)
    y_pru = rng.integers(0, k, size=n_pru).astype(np.int64)
    X_ent = centros[y_ent] + rng.normal(0, 1, size=(n_ent, d))
    X_pru = centros[y_pru] + rng.normal(0, 1, size=(n_pru, d))
    tasas = draw(st.lists(st.sampled_from([0.003, 0.01, 0.03]), min_size=2, max_size=3, unique=True))
    frac_val = draw(st.sampled_from([0.25, 0.3]))
    return ([d, h, k], init_weights(rng, [d, h, k]), X_ent, y_ent, X_pru, y_pru, tasas, frac_val,
            draw(st.integers(0, 10_000)), 1, 8)


def describe_selection(case):
    tamanos, _, X_ent, _, X_pru, _, tasas, frac_val, semilla, epocas, tam_lote = case
    arch = " → ".join(map(str, tamanos))
    args = f"tasas={tasas}, frac_val={frac_val}, semilla={semilla}, epocas={epocas}, tam_lote={tam_lote}"
    return (f"seleccionar(crear_modelo (red {arch}), X_ent, y_ent, X_pru, y_pru, {args}) con {len(X_ent)} ejemplos "
            f"de entrenamiento y {len(X_pru)} de prueba",
            f"seleccionar(crear_modelo (network {arch}), X_ent, y_ent, X_pru, y_pru, {args}) with {len(X_ent)} "
            f"training and {len(X_pru)} test examples")


def run_selection(student, case, call, call_en):
    tamanos, pesos, X_ent, y_ent, X_pru, y_pru, tasas, frac_val, semilla, epocas, tam_lote = case
    res = student.corrector_seleccionar(capas_densas(tamanos), pesos, X_ent, y_ent, X_pru, y_pru, tasas, frac_val,
                                        semilla, epocas, tam_lote)
    if not isinstance(res, dict) or not {"elegida", "validacion", "prueba"} <= set(res):
        fail(f"{call} debe devolver un diccionario con 'elegida', 'validacion' y 'prueba'; devolvió {show(res)}.",
             f"{call_en} must return a dict with 'elegida', 'validacion' and 'prueba'; it returned {show(res)}.")
    elegida = as_number(res["elegida"], f"{call}: ['elegida']")
    validacion = as_array(res["validacion"], f"{call}: ['validacion']", shape=(len(tasas),))
    prueba = as_number(res["prueba"], f"{call}: ['prueba']")
    mejor = tasas[int(np.argmax(validacion))]
    expect(abs(elegida - mejor) <= 1e-12 * max(1.0, abs(mejor)),
           f"{call}: elegida = {elegida:g}, pero la mejor exactitud de validación ({show(validacion)}) es la de la "
           f"tasa {mejor:g}; se elige la primera tasa con la mayor exactitud de validación.",
           f"{call_en}: elegida = {elegida:g}, but the best validation accuracy ({show(validacion)}) is that of the "
           f"rate {mejor:g}; the first rate with the highest validation accuracy is chosen.")
    return elegida, validacion, prueba


@single_threaded
def oracle_accuracy(reference, tamanos, pesos, X_train, y_train, X_eval, y_eval, lr, semilla, epocas, tam_lote, k):
    modelo = modelo_desde_capas(capas_densas(tamanos), pesos)
    reference.entrenar(modelo, X_train, y_train, optimizador="adam", lr=lr, tam_lote=tam_lote, epocas=epocas,
                       semilla=semilla)
    return reference.evaluar(modelo, X_eval, y_eval, k)["exactitud"]


@single_threaded
def initial_predictions(tamanos, pesos, X):
    modelo = modelo_desde_capas(capas_densas(tamanos), pesos).eval()
    with torch.no_grad():
        return modelo(torch.as_tensor(X, dtype=torch.float32)).argmax(dim=1).numpy().astype(np.int64)


@st.composite
def separated_cases(draw):
    """Three well-separated groups, so a trained model clearly beats the untrained one."""
    d, h = draw(st.integers(3, 5)), draw(st.integers(6, 8))
    n_ent, n_pru = draw(st.integers(60, 100)), draw(st.integers(30, 45))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    centros = 4.0 * np.eye(3, d)
    y_ent = np.concatenate([np.arange(3), rng.integers(0, 3, size=n_ent - 3)]).astype(np.int64)
    y_pru = rng.integers(0, 3, size=n_pru).astype(np.int64)
    X_ent = centros[y_ent] + rng.normal(0, 1, size=(n_ent, d))
    X_pru = centros[y_pru] + rng.normal(0, 1, size=(n_pru, d))
    return ([d, h, 3], init_weights(rng, [d, h, 3]), X_ent, y_ent, X_pru, y_pru, [1e-7, 0.1],
            draw(st.sampled_from([0.2, 0.25, 0.3])), draw(st.integers(0, 10_000)), 5, draw(st.sampled_from([8, 16])))


@check("seleccion_sin_prueba")
@grader_settings(max_examples=4)
@given(case=separated_cases())
def test_seleccion_sin_prueba(student, reference, case):
    """Two test sets for the same training data: the choice and the validation scores must not move.

    Candidates: a rate too small to learn anything (the model stays at its initial weights) and a good one. With
    the true test labels the good rate wins on test; with the initial model's own predictions as test labels the
    tiny rate wins on test. Only a choice that never looks at the test set stays the same.
    """
    tamanos, pesos, X_ent, y_ent, X_pru, y_pru, tasas, frac_val, semilla, epocas, tam_lote = case
    X_sub, X_val, y_sub, y_val = parts(student.dividir(X_ent, y_ent, frac_val, semilla), len(y_ent),
                                       "dividir(X_ent, y_ent, frac_val, semilla)", "dividir(X_ent, y_ent, frac_val, semilla)")
    want = [oracle_accuracy(reference, tamanos, pesos, X_sub, y_sub.astype(np.int64), X_val, y_val.astype(np.int64),
                            lr, semilla, epocas, tam_lote, 3) for lr in tasas]
    assume(want[1] >= want[0] + 0.25)  # the good rate clearly wins on validation
    call, call_en = describe_selection(case)
    elegida, validacion, _ = run_selection(student, case, call, call_en)
    expect(abs(elegida - 0.1) < 1e-12,
           f"{call}: elegida = {elegida:g} con exactitudes de validación {show(validacion)}; con tasa 1e-07 el modelo "
           "casi no cambia y con 0.1 aprende estos tres grupos bien separados, así que se esperaba elegir 0.1.",
           f"{call_en}: elegida = {elegida:g} with validation accuracies {show(validacion)}; with rate 1e-07 the "
           "model barely changes and with 0.1 it learns these three well-separated groups, so 0.1 should be chosen.")
    otro = initial_predictions(tamanos, pesos, X_pru)  # the untrained model is right on every one of these
    cambiado = (tamanos, pesos, X_ent, y_ent, X_pru, otro, tasas, frac_val, semilla, epocas, tam_lote)
    elegida2, validacion2, _ = run_selection(student, cambiado, call, call_en)
    expect(abs(elegida2 - elegida) < 1e-12 and bool(np.allclose(validacion2, validacion, rtol=0, atol=1e-12)),
           f"{call}: con las mismas X_ent e y_ent pero otras etiquetas de prueba (y_pru), elegida pasó de {elegida:g} "
           f"a {elegida2:g} y validacion de {show(validacion)} a {show(validacion2)}; la elección no puede depender "
           "del conjunto de prueba: la validación se separa desde el entrenamiento.",
           f"{call_en}: with the same X_ent and y_ent but other test labels (y_pru), elegida went from {elegida:g} "
           f"to {elegida2:g} and validacion from {show(validacion)} to {show(validacion2)}; the choice cannot depend "
           "on the test set: validation is carved from the training data.",
           "Usa dividir(X_ent, y_ent, frac_val, semilla) para la validación; X_pru e y_pru solo al final, una vez.",
           "Use dividir(X_ent, y_ent, frac_val, semilla) for validation; X_pru and y_pru only at the end, once.")


@check("seleccion_validacion")
@grader_settings(max_examples=4)
@given(case=selection_cases())
def test_seleccion_validacion(student, reference, case):
    tamanos, pesos, X_ent, y_ent, X_pru, y_pru, tasas, frac_val, semilla, epocas, tam_lote = case
    call, call_en = describe_selection(case)
    elegida, validacion, prueba = run_selection(student, case, call, call_en)
    split = student.dividir(X_ent, y_ent, frac_val, semilla)  # the student's own split defines validation
    X_sub, X_val, y_sub, y_val = parts(split, len(y_ent), f"dividir(X_ent, y_ent, {frac_val}, {semilla})",
                                       f"dividir(X_ent, y_ent, {frac_val}, {semilla})")
    k = tamanos[-1]
    y_sub, y_val = y_sub.astype(np.int64), y_val.astype(np.int64)
    want = np.array([oracle_accuracy(reference, tamanos, pesos, X_sub, y_sub, X_val, y_val, lr, semilla, epocas,
                                     tam_lote, k) for lr in tasas])
    one_val = 1.0 / max(len(y_val), 1) + 1e-9
    expect(bool(np.all(np.abs(validacion - want) <= one_val)),
           f"{call}: validacion = {show(validacion)}; se esperaba {show(want)} (a lo más un ejemplo de diferencia): "
           "para cada tasa, un modelo nuevo de crear_modelo() entrenado con Adam en la parte de entrenamiento de "
           "dividir(X_ent, y_ent, frac_val, semilla) y evaluado en su parte de validación.",
           f"{call_en}: validacion = {show(validacion)}; expected {show(want)} (at most one example off): for each "
           "rate, a new model from crear_modelo() trained with Adam on the training part of "
           "dividir(X_ent, y_ent, frac_val, semilla) and evaluated on its validation part.")
    final = oracle_accuracy(reference, tamanos, pesos, X_ent, y_ent, X_pru, y_pru, elegida, semilla, epocas,
                            tam_lote, k)
    expect(abs(prueba - final) <= 1.0 / len(y_pru) + 1e-9,
           f"{call}: prueba = {prueba:.4f}; se esperaba {final:.4f} (a lo más un ejemplo de diferencia): un modelo "
           f"nuevo entrenado con la tasa elegida ({elegida:g}) en todo X_ent y evaluado una vez en X_pru.",
           f"{call_en}: prueba = {prueba:.4f}; expected {final:.4f} (at most one example off): a new model trained "
           f"with the chosen rate ({elegida:g}) on all of X_ent and evaluated once on X_pru.")


# ------------------------------------------------------------------ final: accuracy tiers on held-out digits
# The worker sends only the final model's description (corrector_final(): layers and recipe); the model is built,
# trained and measured here, so the held-out images never enter the sandbox and nothing of the student's process
# (a forward of their own, weights fitted beforehand) takes part in the tiers (dlgrader.grading.layer_models).

SEMILLA_OCULTA = 2026  # which 20 % of the digits the broker keeps; the student never receives them
FRAC_OCULTA = 0.2
SEMILLA_MODELO = 0  # torch.manual_seed before building, and the batch order's generator, as the notebook states
PRESUPUESTO_S = 30.0  # CPU seconds of training on one thread, as stated in the notebook
MAX_EPOCAS = 30
NIVELES = (0.90, 0.95, 0.97)


def held_out_digits():
    """(X_ent, y_ent, X_oculto, y_oculto) as (N, 1, 8, 8) pixel/16 images: a fixed stratified 20 % is held out."""
    from sklearn.datasets import load_digits

    data = load_digits()
    X, y = (data.data / 16.0).reshape(-1, 1, 8, 8), data.target.astype(np.int64)
    rng = np.random.default_rng(SEMILLA_OCULTA)
    oculto = np.zeros(len(y), dtype=bool)
    for c in np.unique(y):
        idx = rng.permutation(np.flatnonzero(y == c))
        oculto[idx[:int(round(FRAC_OCULTA * len(idx)))]] = True
    return X[~oculto], y[~oculto], X[oculto], y[oculto]


@single_threaded
def broker_training(plan, receta) -> dict:
    """Train the described model here, one epoch at a time; keep the best held-out accuracy, stop at the budget."""
    X_ent, y_ent, X_oc, y_oc = held_out_digits()
    training = Training(build(plan, SEMILLA_MODELO), receta, X_ent, y_ent, SEMILLA_MODELO)
    run = {"mejor": 0.0, "epocas": 0}
    while run["epocas"] < MAX_EPOCAS and run["mejor"] < NIVELES[-1] and training.epoch(PRESUPUESTO_S):
        run["epocas"] += 1
        run["mejor"] = max(run["mejor"], float(np.mean(training.predict(X_oc) == y_oc)))
    run["segundos"] = training.seconds
    return run


def train_final(student) -> dict:
    run = {"mejor": 0.0, "epocas": 0, "segundos": 0.0, "problema": None, "pista": None}
    try:
        plan, receta = check_final(student.corrector_final(), (1, 8, 8), 10)
    except (CheckFailed, SubmissionFault, FatalFault) as exc:  # no model to train: no tier
        run["problema"], run["pista"] = exc.text, getattr(exc, "hint", None)
        return run
    return run | broker_training(plan, receta)


@pytest.fixture(scope="session")
def final_runs() -> dict:
    """Where the one training per graded program is kept: a grading run ends with every fixture torn down."""
    return {}


def final_run(student, final_runs) -> dict:
    if "run" not in final_runs:
        final_runs["run"] = train_final(student)
    return final_runs["run"]


def expect_tier(run, nivel):
    pct = f"{100 * nivel:.0f} %"
    if run["problema"] is not None:
        pista = run["pista"]
        fail(f"El corrector no pudo armar modelo_final() para medir el nivel de {pct}: {run['problema'].es}",
             f"The grader could not build modelo_final() to measure the {pct} tier: {run['problema'].en}",
             pista.es if pista else None, pista.en if pista else None)
    mejor = f"{100 * run['mejor']:.1f} %"
    expect(run["mejor"] >= nivel,
           f"modelo_final(), armado y entrenado por el corrector con receta_final() en los dígitos de entrenamiento, "
           f"llegó a una exactitud máxima de {mejor} en los dígitos reservados tras {run['epocas']} épocas "
           f"({run['segundos']:.1f} s de CPU); este nivel pide al menos {pct} dentro de {PRESUPUESTO_S:.0f} s de CPU "
           f"y {MAX_EPOCAS} épocas.",
           f"modelo_final(), built and trained by the grader with receta_final() on the training digits, reached a "
           f"best accuracy of {mejor} on the held-out digits after {run['epocas']} epochs ({run['segundos']:.1f} CPU "
           f"seconds); this tier asks for at least {pct} within {PRESUPUESTO_S:.0f} CPU seconds and {MAX_EPOCAS} "
           "epochs.",
           "Prueba tu modelo con la celda de demostración del modelo final: una CNN pequeña basta.",
           "Try your model with the final model's demonstration cell: a small CNN is enough.")


@check("final_90")
def test_final_90(student, final_runs):
    expect_tier(final_run(student, final_runs), NIVELES[0])


@check("final_95")
def test_final_95(student, final_runs):
    expect_tier(final_run(student, final_runs), NIVELES[1])


@check("final_97")
def test_final_97(student, final_runs):
    expect_tier(final_run(student, final_runs), NIVELES[2])
