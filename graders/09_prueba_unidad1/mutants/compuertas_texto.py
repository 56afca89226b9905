# target: compuertas_opciones, compuertas_valor
# why: answers one text "AND, OR" instead of a list of names
# why_es: responde un solo texto "AND, OR" en vez de una lista de nombres
# %% [compuertas]
nombres = variante("09_prueba_unidad1", USUARIO)["compuertas"]["nombres"]
RESPUESTA_5 = ", ".join(g for g in nombres if g not in ("XOR", "XNOR"))
