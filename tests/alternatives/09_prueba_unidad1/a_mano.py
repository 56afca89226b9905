"""A correct quiz typed by hand: literal answers for this harness id (variant of "alternative_a_mano"), rounded.

Generated once from dlgrader.content.quiz.variante; the harness types USUARIO = "alternative_a_mano" in the cell usuario.
"""

# %% [usuario]
USUARIO = "alternative_a_mano"

# %% [producto]
RESPUESTA_1 = np.array([[-18, -20, -8], [-9, 5, 2], [24, -10, -4]])

# %% [parametros]
RESPUESTA_2 = 592579

# %% [iteraciones]
RESPUESTA_3 = [21000, 1313, 6]

# %% [convolucion]
RESPUESTA_4 = (16, 31)

# %% [compuertas]
RESPUESTA_5 = ['AND', 'OR', 'NAND']

# %% [normalizar]
RESPUESTA_6 = "C"

# %% [epocas]
RESPUESTA_7 = 10 * 610

# %% [minmax]
RESPUESTA_8 = [0.0, 1.0, 0.204, 0.593, 0.667]
