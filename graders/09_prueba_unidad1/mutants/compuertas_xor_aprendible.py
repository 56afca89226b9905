# target: compuertas_valor
# why: believes a single perceptron learns every gate, XOR and XNOR included
# why_es: cree que un solo perceptrón aprende todas las compuertas, XOR y XNOR incluidas
# %% [compuertas]
RESPUESTA_5 = list(variante("09_prueba_unidad1", USUARIO)["compuertas"]["nombres"])
