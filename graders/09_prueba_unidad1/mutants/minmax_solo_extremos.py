# target: minmax_forma, minmax_valor
# why: answers only the range [min, max] of x instead of the five normalised values
# why_es: responde solo el rango [mín, máx] de x en vez de los cinco valores normalizados
# %% [minmax]
x = np.array(variante("09_prueba_unidad1", USUARIO)["minmax"]["x"])
RESPUESTA_8 = [x.min(), x.max()]
