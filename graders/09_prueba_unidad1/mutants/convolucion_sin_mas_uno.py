# target: convolucion_valor
# why: n - k instead of n - k + 1 (forgets the kernel's first position)
# why_es: n - k en vez de n - k + 1 (olvida la primera posición del kernel)
# %% [convolucion]
v = variante("09_prueba_unidad1", USUARIO)["convolucion"]
RESPUESTA_4 = tuple((lado + 2 * v["padding"] - v["kernel"]) // v["stride"] for lado in (v["alto"], v["ancho"]))
