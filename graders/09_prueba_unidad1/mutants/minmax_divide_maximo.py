# target: minmax_valor
# why: divides by the maximum without subtracting the minimum
# why_es: divide por el máximo sin restar el mínimo
# %% [minmax]
x = np.array(variante("09_prueba_unidad1", USUARIO)["minmax"]["x"])
RESPUESTA_8 = x / x.max()
