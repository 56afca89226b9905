# target: seleccion_validacion, seleccion_curso
# why: reports the accuracies as percentages (0 to 100) instead of fractions (0 to 1)
# why_es: informa las exactitudes como porcentajes (0 a 100) en vez de fracciones (0 a 1)
# %% [seleccion]
def seleccionar(crear_modelo, X_ent, y_ent, X_pru, y_pru, tasas, frac_val=0.2, semilla=0, epocas=5, tam_lote=32):
    """Elige la tasa de aprendizaje con validación separada del entrenamiento; prueba se mide una sola vez al final."""
    n_clases = int(np.max(y_ent)) + 1
    X_sub, X_val, y_sub, y_val = dividir(X_ent, y_ent, frac_prueba=frac_val, semilla=semilla)
    validacion = []
    for lr in tasas:
        modelo = crear_modelo()
        entrenar(modelo, X_sub, y_sub, "adam", lr, tam_lote, epocas, semilla)
        validacion.append(evaluar(modelo, X_val, y_val, n_clases)["exactitud"])
    elegida = tasas[int(np.argmax(validacion))]
    modelo = crear_modelo()
    entrenar(modelo, X_ent, y_ent, optimizador="adam", lr=elegida, tam_lote=tam_lote, epocas=epocas, semilla=semilla)
    prueba = evaluar(modelo, X_pru, y_pru, n_clases)["exactitud"]
    return {"elegida": float(elegida), "validacion": [100 * float(v) for v in validacion], "prueba": 100 * float(prueba)}
