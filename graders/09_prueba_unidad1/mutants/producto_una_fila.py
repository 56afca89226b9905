# target: producto_forma, producto_valor
# why: computes only the first row of the product, as the slide's first step shows
# %% [producto]
v = variante("09_prueba_unidad1", USUARIO)["producto"]
RESPUESTA_1 = (np.array(v["A"]) @ np.array(v["B"]))[0]
