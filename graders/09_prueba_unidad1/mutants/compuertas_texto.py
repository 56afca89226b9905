# target: compuertas_opciones, compuertas_valor
# why: answers one text "AND, OR" instead of a list of names
# %% [compuertas]
nombres = variante("09_prueba_unidad1", USUARIO)["compuertas"]["nombres"]
RESPUESTA_5 = ", ".join(g for g in nombres if g not in ("XOR", "XNOR"))
