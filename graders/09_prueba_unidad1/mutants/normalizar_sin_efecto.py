# target: normalizar_valor
# why: chooses "no effect: the weights compensate the scale"
# %% [normalizar]
opciones = variante("09_prueba_unidad1", USUARIO)["normalizar"]["opciones"]
RESPUESTA_6 = "abcd"[opciones.index("nada")]
