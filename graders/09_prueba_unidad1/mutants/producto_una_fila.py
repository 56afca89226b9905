# target: producto_forma, producto_valor
# why: computes only the first row of the product, as the slide's first step shows
# why_es: calcula solo la primera fila del producto, como muestra el primer paso de la diapositiva
# %% [producto]
v = variante("09_prueba_unidad1", USUARIO)["producto"]
RESPUESTA_1 = (np.array(v["A"]) @ np.array(v["B"]))[0]
