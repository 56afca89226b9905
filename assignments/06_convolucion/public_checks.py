"""Public checks of assignment 06 (convolution and pooling): only the course's own examples.

Students run these with ``dlgrader check 06_convolucion`` or the notebook's last cell.
The hidden graders test the same conventions on many generated inputs, against PyTorch.
"""

import numpy as np

from dlgrader.grading import as_array, as_number, assert_close, check, expect, fail, show

# A crop of the course's grayscale image (the slide's table of pixel values, one byte per pixel).
GRISES = np.array([[157, 153, 174, 168],
                   [155, 182, 163, 74],
                   [180, 180, 60, 34]], dtype=np.uint8)
# A 2x3 RGB image, channels-last (H, W, C): red, green and blue planes cut from the same table.
ROJO = np.array([[157, 153, 174], [155, 182, 163]], dtype=np.uint8)
VERDE = np.array([[180, 180, 60], [206, 159, 5]], dtype=np.uint8)
AZUL = np.array([[194, 68, 137], [172, 106, 207]], dtype=np.uint8)
RGB = np.stack([ROJO, VERDE, AZUL], axis=-1)

# The course's convolution example: a 7x7 binary image, the 3x3 kernel and the 5x5 feature map.
IMAGEN = np.array([[0, 1, 1, 1, 0, 0, 0],
                   [0, 0, 1, 1, 1, 0, 0],
                   [0, 0, 0, 1, 1, 1, 0],
                   [0, 0, 0, 1, 1, 0, 0],
                   [0, 0, 1, 1, 0, 0, 0],
                   [0, 1, 1, 0, 0, 0, 0],
                   [1, 1, 0, 0, 0, 0, 0]])
KERNEL = np.array([[1, 0, 1],
                   [0, 1, 0],
                   [1, 0, 1]])
MAPA = np.array([[1, 4, 3, 4, 1],
                 [1, 2, 4, 3, 3],
                 [1, 2, 3, 4, 1],
                 [1, 3, 3, 1, 1],
                 [3, 3, 1, 1, 0]])
# The same example with stride 2 (every other row and column of MAPA) and with padding 1 (a 7x7 map).
MAPA_STRIDE_2 = MAPA[::2, ::2]
MAPA_PADDING_1 = np.array([[0, 2, 2, 3, 1, 1, 0],
                           [1, 1, 4, 3, 4, 1, 1],
                           [0, 1, 2, 4, 3, 3, 0],
                           [0, 1, 2, 3, 4, 1, 1],
                           [1, 1, 3, 3, 1, 1, 0],
                           [1, 3, 3, 1, 1, 0, 0],
                           [2, 2, 1, 1, 0, 0, 0]])
# 2x2 pooling (stride 2) of MAPA: the last row and column do not fit a whole window and are dropped.
POOLING = {"max_pool2d": [[4, 4], [3, 4]], "min_pool2d": [[1, 3], [1, 1]], "avg_pool2d": [[2, 3.5], [1.75, 2.75]]}


def shown(values) -> str:
    """Render an array for feedback, as integers when every value is a whole number."""
    arr = np.asarray(values)
    if arr.dtype.kind == "f" and arr.size and np.all(np.isfinite(arr)) and np.all(arr == np.round(arr)):
        arr = arr.astype(np.int64)
    return show(arr)


def exact_array(value, call: str, shape: tuple, dtype) -> np.ndarray:
    """The returned array, which must have this shape and keep the input's dtype."""
    if not isinstance(value, np.ndarray):
        fail(f"{call} debe devolver un arreglo de NumPy; devolvió {type(value).__name__}.",
             f"{call} must return a NumPy array; it returned {type(value).__name__}.")
    expect(value.shape == shape,
           f"{call} devolvió forma {value.shape}; se esperaba {shape}.",
           f"{call} returned shape {value.shape}; expected {shape}.")
    expect(value.dtype == dtype,
           f"{call} devolvió dtype {value.dtype}; se esperaba {np.dtype(dtype)}, el mismo de la entrada.",
           f"{call} returned dtype {value.dtype}; expected {np.dtype(dtype)}, the input's.",
           "Solo se mueven ejes: no conviertas los valores (np.transpose o np.moveaxis conservan el dtype).",
           "Only axes move: do not convert the values (np.transpose or np.moveaxis keep the dtype).")
    return value


