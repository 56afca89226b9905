# Alternative correct implementation: element by element with the math module and explicit loops.
# %% [sigmoide]
import math


def _por_elemento(f, x):
    """Apply a scalar function to a number or to every element of an array."""
    if np.ndim(x) == 0:
        valor = f(float(x))
        return valor if not isinstance(x, np.ndarray) else np.array(valor)
    x = np.asarray(x, dtype=float)
    salida = np.empty(x.shape)
    for posicion in np.ndindex(x.shape):
        salida[posicion] = f(float(x[posicion]))
    return salida


def _sigma(v):
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    e = math.exp(v)
    return e / (1.0 + e)


def sigmoide(x):
    return _por_elemento(_sigma, x)


def derivada_sigmoide(x):
    return _por_elemento(lambda v: _sigma(v) * (1.0 - _sigma(v)), x)

# %% [tanh_]
def tanh_(x):
    return _por_elemento(math.tanh, x)


def derivada_tanh(x):
    return _por_elemento(lambda v: 1.0 - math.tanh(v) ** 2, x)

# %% [relu]
def relu(x):
    return _por_elemento(lambda v: v if v > 0 else 0.0, x)


def derivada_relu(x):
    return _por_elemento(lambda v: 1.0 if v > 0 else 0.0, x)


def leaky_relu(x, alfa=0.1):
    return _por_elemento(lambda v: v if v > 0 else alfa * v, x)


def derivada_leaky_relu(x, alfa=0.1):
    return _por_elemento(lambda v: 1.0 if v > 0 else alfa, x)

# %% [elu]
def elu(x, alfa=1.0):
    return _por_elemento(lambda v: v if v >= 0 else alfa * math.expm1(v), x)


def derivada_elu(x, alfa=1.0):
    return _por_elemento(lambda v: 1.0 if v > 0 else alfa * math.exp(v), x)

# %% [softmax]
def softmax(z, eje=-1):
    z = np.asarray(z, dtype=float)
    movido = np.moveaxis(z, eje, -1)
    salida = np.empty(movido.shape)
    for posicion in np.ndindex(movido.shape[:-1]):
        fila = movido[posicion]
        maximo = max(fila)
        exps = [math.exp(v - maximo) for v in fila]
        total = sum(exps)
        salida[posicion] = [e / total for e in exps]
    return np.moveaxis(salida, -1, eje)

# %% [mse]
def mse(y_real, y_pred):
    a = np.ravel(y_real)
    b = np.ravel(y_pred)
    total = 0.0
    for ai, bi in zip(a, b):
        total += (float(ai) - float(bi)) ** 2
    return total / len(a)

# %% [entropia_cruzada_binaria]
def entropia_cruzada_binaria(y_real, p_pred):
    total = 0.0
    ys = np.ravel(y_real)
    ps = np.ravel(p_pred)
    for y, p in zip(ys, ps):
        p = min(max(float(p), EPS), 1.0 - EPS)
        total += y * math.log(p) + (1.0 - y) * math.log(1.0 - p)
    return -total / len(ys)

# %% [entropia_cruzada_categorica]
def entropia_cruzada_categorica(Y_real, P_pred):
    total = 0.0
    for fila_y, fila_p in zip(Y_real, P_pred):
        for y, p in zip(fila_y, fila_p):
            if y != 0:
                total += y * math.log(max(float(p), EPS))
    return -total / len(Y_real)

# %% [minmax]
def ajustar_minmax(X_train):
    columnas = np.asarray(X_train, dtype=float).T
    return np.array([min(c) for c in columnas]), np.array([max(c) for c in columnas])


def aplicar_minmax(X, minimo, maximo):
    X = np.asarray(X, dtype=float)
    salida = np.empty(X.shape)
    for i in range(X.shape[0]):
        for j in range(X.shape[1]):
            rango = maximo[j] - minimo[j]
            salida[i, j] = (X[i, j] - minimo[j]) / (rango if rango != 0 else 1.0)
    return salida

# %% [zscore]
def ajustar_zscore(X_train):
    X = np.asarray(X_train, dtype=float)
    n, d = X.shape
    media = np.zeros(d)
    desv = np.zeros(d)
    for j in range(d):
        media[j] = math.fsum(X[:, j]) / n
        if max(X[:, j]) != min(X[:, j]):  # una columna constante queda con desviación 0 exacta
            desv[j] = math.sqrt(math.fsum((v - media[j]) ** 2 for v in X[:, j]) / n)
    return media, desv


def aplicar_zscore(X, media, desv):
    X = np.asarray(X, dtype=float)
    salida = np.empty(X.shape)
    for i in range(X.shape[0]):
        for j in range(X.shape[1]):
            escala = desv[j] if desv[j] != 0 else 1.0
            salida[i, j] = (X[i, j] - media[j]) / escala
    return salida
