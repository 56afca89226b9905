# target: producto_valor
# why: multiplies in the wrong order, giving the transpose of A·B (or columns times rows)
# why_es: multiplica en el orden equivocado y obtiene la traspuesta de A·B (o columnas por filas)
# %% [producto]
v = variante("09_prueba_unidad1", USUARIO)["producto"]
RESPUESTA_1 = np.array(v["B"]).T @ np.array(v["A"]).T
