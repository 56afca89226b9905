"""Hidden checks of assignment 06 (convolution and pooling): PyTorch as the oracle, plus properties.

Inputs are multiples of 1/8 in [-2, 2] (drawn from a seed, for speed), so every sum and product is exact in float64: any correct
implementation (loops, im2col, stride tricks), whatever its order of operations, agrees with PyTorch
to rounding. Shapes stay small (N <= 2, C <= 3, H, W <= 9, F <= 3) so clear Python loops fit the time
limit; heights and widths are drawn independently, so swapping them shows. The notebook promises float64
"aunque la entrada sea de enteros": the *_enteros checks pass int64 and uint8 inputs and check the dtype. Value
checks also look at the arguments after the call ("no modifica sus argumentos").
"""


import numpy as np
import torch
import torch.nn.functional as F
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from dlgrader.grading import as_array, as_number, check, expect, fail, grader_settings, show, single_threaded

# ------------------------------------------------------------------ strategies

GRID = st.integers(-16, 16).map(lambda k: k / 8)
NONZERO = st.integers(1, 16).flatmap(lambda k: st.sampled_from([k / 8, -k / 8]))


@st.composite
def grid(draw, shape):
    """An array of multiples of 1/8 in [-2, 2]; drawn from a seed (fast), so shapes shrink but values do not."""
    seed = draw(st.integers(0, 2**32 - 1))
    return np.random.default_rng(seed).integers(-16, 17, size=shape).astype(np.float64) / 8


@st.composite
def int_grid(draw, shape):
    """An integer array: int64 in [-16, 16] or uint8 pixels in [0, 255], drawn from a seed."""
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    if draw(st.booleans()):
        return rng.integers(0, 256, size=shape).astype(np.uint8)
    return rng.integers(-16, 17, size=shape).astype(np.int64)


@st.composite
def conv_cases(draw, strides=(1, 1), paddings=(0, 0), channels=(1, 3), batch=(1, 2), bias=True):
    """(x, w, b, stride, padding) with x (N, C, H, W), w (F, C, kh, kw), b (F,); H and W drawn independently."""
    s = draw(st.integers(*strides))
    p = draw(st.integers(*paddings))
    n, c, f = draw(st.integers(*batch)), draw(st.integers(*channels)), draw(st.integers(1, 3))
    kh, kw = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    h = draw(st.integers(max(1, kh - 2 * p), 9))
    w_ = draw(st.integers(max(1, kw - 2 * p), 9))
    x = draw(grid((n, c, h, w_)))
    w = draw(grid((f, c, kh, kw)))
    b = draw(arrays(np.float64, f, elements=NONZERO)) if bias else np.zeros(f)
    return x, w, b, s, p


@st.composite
def pool_cases(draw, default_stride=False, min_window=1, integers=False):
    """(x, k, stride): k an int or a (kh, kw) tuple, stride likewise (None when default_stride).

    Without a stride the window is non-square half of the time, with room for two windows along each axis, so
    a default stride of (kh, kh) instead of (kh, kw) changes the output.
    """
    n, c = draw(st.integers(1, 2)), draw(st.integers(1, 3))
    kh, kw = draw(st.integers(min_window, 4)), draw(st.integers(min_window, 4))
    square = draw(st.booleans())
    if square:
        kw = kh
    elif default_stride and kh == kw:
        kw = kh + 1
    low_h, low_w = (2 * kh, 2 * kw) if default_stride else (kh, kw)
    h, w = draw(st.integers(low_h, max(low_h, 9))), draw(st.integers(low_w, max(low_w, 9)))
    x = draw(int_grid((n, c, h, w)) if integers else grid((n, c, h, w)))
    k = kh if kh == kw and draw(st.booleans()) else (kh, kw)
    if default_stride:
        return x, k, None
    sh, sw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    stride = sh if sh == sw and draw(st.booleans()) else (sh, sw)
    return x, k, stride


def pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


# ------------------------------------------------------------------ oracles and feedback



def t(a: np.ndarray) -> torch.Tensor:
    return torch.from_numpy(np.ascontiguousarray(a, dtype=np.float64))


@single_threaded
def torch_conv(x, w, b, s=1, p=0) -> np.ndarray:
    return F.conv2d(t(x), t(w), t(b), stride=s, padding=p).numpy()


@single_threaded
def torch_pool(kind: str, x, k, stride) -> np.ndarray:
    stride = pair(k) if stride is None else pair(stride)
    if kind == "max_pool2d":
        return F.max_pool2d(t(x), pair(k), stride).numpy()
    if kind == "min_pool2d":
        return -F.max_pool2d(-t(x), pair(k), stride).numpy()
    return F.avg_pool2d(t(x), pair(k), stride).numpy()


