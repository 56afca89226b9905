# target: convolucion_forma, convolucion_valor
# why: answers a single number (the height) instead of the pair (alto, ancho)
# why_es: responde un solo número (el alto) en vez del par (alto, ancho)
# %% [convolucion]
v = variante("09_prueba_unidad1", USUARIO)["convolucion"]
RESPUESTA_4 = (v["alto"] + 2 * v["padding"] - v["kernel"]) // v["stride"] + 1
