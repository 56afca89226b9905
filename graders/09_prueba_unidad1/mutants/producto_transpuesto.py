# target: producto_valor
# why: multiplies in the wrong order, giving the transpose of A·B (or columns times rows)
# %% [producto]
v = variante("09_prueba_unidad1", USUARIO)["producto"]
RESPUESTA_1 = np.array(v["B"]).T @ np.array(v["A"]).T
