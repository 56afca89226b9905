# target: epocas_entero, epocas_valor
# why: answers the pair [epochs, iterations per epoch] instead of the total number of iterations
# why_es: responde el par [épocas, iteraciones por época] en vez del total de iteraciones
# %% [epocas]
v = variante("09_prueba_unidad1", USUARIO)["epocas"]
RESPUESTA_7 = [v["epocas"], math.ceil(v["n"] / v["lote"])]