def conv_text(x, w, b, s, p) -> tuple[str, str]:
    shapes = f"x de forma {x.shape}, w de forma {w.shape}, b = {show(b)}, stride={s}, padding={p}"
    shapes_en = f"x of shape {x.shape}, w of shape {w.shape}, b = {show(b)}, stride={s}, padding={p}"
    return (f"conv2d(x, w, b, stride={s}, padding={p}) con {shapes}",
            f"conv2d(x, w, b, stride={s}, padding={p}) with {shapes_en}")


def same_array(got, expected: np.ndarray, call_es: str, call_en: str, what_es: str, what_en: str,
               hint_es: str | None = None, hint_en: str | None = None, atol: float = 1e-9) -> np.ndarray:
    """The returned array must have the expected shape and values; the feedback names the first wrong position."""
    short = call_es.split(" con ")[0]
    arr = as_array(got, short)
    if arr.shape != expected.shape:
        fail(f"{call_es} devolvió forma {arr.shape}; se esperaba {expected.shape} ({what_es}).",
             f"{call_en} returned shape {arr.shape}; expected {expected.shape} ({what_en}).", hint_es, hint_en)
    wrong = ~np.isclose(arr, expected, rtol=1e-9, atol=atol)
    if wrong.any():
        where = tuple(int(i) for i in np.argwhere(wrong)[0])
        fail(f"{call_es} devolvió {arr[where]:g} en la posición {where}; se esperaba {expected[where]:g} ({what_es}). "
             f"En total {int(wrong.sum())} de {wrong.size} valores no coinciden.",
             f"{call_en} returned {arr[where]:g} at position {where}; expected {expected[where]:g} ({what_en}). "
             f"In all, {int(wrong.sum())} of {wrong.size} values differ.", hint_es, hint_en)
    return arr


def expect_float64(got, call_es: str, call_en: str, input_es: str | None = None, input_en: str | None = None) -> None:
    """The stated dtype: float64, even for integer inputs (a result in the input's dtype truncates or wraps)."""
    dtype = got.dtype if isinstance(got, np.ndarray) else type(got).__name__
    why_es = f" aunque {input_es} sea de enteros" if input_es else ""
    why_en = f" even though {input_en} holds integers" if input_en else ""
    expect(isinstance(got, np.ndarray) and got.dtype == np.float64,
           f"{call_es} devolvió dtype {dtype}; se esperaba float64{why_es}.",
           f"{call_en} returned dtype {dtype}; float64 was expected{why_en}.",
           "Crea la salida en reales (np.zeros(forma) ya es float64) o convierte la entrada con "
           "np.asarray(x, dtype=np.float64); no copies el dtype de la entrada (np.zeros_like, dtype=x.dtype).",
           "Create the output as floats (np.zeros(shape) already is float64) or convert the input with "
           "np.asarray(x, dtype=np.float64); do not copy the input's dtype (np.zeros_like, dtype=x.dtype).")


def expect_unchanged(args_after, originals: dict, call_es: str, call_en: str) -> None:
    """The arguments as the worker saw them after the call must be the ones sent ("no modifica sus argumentos")."""
    for (name, before), after in zip(originals.items(), args_after):
        if isinstance(before, dict):
            same = isinstance(after, dict) and set(after) == set(before) and all(
                np.shape(after[k]) == before[k].shape and np.array_equal(after[k], before[k]) for k in before)
        else:
            same = np.shape(after) == before.shape and bool(np.array_equal(after, before))
        expect(same,
               f"{call_es} modificó su argumento {name} (su forma o sus valores cambiaron después de la llamada).",
               f"{call_en} modified its argument {name} (its shape or values changed after the call).",
               "Trabaja sobre arreglos nuevos: nada de asignar x.shape, escribir en x[...] ni cambiar las claves de "
               "params; x.reshape(...) y x = x + ... crean arreglos nuevos.",
               "Work on new arrays: no assigning x.shape, writing into x[...] or changing the keys of params; "
               "x.reshape(...) and x = x + ... create new arrays.")


def not_trivial(arr: np.ndarray, expected: np.ndarray, call_es: str, call_en: str) -> None:
    """Gate for property checks: a function that returns zeros cannot pass them."""
    if np.any(expected != 0):
        expect(bool(np.any(arr != 0)),
               f"{call_es} devolvió solo ceros, y con estos datos la convolución no es cero.",
               f"{call_en} returned only zeros, and with these data the convolution is not zero.")


FLIP_HINT_ES = ("Es correlación cruzada: salida[i, j] = suma de x[i*s + u, j*s + v] * w[u, v], sin voltear el kernel. "
                "Recorre las filas con el alto y las columnas con el ancho.")
FLIP_HINT_EN = ("It is cross-correlation: out[i, j] = sum of x[i*s + u, j*s + v] * w[u, v], without flipping the "
                "kernel. Walk the rows with the height and the columns with the width.")


# ------------------------------------------------------------------ imagenes

def image_arrays(draw, shape):
    if draw(st.booleans()):
        seed = draw(st.integers(0, 2**32 - 1))
        return np.random.default_rng(seed).integers(0, 256, size=shape).astype(np.uint8)
    return draw(grid(shape))


