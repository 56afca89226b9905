# target: convolucion_valor
# why: ignores the padding
# why_es: ignora el padding
# %% [convolucion]
v = variante("09_prueba_unidad1", USUARIO)["convolucion"]
RESPUESTA_4 = tuple((lado - v["kernel"]) // v["stride"] + 1 for lado in (v["alto"], v["ancho"]))