# ------------------------------------------------------------------ imagenes
@check("imagenes_curso")
def test_imagenes_curso(student):
    call = "a_canales_primero(grises) con grises de forma (3, 4) y dtype uint8"
    call_en = "a_canales_primero(gray) with gray of shape (3, 4) and dtype uint8"
    got = exact_array(student.a_canales_primero(GRISES), "a_canales_primero(grises)", (1, 3, 4), np.uint8)
    expect(bool(np.array_equal(got[0], GRISES)),
           f"{call} devolvió {shown(got)}; se esperaba la misma imagen con un eje de un canal delante, forma (1, 3, 4).",
           f"{call_en} returned {shown(got)}; expected the same image with a one-channel axis in front, shape (1, 3, 4).")
    call = "a_canales_primero(rgb) con rgb de forma (2, 3, 3) (alto, ancho, canales)"
    call_en = "a_canales_primero(rgb) with rgb of shape (2, 3, 3) (height, width, channels)"
    first = exact_array(student.a_canales_primero(RGB), "a_canales_primero(rgb)", (3, 2, 3), np.uint8)
    for c, (nombre, name, plano) in enumerate([("rojo", "red", ROJO), ("verde", "green", VERDE), ("azul", "blue", AZUL)]):
        expect(bool(np.array_equal(first[c], plano)),
               f"{call}: el canal {c} ({nombre}) quedó {shown(first[c])}; se esperaba {shown(plano)}, es decir, "
               f"rgb[:, :, {c}].",
               f"{call_en}: channel {c} ({name}) came out as {shown(first[c])}; expected {shown(plano)}, that is "
               f"rgb[:, :, {c}].",
               "Mueve el eje de canales con np.transpose o np.moveaxis; reshape reordena los números, no los ejes.",
               "Move the channel axis with np.transpose or np.moveaxis; reshape reorders the numbers, not the axes.")
    back = exact_array(student.a_canales_ultimo(first), "a_canales_ultimo(a_canales_primero(rgb))", (2, 3, 3),
                       np.uint8)
    expect(bool(np.array_equal(back, RGB)),
           f"a_canales_ultimo(a_canales_primero(rgb)) devolvió {shown(back)}; se esperaba la imagen rgb original.",
           f"a_canales_ultimo(a_canales_primero(rgb)) returned {shown(back)}; expected the original rgb image.")


# ------------------------------------------------------------------ tamano_salida

@check("tamano_curso")
def test_tamano_curso(student):
    cases = [((7, 3), {}, 5, "la imagen 7x7 y el kernel 3x3 del curso", "the course's 7x7 image and 3x3 kernel"),
             ((32, 5), {}, 28, "LeNet-5: entrada 32x32 y filtros 5x5", "LeNet-5: 32x32 input and 5x5 filters"),
             ((28, 2), {"stride": 2}, 14, "LeNet-5: pooling 2x2 de un mapa 28x28", "LeNet-5: 2x2 pooling of a 28x28 map"),
             ((7, 3), {"stride": 1, "padding": 1}, 7, "padding 1 conserva el tamaño", "padding 1 keeps the size")]
    for args, kwargs, expected, es, en in cases:
        extra = "".join(f", {k}={v}" for k, v in kwargs.items())
        call = f"tamano_salida({args[0]}, {args[1]}{extra})"
        value = as_number(student.tamano_salida(*args, **kwargs), call, integer=True)
        expect(value == expected,
               f"{call} devolvió {value:g}; se esperaba {expected} ({es}).",
               f"{call} returned {value:g}; expected {expected} ({en}).",
               "La fórmula es floor((n + 2*padding - k) / stride) + 1.",
               "The formula is floor((n + 2*padding - k) / stride) + 1.")


# ------------------------------------------------------------------ correlacion2d

@check("correlacion_curso")
def test_correlacion_curso(student):
    call = "correlacion2d(imagen, kernel) con la imagen 7x7 y el kernel 3x3 del curso"
    call_en = "correlacion2d(imagen, kernel) with the course's 7x7 image and 3x3 kernel"
    got = as_array(student.correlacion2d(IMAGEN.astype(float), KERNEL.astype(float)), "correlacion2d(imagen, kernel)",
                   shape=(5, 5))
    assert_close(got, MAPA, rtol=0, atol=1e-9,
                 es=f"{call} devolvió {shown(got)}; se esperaba el mapa de la diapositiva {shown(MAPA)}.",
                 en=f"{call_en} returned {shown(got)}; expected the slide's map {shown(MAPA)}.")


# ------------------------------------------------------------------ conv2d

def _conv(student, call_es: str, call_en: str, expected: np.ndarray, **kwargs):
    x = IMAGEN.reshape(1, 1, 7, 7)
    w = KERNEL.reshape(1, 1, 3, 3).astype(float)
    got = student.conv2d(x, w, np.zeros(1), **kwargs)
    got = as_array(got, call_es.split(" con ")[0], shape=(1, 1) + expected.shape, kind="f")
    assert_close(got[0, 0], expected, rtol=0, atol=1e-9,
                 es=f"{call_es} devolvió el mapa {shown(got[0, 0])}; se esperaba {shown(expected)}.",
                 en=f"{call_en} returned the map {shown(got[0, 0])}; expected {shown(expected)}.")


