"""Alternative correct solution: NumPy vectorised, augmented weights for training. Must get full marks."""

import numpy as np

# %% [escalon]
def escalon(z):
    """Comparación vectorizada convertida a int64."""
    return (np.asarray(z) > 0).astype(np.int64)

# %% [neurona]
def neurona(x, w, b):
    """Un producto matricial sirve para una entrada (d,) y para un lote (n, d)."""
    return escalon(np.asarray(x) @ np.asarray(w) + b)

# %% [entrenar_perceptron]
def entrenar_perceptron(X, y, lr, epocas, w0, b0):
    """Sesgo como peso extra de una entrada constante 1: theta = [w, b] y x_aumentado = [x, 1]."""
    X_aum = np.hstack([np.asarray(X, dtype=float), np.ones((len(X), 1))])
    theta = np.append(np.asarray(w0, dtype=float), b0)
    errores = np.zeros(epocas, dtype=np.int64)
    for epoca in range(epocas):
        for x_aum, deseada in zip(X_aum, y):
            error = deseada - neurona(x_aum, theta, 0.0)
            theta += lr * error * x_aum
            errores[epoca] += error != 0
    return theta[:-1].copy(), float(theta[-1]), errores

# %% [red_xor]
def red_xor(X):
    """Capa oculta OR/AND en una sola llamada (pesos como columnas) y la neurona de salida."""
    W_oculta = np.array([[1.0, 1.0], [1.0, 1.0]])  # columna 0: OR, columna 1: AND
    b_oculta = np.array([-0.5, -1.5])
    H = neurona(X, W_oculta, b_oculta)             # forma (n, 2): I1, I2
    return neurona(H, np.array([1.0, -1.5]), -0.5)
