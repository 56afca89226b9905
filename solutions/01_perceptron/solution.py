"""Reference solution of assignment 01 (perceptron): one percent-format section per solution cell."""

import numpy as np

# %% [escalon]
def escalon(z):
    """Función escalón: 1 donde z > 0 y 0 donde z <= 0 (enteros, misma forma que z)."""
    return np.where(np.asarray(z) > 0, 1, 0)

# %% [neurona]
def neurona(x, w, b):
    """Salida del perceptrón: escalon(x·w + b); x de forma (d,) o (n, d)."""
    return escalon(np.dot(x, w) + b)

# %% [entrenar_perceptron]
def entrenar_perceptron(X, y, lr, epocas, w0, b0):
    """Regla del perceptrón, ejemplo a ejemplo y en orden; errores contados antes de cada actualización."""
    w = np.array(w0, dtype=float)
    b = float(b0)
    errores = []
    for _ in range(epocas):
        fallos = 0
        for xi, di in zip(X, y):
            error = di - neurona(xi, w, b)
            if error != 0:
                fallos += 1
                w = w + lr * error * xi
                b = b + lr * error
        errores.append(fallos)
    return w, b, errores

# %% [red_xor]
def red_xor(X):
    """XOR con tres neuronas del curso: OR (1, 1, -0.5), AND (1, 1, -1.5) y salida (1, -1.5, -0.5)."""
    h_or = neurona(X, np.array([1.0, 1.0]), -0.5)
    h_and = neurona(X, np.array([1.0, 1.0]), -1.5)
    H = np.stack([h_or, h_and], axis=-1)
    return neurona(H, np.array([1.0, -1.5]), -0.5)
