# target: entrenar_correctos, entrenar_no_muta, entrenar_escala_lr, entrenar_pesos
# why: returns the initial weights and a history of zeros without training (passes shape checks only)
# why_es: devuelve los pesos iniciales y un historial de ceros sin entrenar (solo pasa las pruebas de forma)
# %% [entrenar_perceptron]
def entrenar_perceptron(X, y, lr, epocas, w0, b0):
    return np.array(w0, dtype=float), float(b0), [0] * epocas
