# target: minmax_valor
# why: standardises (z-score) instead of min-max normalising
# why_es: estandariza (z-score) en vez de normalizar min-max
# %% [minmax]
x = np.array(variante("09_prueba_unidad1", USUARIO)["minmax"]["x"])
RESPUESTA_8 = (x - x.mean()) / x.std()
