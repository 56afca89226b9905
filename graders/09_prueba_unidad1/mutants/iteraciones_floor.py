# target: iteraciones_valor
# why: integer division drops the last partial batch (937 instead of 938 in the course's example)
# why_es: la división entera pierde el último lote parcial (937 en vez de 938 en el ejemplo del curso)
# %% [iteraciones]
v = variante("09_prueba_unidad1", USUARIO)["iteraciones"]
RESPUESTA_3 = [v["n"] // lote for lote in v["lotes"]]
