# target: epocas_valor
# why: counts the iterations of one epoch only, not of the whole training
# why_es: cuenta las iteraciones de una sola época, no de todo el entrenamiento
# %% [epocas]
v = variante("09_prueba_unidad1", USUARIO)["epocas"]
RESPUESTA_7 = math.ceil(v["n"] / v["lote"])
