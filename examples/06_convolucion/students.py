"""The demo class of 06_convolucion: who the students are and what each notebook exercises.

Read by ``examples/make_examples.py``; each Submission replaces some solution cells of the release notebook.
"""

from make_examples import Submission

P06_VECTORISED = {
    "imagenes": '''
def a_canales_primero(imagenes):
    """Mueve el último eje (canales) antes del alto y el ancho."""
    imagenes = np.asarray(imagenes)
    if imagenes.ndim == 2:
        return imagenes[np.newaxis]
    return np.moveaxis(imagenes, -1, -3)


def a_canales_ultimo(imagenes):
    """Mueve el eje de canales (antes del alto) al final."""
    return np.moveaxis(np.asarray(imagenes), -3, -1)
''',
    "tamano_salida": '''
def tamano_salida(n, k, stride=1, padding=0):
    return (n + 2 * padding - k) // stride + 1
''',
    "correlacion2d": '''
def correlacion2d(imagen, kernel):
    # todas las ventanas de una vez, con stride tricks
    ventanas = np.lib.stride_tricks.sliding_window_view(np.asarray(imagen, dtype=float), kernel.shape)
    return np.tensordot(ventanas, kernel, axes=([2, 3], [0, 1]))
''',
    "conv2d": '''
def conv2d(x, w, b, stride=1, padding=0):
    x = np.pad(np.asarray(x, dtype=float), ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    kh, kw = w.shape[2], w.shape[3]
    ventanas = np.lib.stride_tricks.sliding_window_view(x, (kh, kw), axis=(2, 3))
    ventanas = ventanas[:, :, ::stride, ::stride]          # (N, C, Ho, Wo, kh, kw)
    salida = np.einsum("ncijuv,fcuv->nfij", ventanas, w)
    return salida + b.reshape(1, -1, 1, 1)
''',
    "pooling": '''
def _ventanas(x, k, stride):
    kh, kw = (k, k) if np.isscalar(k) else k
    if stride is None:
        stride = (kh, kw)
    sh, sw = (stride, stride) if np.isscalar(stride) else stride
    v = np.lib.stride_tricks.sliding_window_view(np.asarray(x, dtype=float), (kh, kw), axis=(2, 3))
    return v[:, :, ::sh, ::sw]


def max_pool2d(x, k, stride=None):
    return _ventanas(x, k, stride).max(axis=(4, 5))


def min_pool2d(x, k, stride=None):
    return _ventanas(x, k, stride).min(axis=(4, 5))


def avg_pool2d(x, k, stride=None):
    return _ventanas(x, k, stride).mean(axis=(4, 5))
''',
    "lenet": '''
def lenet(x, params):
    h = max_pool2d(np.maximum(conv2d(x, params["w1"], params["b1"]), 0), 2)
    h = max_pool2d(np.maximum(conv2d(h, params["w2"], params["b2"]), 0), 2)
    return h.reshape(h.shape[0], -1) @ params["w3"] + params["b3"]
''',
}

