# target: compuertas_valor
# why: believes a single perceptron learns every gate, XOR and XNOR included
# %% [compuertas]
RESPUESTA_5 = list(variante("09_prueba_unidad1", USUARIO)["compuertas"]["nombres"])
