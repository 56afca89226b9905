# target: epocas_valor
# why: takes epochs for iterations (answers the number of epochs)
# why_es: confunde épocas con iteraciones (responde el número de épocas)
# %% [epocas]
RESPUESTA_7 = variante("09_prueba_unidad1", USUARIO)["epocas"]["epocas"]
