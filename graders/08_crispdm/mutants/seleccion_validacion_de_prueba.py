# target: seleccion_sin_prueba, seleccion_validacion
# why: carves the validation part out of the test set instead of the training set
# why_es: saca la parte de validación del conjunto de prueba en vez del de entrenamiento
# %% [seleccion]
def seleccionar(crear_modelo, X_ent, y_ent, X_pru, y_pru, tasas, frac_val=0.2, semilla=0, epocas=5, tam_lote=32):
    n_clases = int(np.max(y_ent)) + 1
    _, X_val, _, y_val = dividir(X_pru, y_pru, 0.5, semilla)
    validacion = []
    for lr in tasas:
        modelo = crear_modelo()
        entrenar(modelo, X_ent, y_ent, optimizador="adam", lr=lr, tam_lote=tam_lote, epocas=epocas, semilla=semilla)
        validacion.append(evaluar(modelo, X_val, y_val, n_clases)["exactitud"])
    elegida = tasas[int(np.argmax(validacion))]
    modelo = crear_modelo()
    entrenar(modelo, X_ent, y_ent, optimizador="adam", lr=elegida, tam_lote=tam_lote, epocas=epocas, semilla=semilla)
    prueba = evaluar(modelo, X_pru, y_pru, n_clases)["exactitud"]
    return {"elegida": float(elegida), "validacion": [float(v) for v in validacion], "prueba": float(prueba)}