@check("conv2d_curso")
def test_conv2d_curso(student):
    _conv(student, "conv2d(x, w, b=np.zeros(1)) con x = imagen.reshape(1, 1, 7, 7) (enteros) y w = kernel.reshape(1, 1, 3, 3)",
          "conv2d(x, w, b=np.zeros(1)) with x = imagen.reshape(1, 1, 7, 7) (integers) and w = kernel.reshape(1, 1, 3, 3)",
          MAPA)


@check("conv2d_curso_stride_padding")
def test_conv2d_curso_stride_padding(student):
    _conv(student, "conv2d(x, w, b, stride=2) con el ejemplo del curso",
          "conv2d(x, w, b, stride=2) with the course's example", MAPA_STRIDE_2, stride=2)
    _conv(student, "conv2d(x, w, b, padding=1) con el ejemplo del curso",
          "conv2d(x, w, b, padding=1) with the course's example", MAPA_PADDING_1, padding=1)


# ------------------------------------------------------------------ pooling

@check("pooling_curso")
def test_pooling_curso(student):
    mapa = MAPA.reshape(1, 1, 5, 5).astype(float)
    for name, expected in POOLING.items():
        expected = np.array(expected, dtype=float)
        for kwargs, text in [({}, ""), ({"stride": 2}, ", stride=2")]:
            call = f"{name}(mapa, 2{text}) con el mapa 5x5 del curso de forma (1, 1, 5, 5)"
            call_en = f"{name}(mapa, 2{text}) with the course's 5x5 map of shape (1, 1, 5, 5)"
            got = as_array(getattr(student, name)(mapa, 2, **kwargs), f"{name}(mapa, 2{text})")
            hint_es = ("Sin stride, las ventanas 2x2 no se solapan (stride = 2) y la última fila y columna, que no "
                       "completan una ventana, se descartan.") if not kwargs else None
            hint_en = ("Without a stride, 2x2 windows do not overlap (stride = 2) and the last row and column, which "
                       "do not fill a window, are dropped.") if not kwargs else None
            if got.shape != (1, 1, 2, 2):
                fail(f"{call} devolvió forma {got.shape}; se esperaba (1, 1, 2, 2): caben 2 ventanas por eje.",
                     f"{call_en} returned shape {got.shape}; expected (1, 1, 2, 2): 2 windows fit along each axis.",
                     hint_es, hint_en)
            if not np.allclose(got[0, 0], expected, rtol=0, atol=1e-9):
                fail(f"{call} devolvió {shown(got[0, 0])}; se esperaba {shown(expected)}.",
                     f"{call_en} returned {shown(got[0, 0])}; expected {shown(expected)}.", hint_es, hint_en)


# ------------------------------------------------------------------ lenet

def lenet5_params(b1: float, b3: np.ndarray) -> dict:
    """LeNet-5's sizes with averaging filters: a constant image stays constant through the convolutions."""
    return {"w1": np.full((6, 1, 5, 5), 1 / 25), "b1": np.full(6, b1),
            "w2": np.full((16, 6, 5, 5), 1 / 150), "b2": np.zeros(16),
            "w3": np.tile(np.arange(10) / 400, (400, 1)), "b3": b3}


@check("lenet_curso")
def test_lenet_curso(student):
    x = np.ones((1, 1, 32, 32))
    call = ("lenet(x, params) con x = np.ones((1, 1, 32, 32)), filtros promediadores (6 y 16 de 5x5), b1 = 0 "
            "y w3[:, m] = m / 400")
    call_en = ("lenet(x, params) with x = np.ones((1, 1, 32, 32)), averaging filters (6 and 16 of 5x5), b1 = 0 "
               "and w3[:, m] = m / 400")
    got = as_array(student.lenet(x, lenet5_params(0.0, np.zeros(10))), "lenet(x, params)", shape=(1, 10))
    expected = np.arange(10.0)
    assert_close(got[0], expected, rtol=1e-9, atol=1e-9,
                 es=f"{call} devolvió {show(got[0])}; se esperaba [0, 1, ..., 9]: cada mapa vale 1 en todas partes, "
                    "los 400 valores aplanados son unos y la salida m es la suma de w3[:, m].",
                 en=f"{call_en} returned {show(got[0])}; expected [0, 1, ..., 9]: every map is 1 everywhere, the 400 "
                    "flattened values are ones and output m is the sum of w3[:, m].")
    b3 = np.array([1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, 0.0, 4.0])
    got = as_array(student.lenet(x, lenet5_params(-2.0, b3)), "lenet(x, params)", shape=(1, 10))
    assert_close(got[0], b3, rtol=1e-9, atol=1e-9,
                 es=f"Con los mismos pesos y b1 = -2, lenet devolvió {show(got[0])}; se esperaba b3 = {show(b3)}: "
                    "la primera convolución da -1 y la ReLU lo deja en 0, así que solo queda el sesgo de la capa densa.",
                 en=f"With the same weights and b1 = -2, lenet returned {show(got[0])}; expected b3 = {show(b3)}: the "
                    "first convolution gives -1 and the ReLU turns it into 0, so only the dense layer's bias remains.")