P06_LOOPS = {
    "imagenes": '''
def a_canales_primero(imagenes):
    # TU CÓDIGO AQUÍ
    if imagenes.ndim == 2:
        return imagenes.reshape(1, imagenes.shape[0], imagenes.shape[1])
    if imagenes.ndim == 3:
        return imagenes.transpose(2, 0, 1)
    return imagenes.transpose(0, 3, 1, 2)


def a_canales_ultimo(imagenes):
    # TU CÓDIGO AQUÍ
    if imagenes.ndim == 3:
        return imagenes.transpose(1, 2, 0)
    return imagenes.transpose(0, 2, 3, 1)
''',
    "tamano_salida": '''
def tamano_salida(n, k, stride=1, padding=0):
    # TU CÓDIGO AQUÍ
    return int(np.floor((n + 2 * padding - k) / stride)) + 1
''',
    "correlacion2d": '''
def correlacion2d(imagen, kernel):
    # TU CÓDIGO AQUÍ
    H, W = imagen.shape
    kh, kw = kernel.shape
    S = np.zeros((H - kh + 1, W - kw + 1))
    for i in range(H - kh + 1):
        for j in range(W - kw + 1):
            S[i, j] = np.sum(imagen[i:i + kh, j:j + kw] * kernel)
    return S
''',
    "conv2d": '''
def conv2d(x, w, b, stride=1, padding=0):
    # TU CÓDIGO AQUÍ
    N, C, H, W = x.shape
    F, _, kh, kw = w.shape
    Ho = tamano_salida(H, kh, stride, padding)
    Wo = tamano_salida(W, kw, stride, padding)
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    out = np.zeros((N, F, Ho, Wo))
    for n in range(N):
        for f in range(F):
            for i in range(Ho):
                for j in range(Wo):
                    ventana = xp[n, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
                    out[n, f, i, j] = np.sum(ventana * w[f]) + b[f]
    return out
''',
    "pooling": '''
def pool(x, k, stride, funcion):
    if isinstance(k, int):
        k = (k, k)
    if stride is None:
        stride = k
    if isinstance(stride, int):
        stride = (stride, stride)
    N, C, H, W = x.shape
    Ho = tamano_salida(H, k[0], stride[0])
    Wo = tamano_salida(W, k[1], stride[1])
    out = np.zeros((N, C, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            ventana = x[:, :, i * stride[0]:i * stride[0] + k[0], j * stride[1]:j * stride[1] + k[1]]
            out[:, :, i, j] = funcion(ventana, axis=(2, 3))
    return out


def max_pool2d(x, k, stride=None):
    # TU CÓDIGO AQUÍ
    return pool(x, k, stride, np.max)


def min_pool2d(x, k, stride=None):
    # TU CÓDIGO AQUÍ
    return pool(x, k, stride, np.min)


def avg_pool2d(x, k, stride=None):
    # TU CÓDIGO AQUÍ
    return pool(x, k, stride, np.mean)
''',
    "lenet": '''
def lenet(x, params):
    # TU CÓDIGO AQUÍ
    c1 = conv2d(x, params["w1"], params["b1"])
    s2 = max_pool2d(np.where(c1 > 0, c1, 0), 2)
    c3 = conv2d(s2, params["w2"], params["b2"])
    s4 = max_pool2d(np.where(c3 > 0, c3, 0), 2)
    plano = s4.reshape(s4.shape[0], -1)
    return plano @ params["w3"] + params["b3"]
''',
}

P06_GOOD_ANSWER = """\
El kernel tiene unos en las cuatro esquinas y en el centro, así que da valores altos donde la imagen tiene unos
en esas cinco posiciones: en el mapa el máximo es 4, sobre la franja diagonal de unos de la imagen, y da 0 o 1
donde la ventana cae en la zona de ceros. Como el kernel es simétrico (girarlo 180° lo deja igual), la convolución
de los libros y la correlación cruzada dan lo mismo; con un kernel asimétrico, por ejemplo un detector de bordes
[[1, 0, -1]], girarlo cambia el signo del resultado, y por eso hay que saber cuál usa cada framework.

El pooling reduce el alto y el ancho (2x2 con stride 2 deja un cuarto de los valores), así que las capas
siguientes tienen menos entradas y la capa densa necesita muchos menos pesos. Además, con max pooling un rasgo que
se mueve un píxel dentro de la misma ventana da la misma salida. Se pierde la posición exacta del rasgo y, con el
promedio, los detalles finos; la última fila o columna que no completa una ventana se descarta.
"""

P06_SHORT_ANSWER = """\
El kernel detecta una X (esquinas y centro). Es simétrico, entonces voltearlo no cambia nada. El pooling achica la
imagen y hace que haya menos parámetros, pero se pierde información de dónde estaba cada cosa.
"""