@st.composite
def channels_last(draw, batch=False):
    c = draw(st.sampled_from([1, 3, 4]))
    h, w = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    shape = ((draw(st.integers(2, 3)),) if batch else ()) + (h, w, c)
    return image_arrays(draw, shape)


def same_image(got, expected: np.ndarray, call_es: str, call_en: str, what_es: str, what_en: str) -> None:
    if not isinstance(got, np.ndarray):
        fail(f"{call_es} debe devolver un arreglo de NumPy; devolvió {type(got).__name__}.",
             f"{call_en} must return a NumPy array; it returned {type(got).__name__}.")
    expect(got.shape == expected.shape,
           f"{call_es} devolvió forma {got.shape}; se esperaba {expected.shape} ({what_es}).",
           f"{call_en} returned shape {got.shape}; expected {expected.shape} ({what_en}).")
    expect(got.dtype == expected.dtype,
           f"{call_es} devolvió dtype {got.dtype}; se esperaba {expected.dtype}, el de la entrada.",
           f"{call_en} returned dtype {got.dtype}; expected {expected.dtype}, the input's.")
    expect(bool(np.array_equal(got, expected)),
           f"{call_es} tiene la forma correcta pero los píxeles quedaron en otro lugar ({what_es}).",
           f"{call_en} has the right shape but the pixels ended up elsewhere ({what_en}).",
           "Mueve el eje con np.transpose o np.moveaxis; reshape conserva el orden de los números y mezcla los píxeles.",
           "Move the axis with np.transpose or np.moveaxis; reshape keeps the numbers' order and mixes the pixels.")


@check("canales_primero")
@grader_settings(max_examples=30)
@given(img=channels_last())
def test_canales_primero(student, img):
    expected = torch.from_numpy(img).permute(2, 0, 1).numpy()
    same_image(student.a_canales_primero(img), expected,
               f"a_canales_primero(img) con img de forma {img.shape} (alto, ancho, canales)",
               f"a_canales_primero(img) with img of shape {img.shape} (height, width, channels)",
               "salida[c, i, j] = img[i, j, c]", "out[c, i, j] = img[i, j, c]")
    gray = np.ascontiguousarray(img[:, :, 0])
    got, args, _ = student.a_canales_primero.with_inputs(gray)
    expect_unchanged(args, {"imagenes": gray}, f"a_canales_primero(grises) con grises de forma {gray.shape}",
                     f"a_canales_primero(gray) with gray of shape {gray.shape}")
    same_image(got, gray[np.newaxis],
               f"a_canales_primero(grises) con una imagen en grises de forma {gray.shape}",
               f"a_canales_primero(gray) with a grayscale image of shape {gray.shape}",
               "la misma imagen con un eje de un canal delante", "the same image with a one-channel axis in front")


@check("canales_ultimo")
@grader_settings(max_examples=30)
@given(img=channels_last())
def test_canales_ultimo(student, img):
    first = np.ascontiguousarray(np.moveaxis(img, -1, 0))
    same_image(student.a_canales_ultimo(first), img,
               f"a_canales_ultimo(img) con img de forma {first.shape} (canales, alto, ancho)",
               f"a_canales_ultimo(img) with img of shape {first.shape} (channels, height, width)",
               "salida[i, j, c] = img[c, i, j]", "out[i, j, c] = img[c, i, j]")


@check("canales_lote")
@grader_settings(max_examples=30)
@given(batch=channels_last(batch=True))
def test_canales_lote(student, batch):
    expected = torch.from_numpy(batch).permute(0, 3, 1, 2).numpy()
    same_image(student.a_canales_primero(batch), expected,
               f"a_canales_primero(lote) con un lote de forma {batch.shape} (N, H, W, C)",
               f"a_canales_primero(batch) with a batch of shape {batch.shape} (N, H, W, C)",
               "forma (N, C, H, W): el eje de ejemplos sigue primero", "shape (N, C, H, W): the example axis stays first")
    same_image(student.a_canales_ultimo(np.ascontiguousarray(expected)), batch,
               f"a_canales_ultimo(lote) con un lote de forma {expected.shape} (N, C, H, W)",
               f"a_canales_ultimo(batch) with a batch of shape {expected.shape} (N, C, H, W)",
               "forma (N, H, W, C): el eje de ejemplos sigue primero", "shape (N, H, W, C): the example axis stays first")


# ------------------------------------------------------------------ tamano_salida

