# target: normalizar_valor
# why: chooses "no effect: the weights compensate the scale"
# why_es: elige «sin efecto: los pesos compensan la escala»
# %% [normalizar]
opciones = variante("09_prueba_unidad1", USUARIO)["normalizar"]["opciones"]
RESPUESTA_6 = "abcd"[opciones.index("nada")]
