# target: seleccion_sin_prueba, seleccion_validacion
# why: chooses the learning rate by its accuracy on the test set (the test set leaks into model selection)
# why_es: elige la tasa de aprendizaje por su exactitud en el conjunto de prueba (la prueba se filtra a la selección del modelo)
# %% [seleccion]
def seleccionar(crear_modelo, X_ent, y_ent, X_pru, y_pru, tasas, frac_val=0.2, semilla=0, epocas=5, tam_lote=32):
    n_clases = int(np.max(y_ent)) + 1
    puntajes = []
    for lr in tasas:
        modelo = crear_modelo()
        entrenar(modelo, X_ent, y_ent, optimizador="adam", lr=lr, tam_lote=tam_lote, epocas=epocas, semilla=semilla)
        puntajes.append(evaluar(modelo, X_pru, y_pru, n_clases)["exactitud"])
    mejor = int(np.argmax(puntajes))
    return {"elegida": float(tasas[mejor]), "validacion": [float(p) for p in puntajes], "prueba": float(puntajes[mejor])}