@check("tamano_formula")
@grader_settings(max_examples=60)
@given(data=st.data())
def test_tamano_formula(student, data):
    p = data.draw(st.integers(0, 3))
    n = data.draw(st.integers(1, 40))
    k = data.draw(st.integers(1, n + 2 * p))
    s = data.draw(st.integers(1, 5))
    expected = torch_conv(np.zeros((1, 1, n, 1)), np.zeros((1, 1, k, 1)), np.zeros(1), (s, 1), (p, 0)).shape[2]
    call = f"tamano_salida({n}, {k}, stride={s}, padding={p})"
    raw = student.tamano_salida(n, k, stride=s, padding=p)
    value = as_number(raw, call, integer=True)
    expect(type(raw) is int,
           f"{call} devolvió {raw!r}, un {type(raw).__name__}; se esperaba un entero de Python (int), que sirve "
           "como tamaño de un arreglo.",
           f"{call} returned {raw!r}, a {type(raw).__name__}; a Python integer (int) was expected, usable as an "
           "array size.",
           "Usa la división entera //, que con enteros da un int; np.floor y / dan reales.",
           "Use integer division //, which gives an int on integers; np.floor and / give floats.")
    expect(value == expected,
           f"{call} devolvió {value:g}; PyTorch da una salida de tamaño {expected}.",
           f"{call} returned {value:g}; PyTorch gives an output of size {expected}.",
           "floor((n + 2*padding - k) / stride) + 1: la división se redondea hacia abajo (usa //), porque una ventana "
           "que no cabe entera no se calcula.",
           "floor((n + 2*padding - k) / stride) + 1: the division rounds down (use //), because a window that does "
           "not fit whole is not computed.")


# ------------------------------------------------------------------ correlacion2d

@check("correlacion_torch")
@grader_settings(max_examples=40)
@given(data=st.data())
def test_correlacion_torch(student, data):
    kh, kw = data.draw(st.integers(1, 4)), data.draw(st.integers(1, 4))
    img = data.draw(grid((data.draw(st.integers(kh, 9)), data.draw(st.integers(kw, 9)))))
    kernel = data.draw(grid((kh, kw)))
    expected = torch_conv(img[None, None], kernel[None, None], np.zeros(1))[0, 0]
    call_es = f"correlacion2d(imagen, kernel) con imagen de forma {img.shape} y kernel = {show(kernel)}"
    call_en = f"correlacion2d(imagen, kernel) with imagen of shape {img.shape} and kernel = {show(kernel)}"
    got, args, _ = student.correlacion2d.with_inputs(img, kernel)
    same_array(got, expected, call_es, call_en, "la correlación cruzada de PyTorch (torch.nn.functional.conv2d)",
               "PyTorch's cross-correlation (torch.nn.functional.conv2d)", FLIP_HINT_ES, FLIP_HINT_EN)
    expect_unchanged(args, {"imagen": img, "kernel": kernel}, call_es, call_en)


@check("correlacion_enteros")
@grader_settings(max_examples=20)
@given(data=st.data())
def test_correlacion_enteros(student, data):
    kh, kw = data.draw(st.integers(1, 4)), data.draw(st.integers(1, 4))
    img = data.draw(int_grid((data.draw(st.integers(kh, 9)), data.draw(st.integers(kw, 9)))))
    kernel = data.draw(st.one_of(grid((kh, kw)), int_grid((kh, kw)).map(lambda k: k.astype(np.int64) % 5 - 2)))
    expected = torch_conv(img[None, None], kernel[None, None], np.zeros(1))[0, 0]
    call_es = (f"correlacion2d(imagen, kernel) con imagen de forma {img.shape} y dtype {img.dtype}, "
               f"kernel = {show(kernel)} ({kernel.dtype})")
    call_en = (f"correlacion2d(imagen, kernel) with imagen of shape {img.shape} and dtype {img.dtype}, "
               f"kernel = {show(kernel)} ({kernel.dtype})")
    got = student.correlacion2d(img, kernel)
    same_array(got, expected, call_es, call_en, "la correlación cruzada de PyTorch, en reales",
               "PyTorch's cross-correlation, as floats", FLIP_HINT_ES, FLIP_HINT_EN)
    expect_float64(got, call_es, call_en, "la imagen", "the image")


# ------------------------------------------------------------------ conv2d

def conv_against_torch(student, case):
    x, w, b, s, p = case
    call_es, call_en = conv_text(x, w, b, s, p)
    return same_array(student.conv2d(x, w, b, stride=s, padding=p), torch_conv(x, w, b, s, p), call_es, call_en,
                      "lo que da torch.nn.functional.conv2d", "what torch.nn.functional.conv2d gives",
                      FLIP_HINT_ES, FLIP_HINT_EN)


