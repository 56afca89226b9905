# target: parametros_entero, parametros_valor
# why: writes the count with a thousands separator, 843.562 (a float 843.562, not 843562)
# why_es: escribe el conteo con separador de miles, 843.562 (el real 843.562, no 843562)
# %% [parametros]
capas = variante("09_prueba_unidad1", USUARIO)["parametros"]["capas"]
RESPUESTA_2 = sum(n_in * n_out + n_out for n_in, n_out in zip(capas[:-1], capas[1:])) / 1000
