# target: normalizar_opcion, normalizar_valor
# why: answers the option's position as a number (0-based) instead of its letter
# why_es: responde la posición de la opción como número (desde 0) en vez de su letra
# %% [normalizar]
opciones = variante("09_prueba_unidad1", USUARIO)["normalizar"]["opciones"]
RESPUESTA_6 = opciones.index("escala")