@check("conv2d_forma")
@grader_settings(max_examples=30)
@given(case=conv_cases(strides=(1, 3), paddings=(0, 2)))
def test_conv2d_forma(student, case):
    x, w, b, s, p = case
    call_es, call_en = conv_text(x, w, b, s, p)
    expected = torch_conv(x, w, b, s, p)
    got = as_array(student.conv2d(x, w, b, stride=s, padding=p), "conv2d(x, w, b, stride, padding)")
    n, f, ho, wo = expected.shape
    expect(got.shape == expected.shape,
           f"{call_es} devolvió forma {got.shape}; se esperaba (N, F, Ho, Wo) = {expected.shape}, con "
           f"Ho = floor(({x.shape[2]} + 2*{p} - {w.shape[2]}) / {s}) + 1 = {ho} y "
           f"Wo = floor(({x.shape[3]} + 2*{p} - {w.shape[3]}) / {s}) + 1 = {wo}.",
           f"{call_en} returned shape {got.shape}; expected (N, F, Ho, Wo) = {expected.shape}, with "
           f"Ho = floor(({x.shape[2]} + 2*{p} - {w.shape[2]}) / {s}) + 1 = {ho} and "
           f"Wo = floor(({x.shape[3]} + 2*{p} - {w.shape[3]}) / {s}) + 1 = {wo}.",
           "El alto usa x.shape[2] y w.shape[2]; el ancho, x.shape[3] y w.shape[3].",
           "The height uses x.shape[2] and w.shape[2]; the width, x.shape[3] and w.shape[3].")
    not_trivial(got, expected, call_es, call_en)


@check("conv2d_canales")
@grader_settings(max_examples=30)
@given(case=conv_cases(channels=(2, 3)))
def test_conv2d_canales(student, case):
    x, w, b, s, p = case
    call_es, call_en = conv_text(x, w, b, s, p)
    got, args, _ = student.conv2d.with_inputs(x, w, b, stride=s, padding=p)
    same_array(got, torch_conv(x, w, b, s, p), call_es, call_en, "lo que da torch.nn.functional.conv2d",
               "what torch.nn.functional.conv2d gives", FLIP_HINT_ES, FLIP_HINT_EN)
    expect_unchanged(args, {"x": x, "w": w, "b": b}, call_es, call_en)


@check("conv2d_enteros")
@grader_settings(max_examples=20)
@given(case=conv_cases(), data=st.data())  # stride 1, no padding: those have their own checks
def test_conv2d_enteros(student, case, data):
    x, w, b, s, p = case
    x = data.draw(int_grid(x.shape))
    call_es, call_en = conv_text(x, w, b, s, p)
    call_es, call_en = call_es + f", x de dtype {x.dtype}", call_en + f", x of dtype {x.dtype}"
    got = student.conv2d(x, w, b, stride=s, padding=p)
    same_array(got, torch_conv(x, w, b, s, p), call_es, call_en, "lo que da torch.nn.functional.conv2d, en reales",
               "what torch.nn.functional.conv2d gives, as floats", FLIP_HINT_ES, FLIP_HINT_EN)
    expect_float64(got, call_es, call_en, "x", "x")


@check("conv2d_stride")
@grader_settings(max_examples=30)
@given(case=conv_cases(strides=(2, 3), paddings=(0, 1)))
def test_conv2d_stride(student, case):
    conv_against_torch(student, case)


@check("conv2d_padding")
@grader_settings(max_examples=30)
@given(case=conv_cases(strides=(1, 2), paddings=(1, 2)))
def test_conv2d_padding(student, case):
    conv_against_torch(student, case)


@check("conv2d_sesgo")
@grader_settings(max_examples=30)
@given(case=conv_cases(strides=(1, 2), paddings=(0, 1)))
def test_conv2d_sesgo(student, case):
    x, w, b, s, p = case
    assume(w.shape[1] * w.shape[2] * w.shape[3] > 1)
    call_es, call_en = conv_text(x, w, b, s, p)
    with_bias = as_array(student.conv2d(x, w, b, stride=s, padding=p), "conv2d(x, w, b)")
    without = as_array(student.conv2d(x, w, np.zeros_like(b), stride=s, padding=p), "conv2d(x, w, 0)")
    expected_shape = torch_conv(x, w, b, s, p).shape
    expect(with_bias.shape == expected_shape and without.shape == expected_shape,
           f"{call_es} devolvió forma {with_bias.shape}; se esperaba {expected_shape}.",
           f"{call_en} returned shape {with_bias.shape}; expected {expected_shape}.")
    same_array(with_bias - without, np.broadcast_to(b.reshape(1, -1, 1, 1), expected_shape).copy(),
               f"conv2d(x, w, b) - conv2d(x, w, 0) con {call_es.split(' con ')[1]}",
               f"conv2d(x, w, b) - conv2d(x, w, 0) with {call_en.split(' with ')[1]}",
               "b[f] en todo el mapa del filtro f", "b[f] over the whole map of filter f",
               "El sesgo se suma una sola vez por posición de salida, después de la suma de la ventana, no dentro de ella.",
               "The bias is added once per output position, after summing the window, not inside it.")


