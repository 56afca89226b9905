"""Reference solution of assignment 09 (Unit 1 test): every answer computed FROM the variant, right for any id.

The cell "usuario" is rewritten to each student's id by the test harness; the locked cell "preguntas" of the
notebook defines PREGUNTAS = variante("09_prueba_unidad1", USUARIO), but each cell below draws its own copy so
that it does not depend on that cell.
"""

import math

import numpy as np

from dlgrader.content.quiz import variante

# %% [usuario]
USUARIO = "reference"

# %% [producto]
v = variante("09_prueba_unidad1", USUARIO)["producto"]
RESPUESTA_1 = np.array(v["A"]) @ np.array(v["B"])

# %% [parametros]
capas = variante("09_prueba_unidad1", USUARIO)["parametros"]["capas"]
RESPUESTA_2 = sum(n_in * n_out + n_out for n_in, n_out in zip(capas[:-1], capas[1:]))

# %% [iteraciones]
v = variante("09_prueba_unidad1", USUARIO)["iteraciones"]
RESPUESTA_3 = [math.ceil(v["n"] / lote) for lote in v["lotes"]]

# %% [convolucion]
v = variante("09_prueba_unidad1", USUARIO)["convolucion"]
RESPUESTA_4 = tuple((lado + 2 * v["padding"] - v["kernel"]) // v["stride"] + 1 for lado in (v["alto"], v["ancho"]))

# %% [compuertas]
# Linearly separable gates (a single perceptron learns them): all but XOR and XNOR.
nombres = variante("09_prueba_unidad1", USUARIO)["compuertas"]["nombres"]
RESPUESTA_5 = [g for g in nombres if g not in ("XOR", "XNOR")]

# %% [normalizar]
opciones = variante("09_prueba_unidad1", USUARIO)["normalizar"]["opciones"]
RESPUESTA_6 = "abcd"[opciones.index("escala")]

# %% [epocas]
v = variante("09_prueba_unidad1", USUARIO)["epocas"]
RESPUESTA_7 = v["epocas"] * math.ceil(v["n"] / v["lote"])

# %% [minmax]
x = np.array(variante("09_prueba_unidad1", USUARIO)["minmax"]["x"])
RESPUESTA_8 = (x - x.min()) / (x.max() - x.min())
