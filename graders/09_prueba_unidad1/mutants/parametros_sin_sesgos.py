# target: parametros_valor
# why: counts the weights of each layer but forgets the biases (one per neuron)
# why_es: cuenta los pesos de cada capa pero olvida los sesgos (uno por neurona)
# %% [parametros]
capas = variante("09_prueba_unidad1", USUARIO)["parametros"]["capas"]
RESPUESTA_2 = sum(n_in * n_out for n_in, n_out in zip(capas[:-1], capas[1:]))