@check("conv2d_lineal")
@grader_settings(max_examples=25)
@given(case=conv_cases(strides=(1, 2), paddings=(0, 1), bias=False), data=st.data())
def test_conv2d_lineal(student, case, data):
    x, w, b, s, p = case
    a = data.draw(st.sampled_from([-2.0, -1.0, -0.5, -3.0]))
    x2, w2 = data.draw(grid(x.shape)), data.draw(grid(w.shape))
    call_es, call_en = conv_text(x, w, b, s, p)
    expected = torch_conv(x, w, b, s, p)

    def conv(xx, ww):
        got = as_array(student.conv2d(xx, ww, b, stride=s, padding=p), "conv2d(x, w, b)")
        expect(got.shape == expected.shape,
               f"{call_es} devolvió forma {got.shape}; se esperaba {expected.shape}.",
               f"{call_en} returned shape {got.shape}; expected {expected.shape}.")
        return got

    base = conv(x, w)
    not_trivial(base, expected, call_es, call_en)
    hint_es, hint_en = ("conv2d es una suma de productos: no apliques activaciones (como ReLU) ni redondeos dentro.",
                        "conv2d is a sum of products: do not apply activations (such as ReLU) or rounding inside it.")
    same_array(conv(a * x + x2, w), a * base + conv(x2, w),
               f"conv2d({a:g}*x + x2, w, 0) con {call_es.split(' con ')[1]}",
               f"conv2d({a:g}*x + x2, w, 0) with {call_en.split(' with ')[1]}",
               f"{a:g}*conv2d(x, w, 0) + conv2d(x2, w, 0)", f"{a:g}*conv2d(x, w, 0) + conv2d(x2, w, 0)",
               hint_es, hint_en)
    same_array(conv(x, a * w + w2), a * base + conv(x, w2),
               f"conv2d(x, {a:g}*w + w2, 0) con {call_es.split(' con ')[1]}",
               f"conv2d(x, {a:g}*w + w2, 0) with {call_en.split(' with ')[1]}",
               f"{a:g}*conv2d(x, w, 0) + conv2d(x, w2, 0)", f"{a:g}*conv2d(x, w, 0) + conv2d(x, w2, 0)",
               hint_es, hint_en)


@check("conv2d_identidad")
@grader_settings(max_examples=25)
@given(data=st.data())
def test_conv2d_identidad(student, data):
    n, c, p = data.draw(st.integers(1, 2)), data.draw(st.integers(2, 3)), data.draw(st.integers(0, 1))
    x = data.draw(grid((n, c, data.draw(st.integers(1, 7)), data.draw(st.integers(1, 7)))))
    w = np.eye(c).reshape(c, c, 1, 1)
    expected = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    same_array(student.conv2d(x, w, np.zeros(c), stride=1, padding=p), expected,
               f"conv2d(x, w, 0, stride=1, padding={p}) con x de forma {x.shape} y w = np.eye({c}).reshape({c}, {c}, 1, 1)",
               f"conv2d(x, w, 0, stride=1, padding={p}) with x of shape {x.shape} and w = np.eye({c}).reshape({c}, {c}, 1, 1)",
               "la misma x" + (" rodeada de un borde de ceros en alto y ancho" if p else ""),
               "x itself" + (" surrounded by a border of zeros on height and width" if p else ""),
               "Cada filtro suma (no promedia) los productos de todos los canales de entrada; el padding agrega ceros "
               "solo en los ejes de alto y ancho.",
               "Each filter sums (does not average) the products over every input channel; padding adds zeros only on "
               "the height and width axes.")


@check("conv2d_desplazamiento")
@grader_settings(max_examples=25)
@given(case=conv_cases(strides=(2, 3)), axis=st.sampled_from([2, 3]))
def test_conv2d_desplazamiento(student, case, axis):
    x, w, b, s, p = case
    assume(x.shape[axis] >= w.shape[axis] + s)  # at least two output positions along that axis
    name_es, name_en = ("filas", "rows") if axis == 2 else ("columnas", "columns")
    call_es, call_en = conv_text(x, w, b, s, p)
    expected = torch_conv(x, w, b, s, p)
    full = as_array(student.conv2d(x, w, b, stride=s, padding=0), "conv2d(x, w, b)")
    expect(full.shape == expected.shape,
           f"{call_es} devolvió forma {full.shape}; se esperaba {expected.shape}.",
           f"{call_en} returned shape {full.shape}; expected {expected.shape}.")
    not_trivial(full, expected, call_es, call_en)
    shifted = np.ascontiguousarray(np.take(x, np.arange(s, x.shape[axis]), axis=axis))
    got = student.conv2d(shifted, w, b, stride=s, padding=0)
    out = np.take(full, np.arange(1, full.shape[axis]), axis=axis)
    same_array(got, out,
               f"conv2d(x2, w, b, stride={s}) con x2 = x sin sus primeras {s} {name_es} y {call_es.split(' con ')[1]}",
               f"conv2d(x2, w, b, stride={s}) with x2 = x without its first {s} {name_en} and {call_en.split(' with ')[1]}",
               f"conv2d(x, w, b) sin su primera fila de salida en ese eje (quitar un stride de {name_es} de la entrada "
               "quita una posición de la salida)",
               f"conv2d(x, w, b) without its first output position along that axis (removing one stride of "
               f"{name_en} from the input removes one output position)",
               "La ventana de la salida (i, j) empieza en la fila i*stride y la columna j*stride.",
               "The window of output (i, j) starts at row i*stride and column j*stride.")


