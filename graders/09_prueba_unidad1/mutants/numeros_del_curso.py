# target: producto_valor, parametros_valor, iteraciones_valor, epocas_valor, minmax_valor
# why: answers the course's own numbers (variant 0, USUARIO left empty while working) instead of their own variant
# why_es: responde con los números del curso (variante 0, USUARIO vacío al trabajar) en vez de los de su propia variante
# %% [producto]
RESPUESTA_1 = [[-14, 12, 11], [-2, 1, -6], [-8, 5, 4]]
# %% [parametros]
RESPUESTA_2 = 843562
# %% [iteraciones]
RESPUESTA_3 = [60000, 938, 30]
# %% [convolucion]
RESPUESTA_4 = (5, 5)
# %% [compuertas]
RESPUESTA_5 = ["AND", "OR"]
# %% [normalizar]
RESPUESTA_6 = "a"
# %% [epocas]
RESPUESTA_7 = 4690
# %% [minmax]
RESPUESTA_8 = [1.0, 0.6, 0.2, 0.0, 0.8]
