"""Alternative correct solution: plain Python loops, no vectorisation. Must get full marks."""

import numpy as np

# %% [escalon]
def escalon(z):
    """Recorre cada elemento con np.ndindex; para un número devuelve un int de Python."""
    valores = np.asarray(z, dtype=float)
    salida = np.zeros(valores.shape, dtype=int)
    for indice in np.ndindex(valores.shape):
        if valores[indice] > 0:
            salida[indice] = 1
        else:
            salida[indice] = 0
    if salida.ndim == 0:
        return int(salida)
    return salida

# %% [neurona]
def neurona(x, w, b):
    """Suma ponderada con un ciclo; un lote se resuelve fila por fila."""
    x = np.asarray(x, dtype=float)
    if x.ndim == 1:
        suma = b
        for j in range(len(w)):
            suma = suma + w[j] * x[j]
        return escalon(suma)
    salidas = []
    for fila in x:
        salidas.append(neurona(fila, w, b))
    return np.array(salidas, dtype=int)

# %% [entrenar_perceptron]
def entrenar_perceptron(X, y, lr, epocas, w0, b0):
    """Pesos en una lista de Python, actualizados componente a componente."""
    w = [float(v) for v in w0]
    b = float(b0)
    errores = []
    for epoca in range(epocas):
        fallos = 0
        for i in range(len(X)):
            prediccion = neurona(X[i], w, b)
            error = int(y[i]) - prediccion
            if error != 0:
                fallos = fallos + 1
                for j in range(len(w)):
                    w[j] = w[j] + lr * error * float(X[i][j])
                b = b + lr * error
        errores.append(fallos)
    return np.array(w), b, errores

# %% [red_xor]
def red_xor(X):
    """Tres neuronas del curso, punto por punto."""
    salidas = []
    for punto in X:
        i1 = neurona(punto, [1.0, 1.0], -0.5)   # OR
        i2 = neurona(punto, [1.0, 1.0], -1.5)   # AND
        salidas.append(neurona(np.array([i1, i2]), [1.0, -1.5], -0.5))
    return np.array(salidas, dtype=int)