P06_CONV_FLIPPED = '''
def conv2d(x, w, b, stride=1, padding=0):
    # la convolución "de verdad": se gira el kernel 180 grados
    w = w[:, :, ::-1, ::-1]
    N, C, H, W = x.shape
    F, _, kh, kw = w.shape
    Ho = tamano_salida(H, kh, stride, padding)
    Wo = tamano_salida(W, kw, stride, padding)
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    out = np.zeros((N, F, Ho, Wo))
    for n in range(N):
        for f in range(F):
            for i in range(Ho):
                for j in range(Wo):
                    out[n, f, i, j] = np.sum(xp[n, :, i * stride:i * stride + kh, j * stride:j * stride + kw] * w[f]) + b[f]
    return out
'''

P06_POOL_STRIDE_ONE = P06_LOOPS["pooling"].replace("    if stride is None:\n        stride = k\n",
                                                   "    if stride is None:\n        stride = 1\n")

P06_RESHAPE_AND_BIAS = {
    "imagenes": '''
def a_canales_primero(imagenes):
    if imagenes.ndim == 2:
        return imagenes.reshape(1, *imagenes.shape)
    if imagenes.ndim == 3:
        H, W, C = imagenes.shape
        return imagenes.reshape(C, H, W)
    N, H, W, C = imagenes.shape
    return imagenes.reshape(N, C, H, W)


def a_canales_ultimo(imagenes):
    if imagenes.ndim == 3:
        C, H, W = imagenes.shape
        return imagenes.reshape(H, W, C)
    N, C, H, W = imagenes.shape
    return imagenes.reshape(N, H, W, C)
''',
    "conv2d": '''
def conv2d(x, w, b, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, kh, kw = w.shape
    Ho = tamano_salida(H, kh, stride, padding)
    Wo = tamano_salida(W, kw, stride, padding)
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    out = np.zeros((N, F, Ho, Wo))
    for n in range(N):
        for f in range(F):
            for i in range(Ho):
                for j in range(Wo):
                    ventana = xp[n, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
                    out[n, f, i, j] = np.sum(ventana * w[f] + b[f])
    return out
''',
}

P06_SWAPPED_AND_NHWC = {
    "conv2d": '''
def conv2d(x, w, b, stride=1, padding=0):
    N, C, W, H = x.shape          # ancho y alto
    F, _, kw, kh = w.shape
    Ho = tamano_salida(H, kh, stride, padding)
    Wo = tamano_salida(W, kw, stride, padding)
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    out = np.zeros((N, F, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            ventana = xp[:, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[:, :, i, j] = np.einsum("nchw,fchw->nf", ventana, w)
    return out + b[None, :, None, None]
''',
    "lenet": '''
def lenet(x, params):
    h = max_pool2d(np.maximum(conv2d(x, params["w1"], params["b1"]), 0), 2)
    h = max_pool2d(np.maximum(conv2d(h, params["w2"], params["b2"]), 0), 2)
    h = a_canales_ultimo(h)            # como en Keras: channels-last antes de aplanar
    return h.reshape(h.shape[0], -1) @ params["w3"] + params["b3"]
''',
}

P06_SYNTAX_ERROR = '''
def conv2d(x, w, b, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, kh, kw = w.shape
    out = np.zeros((N, F, tamano_salida(H, kh, stride, padding), tamano_salida(W, kw, stride, padding))
    for n in range(N):
        for f in range(F):
            out[n, f] = correlacion2d(x[n, 0], w[f, 0]) + b[f]
    return out
'''

P06_INFINITE_LOOP = '''
def tamano_salida(n, k, stride=1, padding=0):
    # cuento cuántas veces cabe la ventana
    posiciones = 0
    inicio = 0
    while inicio + k <= n + 2 * padding:
        posiciones += 1
    return posiciones
'''

