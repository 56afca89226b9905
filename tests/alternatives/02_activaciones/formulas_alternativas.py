# Alternative correct implementation: other formulas for the same functions (tanh-based sigmoid,
# log-sum-exp softmax, indexing for the categorical cross-entropy, np.ptp and an explicit deviation).
# %% [sigmoide]
def sigmoide(x):
    # σ(x) = (1 + tanh(x/2)) / 2: np.tanh never overflows
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(x, dtype=float)))


def derivada_sigmoide(x):
    s = sigmoide(x)
    return s - s * s

# %% [tanh_]
def tanh_(x):
    # tanh(x) = 2σ(2x) - 1, with a stable sigmoid written in terms of e^(-|2x|)
    x = np.asarray(x, dtype=float)
    e = np.exp(-2.0 * np.abs(x))
    return np.sign(x) * (1.0 - e) / (1.0 + e)


def derivada_tanh(x):
    t = tanh_(x)
    return (1.0 - t) * (1.0 + t)

# %% [relu]
def relu(x):
    x = np.asarray(x, dtype=float)
    return x * (x > 0)


def derivada_relu(x):
    return np.heaviside(np.asarray(x, dtype=float), 0.0)


def leaky_relu(x, alfa=0.1):
    x = np.asarray(x, dtype=float)
    return np.maximum(alfa * x, x)


def derivada_leaky_relu(x, alfa=0.1):
    x = np.asarray(x, dtype=float)
    return alfa + (1.0 - alfa) * (x > 0)

# %% [elu]
def elu(x, alfa=1.0):
    x = np.asarray(x, dtype=float)
    negativo = np.minimum(x, 0.0)
    return np.maximum(x, 0.0) + alfa * (np.exp(negativo) - 1.0)


def derivada_elu(x, alfa=1.0):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, 1.0, elu(x, alfa) + alfa)

# %% [softmax]
def softmax(z, eje=-1):
    z = np.asarray(z, dtype=float)
    m = z.max(axis=eje, keepdims=True)
    log_suma = m + np.log(np.exp(z - m).sum(axis=eje, keepdims=True))
    return np.exp(z - log_suma)

# %% [mse]
def mse(y_real, y_pred):
    d = np.subtract(y_pred, y_real, dtype=float)
    return np.square(d).sum() / d.size

# %% [entropia_cruzada_binaria]
def entropia_cruzada_binaria(y_real, p_pred):
    y = np.asarray(y_real, dtype=float)
    p = np.minimum(np.maximum(np.asarray(p_pred, dtype=float), EPS), 1.0 - EPS)
    return -np.average(y * np.log(p) + (1.0 - y) * np.log1p(-p))

# %% [entropia_cruzada_categorica]
def entropia_cruzada_categorica(Y_real, P_pred):
    Y = np.asarray(Y_real)
    P = np.asarray(P_pred, dtype=float)
    clases = np.argmax(Y, axis=1)
    p_correcta = P[np.arange(len(P)), clases]
    return -np.mean(np.log(np.maximum(p_correcta, EPS)))

# %% [minmax]
def ajustar_minmax(X_train):
    X = np.array(X_train, dtype=float)
    X.sort(axis=0)
    return X[0], X[-1]


def aplicar_minmax(X, minimo, maximo):
    rango = np.subtract(maximo, minimo)
    rango[rango == 0] = 1.0
    return (np.asarray(X) - minimo) / rango

# %% [zscore]
def ajustar_zscore(X_train):
    X = np.asarray(X_train, dtype=float)
    media = X.sum(axis=0) / X.shape[0]
    desv = np.sqrt(((X - media) ** 2).sum(axis=0) / X.shape[0])
    desv[np.ptp(X, axis=0) == 0] = 0.0
    return media, desv


def aplicar_zscore(X, media, desv):
    escala = np.array(desv, dtype=float)
    escala[escala == 0] = 1.0
    return (np.asarray(X, dtype=float) - np.asarray(media)) / escala