# ------------------------------------------------------------------ pooling

def pool_call(kind, x, k, stride) -> tuple[str, str, object]:
    args = f"x, {k!r}" + ("" if stride is None else f", stride={stride!r}")
    return (f"{kind}({args}) con x de forma {x.shape}", f"{kind}({args}) with x of shape {x.shape}",
            (lambda student: getattr(student, kind)(x, k) if stride is None
             else getattr(student, kind)(x, k, stride=stride)))


POOL_HINT_ES = ("La ventana de la salida (i, j) es x[n, c, i*sh : i*sh + kh, j*sw : j*sw + kw]: cada canal se reduce "
                "por separado y sin padding.")
POOL_HINT_EN = ("The window of output (i, j) is x[n, c, i*sh : i*sh + kh, j*sw : j*sw + kw]: each channel is reduced "
                "separately and without padding.")


def pool_against_torch(student, kind, case, what_es, what_en, hint_es=POOL_HINT_ES, hint_en=POOL_HINT_EN):
    x, k, stride = case
    call_es, call_en, run = pool_call(kind, x, k, stride)
    return same_array(run(student), torch_pool(kind, x, k, stride), call_es, call_en, what_es, what_en,
                      hint_es, hint_en)


@check("max_pool_torch")
@grader_settings(max_examples=30)
@given(case=pool_cases())
def test_max_pool_torch(student, case):
    x, k, stride = case
    call_es, call_en, _ = pool_call("max_pool2d", x, k, stride)
    got, args, _ = student.max_pool2d.with_inputs(x, k, stride=stride)
    same_array(got, torch_pool("max_pool2d", x, k, stride), call_es, call_en, "torch.nn.functional.max_pool2d",
               "torch.nn.functional.max_pool2d", POOL_HINT_ES, POOL_HINT_EN)
    expect_unchanged(args, {"x": x}, call_es, call_en)


@check("avg_pool_torch")
@grader_settings(max_examples=30)
@given(case=pool_cases())
def test_avg_pool_torch(student, case):
    pool_against_torch(student, "avg_pool2d", case, "torch.nn.functional.avg_pool2d",
                       "torch.nn.functional.avg_pool2d",
                       POOL_HINT_ES + " El promedio divide por kh*kw, la cantidad de valores de la ventana.",
                       POOL_HINT_EN + " The average divides by kh*kw, the number of values in the window.")


@check("min_pool_torch")
@grader_settings(max_examples=30)
@given(case=pool_cases())
def test_min_pool_torch(student, case):
    pool_against_torch(student, "min_pool2d", case, "-max_pool2d(-x) de PyTorch", "PyTorch's -max_pool2d(-x)")


@check("pooling_enteros")
@grader_settings(max_examples=20)
@given(case=pool_cases(integers=True), kind=st.sampled_from(["max_pool2d", "avg_pool2d", "min_pool2d"]))
def test_pooling_enteros(student, case, kind):
    x, k, stride = case  # an explicit stride: the default stride has its own check
    call_es, call_en, run = pool_call(kind, x, k, stride)
    call_es, call_en = call_es + f" y dtype {x.dtype}", call_en + f" and dtype {x.dtype}"
    got = run(student)
    same_array(got, torch_pool(kind, x, k, stride), call_es, call_en, f"{kind} de PyTorch, en reales",
               f"PyTorch's {kind}, as floats", POOL_HINT_ES, POOL_HINT_EN)
    expect_float64(got, call_es, call_en, "x", "x")


@check("pooling_orden")
@grader_settings(max_examples=25)
@given(case=pool_cases(min_window=2), constant=NONZERO)
def test_pooling_orden(student, case, constant):
    x, k, stride = case
    shape = torch_pool("max_pool2d", x, k, stride).shape
    out = {}
    for kind in ("min_pool2d", "avg_pool2d", "max_pool2d"):
        call_es, call_en, run = pool_call(kind, x, k, stride)
        got = as_array(run(student), call_es.split(" con ")[0])
        expect(got.shape == shape,
               f"{call_es} devolvió forma {got.shape}; se esperaba {shape}.",
               f"{call_en} returned shape {got.shape}; expected {shape}.", POOL_HINT_ES, POOL_HINT_EN)
        out[kind] = got
    args = f"x, {k!r}" + ("" if stride is None else f", stride={stride!r}")
    for low, high in [("min_pool2d", "avg_pool2d"), ("avg_pool2d", "max_pool2d")]:
        bad = out[low] > out[high] + 1e-12
        if bad.any():
            where = tuple(int(i) for i in np.argwhere(bad)[0])
            fail(f"Con x de forma {x.shape}: {low}({args}) da {out[low][where]:g} y {high}({args}) da "
                 f"{out[high][where]:g} en la posición {where}; en cada ventana se espera mínimo <= promedio <= máximo.",
                 f"With x of shape {x.shape}: {low}({args}) gives {out[low][where]:g} and {high}({args}) gives "
                 f"{out[high][where]:g} at position {where}; in every window min <= average <= max is expected.")
    const = np.full(x.shape, constant)
    for kind in ("min_pool2d", "avg_pool2d", "max_pool2d"):
        call_es, call_en, run = pool_call(kind, const, k, stride)
        same_array(run(student), np.full(shape, constant), f"{call_es} constante igual a {constant:g}",
                   f"{call_en} constant, equal to {constant:g}",
                   f"el mismo valor {constant:g} en toda la salida", f"the same value {constant:g} all over the output")


