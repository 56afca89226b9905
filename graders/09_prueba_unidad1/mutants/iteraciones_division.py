# target: iteraciones_enteros, iteraciones_valor
# why: divides without rounding (937.5 iterations)
# why_es: divide sin redondear (937.5 iteraciones)
# %% [iteraciones]
v = variante("09_prueba_unidad1", USUARIO)["iteraciones"]
RESPUESTA_3 = [v["n"] / lote for lote in v["lotes"]]
