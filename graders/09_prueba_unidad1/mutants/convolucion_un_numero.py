# target: convolucion_forma, convolucion_valor
# why: answers a single number (the height) instead of the pair (alto, ancho)
# %% [convolucion]
v = variante("09_prueba_unidad1", USUARIO)["convolucion"]
RESPUESTA_4 = (v["alto"] + 2 * v["padding"] - v["kernel"]) // v["stride"] + 1