@check("pooling_stride_defecto")
@grader_settings(max_examples=25)
@given(case=pool_cases(default_stride=True, min_window=1), kind=st.sampled_from(["max_pool2d", "avg_pool2d",
                                                                                 "min_pool2d"]),
       explicit=st.booleans())
def test_pooling_stride_defecto(student, case, kind, explicit):
    x, k, _ = case
    what_es = "ventanas sin solaparse: stride igual al tamaño de la ventana, (kh, kw)"
    what_en = "non-overlapping windows: stride equal to the window size, (kh, kw)"
    hint_es = ("Usa stride=None como valor por defecto y, si es None (se dé o no), toma el tamaño de la ventana en "
               "cada eje: (sh, sw) = (kh, kw).")
    hint_en = ("Use stride=None as the default and, when it is None (given or not), take the window size along "
               "each axis: (sh, sw) = (kh, kw).")
    if explicit:  # stride=None written out, as the signature allows
        call_es, call_en, _ = pool_call(kind, x, k, None)
        same_array(getattr(student, kind)(x, k, stride=None), torch_pool(kind, x, k, None),
                   call_es.replace(f"{kind}(x, {k!r})", f"{kind}(x, {k!r}, stride=None)"),
                   call_en.replace(f"{kind}(x, {k!r})", f"{kind}(x, {k!r}, stride=None)"), what_es, what_en,
                   hint_es, hint_en)
    else:
        pool_against_torch(student, kind, case, what_es, what_en, hint_es, hint_en)


# ------------------------------------------------------------------ lenet

@st.composite
def lenet_cases(draw):
    n, c = draw(st.integers(1, 2)), draw(st.integers(1, 2))
    f1, f2, m = draw(st.integers(1, 3)), draw(st.integers(1, 3)), draw(st.integers(1, 4))
    k1 = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    k2 = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    sizes = []
    for axis in range(2):
        size = draw(st.integers(6, 13))
        after = ((size - k1[axis] + 1) // 2 - k2[axis] + 1) // 2
        assume(after >= 1)
        sizes.append(size)
    x = draw(grid((n, c, *sizes)))
    params = {"w1": draw(grid((f1, c, *k1))), "b1": draw(grid(f1)), "w2": draw(grid((f2, f1, *k2))),
              "b2": draw(grid(f2))}
    h = torch_lenet_features(x, params)
    params["w3"] = draw(grid((h.shape[1], m)))
    params["b3"] = draw(grid(m))
    return x, params


@single_threaded
def torch_lenet_features(x, params) -> np.ndarray:
    h = F.max_pool2d(F.relu(F.conv2d(t(x), t(params["w1"]), t(params["b1"]))), 2)
    h = F.max_pool2d(F.relu(F.conv2d(h, t(params["w2"]), t(params["b2"]))), 2)
    return h.reshape(h.shape[0], -1).numpy()


@check("lenet_torch")
@grader_settings(max_examples=25)
@given(case=lenet_cases())
def test_lenet_torch(student, case):
    x, params = case
    expected = torch_lenet_features(x, params) @ params["w3"] + params["b3"]
    shapes = ", ".join(f"{k} {v.shape}" for k, v in params.items())
    got, args, _ = student.lenet.with_inputs(x, params)
    expect_unchanged(args, {"x": x, "params": params}, f"lenet(x, params) con x de forma {x.shape}",
                     f"lenet(x, params) with x of shape {x.shape}")
    if isinstance(got, np.ndarray) and got.dtype.kind == "f":
        expect_float64(got, f"lenet(x, params) con x de forma {x.shape}", f"lenet(x, params) with x of shape {x.shape}")
    same_array(got, expected,
               f"lenet(x, params) con x de forma {x.shape} y params de formas {shapes}",
               f"lenet(x, params) with x of shape {x.shape} and params of shapes {shapes}",
               "conv2d, ReLU y max_pool2d de 2x2 dos veces, aplanar en orden (C, H, W) y la capa densa, como en PyTorch",
               "conv2d, ReLU and 2x2 max_pool2d twice, flatten in (C, H, W) order and the dense layer, as in PyTorch",
               "Aplana cada ejemplo con h.reshape(N, -1) sobre el arreglo (N, C, H, W), sin mover ejes antes; "
               "la ReLU va después de cada convolución y antes de cada pooling.",
               "Flatten each example with h.reshape(N, -1) on the (N, C, H, W) array, without moving axes first; the "
               "ReLU goes after each convolution and before each pooling.")