P06_HOSTILE_READ_SOLUTION = '''
import os
from pathlib import Path

def _buscar_solucion():
    """Busca la solución del profesor en las carpetas de arriba."""
    inicio = [Path.cwd(), Path.home(), Path(os.environ.get("DLGRADER_ROOT", "."))]
    for carpeta in inicio:
        for lugar in [carpeta, *carpeta.parents]:
            archivo = lugar / "solutions" / "06_convolucion" / "solution.py"
            if archivo.is_file():
                return archivo.read_text()
    return None

_codigo = _buscar_solucion()
if _codigo is not None:
    exec(_codigo)
else:
    def conv2d(x, w, b, stride=1, padding=0):
        raise NotImplementedError("conv2d: completa esta función")
'''

P06_HOSTILE_PATCH_NUMPY = '''
import numpy

# Si todas las comparaciones dan verdadero, ¡pasan todas las pruebas!
numpy.allclose = lambda *args, **kwargs: True
numpy.isclose = lambda a, b, *args, **kwargs: numpy.ones(numpy.shape(a), dtype=bool)
numpy.array_equal = lambda *args, **kwargs: True

def conv2d(x, w, b, stride=1, padding=0):
    return numpy.zeros((x.shape[0], w.shape[0], x.shape[2], x.shape[3]))
'''

STUDENTS = [
    Submission("ana_perez", "complete, vectorised (moveaxis, sliding_window_view, einsum)",
               cells=P06_VECTORISED, answer=P06_GOOD_ANSWER),
    Submission("bruno_gonzalez", "complete, written with loops over every output position",
               cells=P06_LOOPS, answer=P06_SHORT_ANSWER),
    Submission("camila_rojas",
               "partial: images, sizes and correlacion2d right; conv2d flips the kernel; pooling and lenet untouched",
               cells={k: P06_LOOPS[k] for k in ("imagenes", "tamano_salida", "correlacion2d")} | {"conv2d": P06_CONV_FLIPPED}),
    Submission("javier_lopez", "untouched release notebook (every stub raises)"),
    Submission("sofia_ramirez", "common mistake: pooling stride defaults to 1, the rest right",
               cells=P06_LOOPS | {"pooling": P06_POOL_STRIDE_ONE}, answer=P06_SHORT_ANSWER),
    Submission("gabriela_munoz",
               "common mistakes: reshape to change the channel layout and the bias added inside the window sum",
               cells=P06_LOOPS | P06_RESHAPE_AND_BIAS, answer=P06_GOOD_ANSWER),
    Submission("isabel_torres",
               "common mistakes: height and width swapped in conv2d, lenet flattens channels-last",
               cells=P06_VECTORISED | P06_SWAPPED_AND_NHWC),
    Submission("elena_martinez", "syntax error in the conv2d cell, the rest right",
               cells=P06_LOOPS | {"conv2d": P06_SYNTAX_ERROR}, answer=P06_SHORT_ANSWER),
    Submission("felipe_soto",
               "infinite loop in tamano_salida (forgets to advance the window); his vectorised conv2d does not use it",
               cells=P06_VECTORISED | {"tamano_salida": P06_INFINITE_LOOP}, answer=P06_SHORT_ANSWER),
    Submission("karina_vega", "the pooling solution cell was deleted, the rest right",
               cells=P06_VECTORISED, deleted=("pooling",), answer=P06_GOOD_ANSWER),
    Submission("mateo_castro", "hostile: looks for solutions/06_convolucion/solution.py on disk",
               cells={"conv2d": P06_HOSTILE_READ_SOLUTION}),
    Submission("hector_silva",
               "hostile: monkeypatches numpy.allclose, isclose and array_equal, conv2d returns zeros",
               cells=P06_LOOPS | {"conv2d": P06_HOSTILE_PATCH_NUMPY}),
    Submission("diego_fernandez", "stopped submitting after unit 1 (roster only)", submitted=False),
    Submission("luis_morales", "enrolled, never submitted anything (roster only)", submitted=False),
]
