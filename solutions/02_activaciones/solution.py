"""Reference solution of assignment 02 (activations, softmax, losses, normalisation).

One percent-format section per solution cell. The notebook's locked first cell defines
``EPS = 1e-12``, the clipping constant of both cross-entropies; it is repeated here so the
module also runs alone.
"""

import numpy as np

EPS = 1e-12

# %% [sigmoide]
def sigmoide(x):
    """σ(x) = 1 / (1 + e^(-x)), estable: la exponencial solo recibe números <= 0."""
    x = np.asarray(x, dtype=float)
    e = np.exp(-np.abs(x))  # en (0, 1]: nunca se desborda
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def derivada_sigmoide(x):
    """σ'(x) = σ(x)(1 - σ(x)); recibe la entrada x (no la salida σ(x))."""
    s = sigmoide(x)
    return s * (1.0 - s)

# %% [tanh_]
def tanh_(x):
    """Tangente hiperbólica elemento a elemento."""
    return np.tanh(np.asarray(x, dtype=float))


def derivada_tanh(x):
    """tanh'(x) = 1 - tanh(x)^2; recibe la entrada x."""
    t = tanh_(x)
    return 1.0 - t * t

# %% [relu]
def relu(x):
    """max(0, x) elemento a elemento."""
    return np.maximum(np.asarray(x, dtype=float), 0.0)


def derivada_relu(x):
    """1 donde x > 0 y 0 donde x <= 0 (también en x = 0)."""
    return np.where(np.asarray(x, dtype=float) > 0, 1.0, 0.0)


def leaky_relu(x, alfa=0.1):
    """x donde x > 0 y alfa·x donde x <= 0 (el curso usa alfa = 0.1)."""
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, alfa * x)


def derivada_leaky_relu(x, alfa=0.1):
    """1 donde x > 0 y alfa donde x <= 0 (también en x = 0)."""
    return np.where(np.asarray(x, dtype=float) > 0, 1.0, float(alfa))

# %% [elu]
def elu(x, alfa=1.0):
    """x donde x > 0 y alfa·(e^x - 1) donde x <= 0; la exponencial solo ve números <= 0."""
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, alfa * np.expm1(np.minimum(x, 0.0)))


def derivada_elu(x, alfa=1.0):
    """1 donde x > 0 y alfa·e^x donde x <= 0 (también en x = 0)."""
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, 1.0, alfa * np.exp(np.minimum(x, 0.0)))

# %% [softmax]
def softmax(z, eje=-1):
    """e^z / suma de e^z a lo largo de eje, restando antes el máximo de ese eje."""
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=eje, keepdims=True))
    return e / np.sum(e, axis=eje, keepdims=True)

# %% [mse]
def mse(y_real, y_pred):
    """Error cuadrático medio: promedio de (y_real - y_pred)^2 sobre todos los elementos."""
    diferencia = np.asarray(y_real, dtype=float) - np.asarray(y_pred, dtype=float)
    return float(np.mean(diferencia ** 2))

# %% [entropia_cruzada_binaria]
def entropia_cruzada_binaria(y_real, p_pred):
    """-promedio de y·log(p) + (1 - y)·log(1 - p), con p recortada a [EPS, 1 - EPS]."""
    y = np.asarray(y_real, dtype=float)
    p = np.clip(np.asarray(p_pred, dtype=float), EPS, 1.0 - EPS)
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))

# %% [entropia_cruzada_categorica]
def entropia_cruzada_categorica(Y_real, P_pred):
    """-promedio sobre los ejemplos de la suma de Y·log(P), con P recortada a [EPS, 1]."""
    Y = np.asarray(Y_real, dtype=float)
    P = np.clip(np.asarray(P_pred, dtype=float), EPS, 1.0)
    return float(-np.mean(np.sum(Y * np.log(P), axis=-1)))

# %% [minmax]
def ajustar_minmax(X_train):
    """Mínimo y máximo de cada columna de X_train, forma (d,) cada uno."""
    X = np.asarray(X_train, dtype=float)
    return X.min(axis=0), X.max(axis=0)


def aplicar_minmax(X, minimo, maximo):
    """(X - minimo) / (maximo - minimo) columna a columna; un rango 0 se reemplaza por 1."""
    X = np.asarray(X, dtype=float)
    rango = np.asarray(maximo, dtype=float) - np.asarray(minimo, dtype=float)
    rango = np.where(rango == 0, 1.0, rango)
    return (X - minimo) / rango

# %% [zscore]
def ajustar_zscore(X_train):
    """Media y desviación estándar poblacional (ddof = 0) de cada columna; exactamente 0 si la columna es constante."""
    X = np.asarray(X_train, dtype=float)
    constante = X.max(axis=0) == X.min(axis=0)  # np.std de valores iguales puede dar 1e-17 en vez de 0
    return X.mean(axis=0), np.where(constante, 0.0, X.std(axis=0))


def aplicar_zscore(X, media, desv):
    """(X - media) / desv columna a columna; una desviación 0 se reemplaza por 1."""
    X = np.asarray(X, dtype=float)
    desv = np.asarray(desv, dtype=float)
    desv = np.where(desv == 0, 1.0, desv)
    return (X - media) / desv
