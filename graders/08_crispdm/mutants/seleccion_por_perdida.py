# target: seleccion_curso, seleccion_sin_prueba, seleccion_validacion
# why: chooses the rate whose training loss is largest (argmax on the wrong list) instead of the best validation accuracy
# why_es: elige la tasa con la mayor pérdida de entrenamiento (argmax sobre la lista equivocada) en vez de la mejor exactitud de validación
# %% [seleccion]
def seleccionar(crear_modelo, X_ent, y_ent, X_pru, y_pru, tasas, frac_val=0.2, semilla=0, epocas=5, tam_lote=32):
    n_clases = int(np.max(y_ent)) + 1
    X_sub, X_val, y_sub, y_val = dividir(X_ent, y_ent, frac_val, semilla)
    validacion, perdidas = [], []
    for lr in tasas:
        modelo = crear_modelo()
        historial = entrenar(modelo, X_sub, y_sub, optimizador="adam", lr=lr, tam_lote=tam_lote, epocas=epocas,
                             semilla=semilla)
        perdidas.append(historial["perdida"][-1])
        validacion.append(evaluar(modelo, X_val, y_val, n_clases)["exactitud"])
    elegida = tasas[int(np.argmax(perdidas))]
    modelo = crear_modelo()
    entrenar(modelo, X_ent, y_ent, optimizador="adam", lr=elegida, tam_lote=tam_lote, epocas=epocas, semilla=semilla)
    prueba = evaluar(modelo, X_pru, y_pru, n_clases)["exactitud"]
    return {"elegida": float(elegida), "validacion": [float(v) for v in validacion], "prueba": float(prueba)}
