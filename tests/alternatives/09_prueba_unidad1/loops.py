"""A correct quiz computed by hand with loops, from the notebook's PREGUNTAS (no NumPy algebra)."""

# %% [usuario]
USUARIO = "alternative_loops"

# %% [producto]
A = PREGUNTAS["producto"]["A"]
B = PREGUNTAS["producto"]["B"]
RESPUESTA_1 = []
for i in range(len(A)):
    fila = []
    for j in range(len(B[0])):
        total = 0
        for k in range(len(B)):
            total += A[i][k] * B[k][j]
        fila.append(total)
    RESPUESTA_1.append(fila)

# %% [parametros]
capas = PREGUNTAS["parametros"]["capas"]
RESPUESTA_2 = 0
for i in range(1, len(capas)):
    pesos = capas[i - 1] * capas[i]
    sesgos = capas[i]
    RESPUESTA_2 += pesos + sesgos

# %% [iteraciones]
RESPUESTA_3 = []
for lote in PREGUNTAS["iteraciones"]["lotes"]:
    vistos, iteraciones = 0, 0
    while vistos < PREGUNTAS["iteraciones"]["n"]:
        vistos += lote
        iteraciones += 1
    RESPUESTA_3.append(iteraciones)

# %% [convolucion]
c = PREGUNTAS["convolucion"]
lados = []
for lado in (c["alto"], c["ancho"]):
    posiciones = 0
    inicio = 0
    while inicio + c["kernel"] <= lado + 2 * c["padding"]:
        posiciones += 1
        inicio += c["stride"]
    lados.append(posiciones)
RESPUESTA_4 = (lados[0], lados[1])

# %% [compuertas]
# Entrena un perceptrón con la regla del curso: si en alguna época no hay errores, la compuerta se aprende.
TABLAS = {"AND": [0, 0, 0, 1], "OR": [0, 1, 1, 1], "NAND": [1, 1, 1, 0], "NOR": [1, 0, 0, 0],
          "XOR": [0, 1, 1, 0], "XNOR": [1, 0, 0, 1]}
ENTRADAS = [(0, 0), (0, 1), (1, 0), (1, 1)]
RESPUESTA_5 = []
for nombre in PREGUNTAS["compuertas"]["nombres"]:
    w1, w2, b = 0.0, 0.0, 0.0
    for epoca in range(100):
        errores = 0
        for (x1, x2), d in zip(ENTRADAS, TABLAS[nombre]):
            y = 1 if w1 * x1 + w2 * x2 + b > 0 else 0
            if y != d:
                errores += 1
                w1 += 0.1 * (d - y) * x1
                w2 += 0.1 * (d - y) * x2
                b += 0.1 * (d - y)
        if errores == 0:
            RESPUESTA_5.append(nombre.lower())
            break

# %% [normalizar]
for letra, clave in zip("ABCD", PREGUNTAS["normalizar"]["opciones"]):
    if clave == "escala":
        RESPUESTA_6 = " " + letra + " "

# %% [epocas]
e = PREGUNTAS["epocas"]
RESPUESTA_7 = 0
for epoca in range(e["epocas"]):
    for inicio in range(0, e["n"], e["lote"]):
        RESPUESTA_7 += 1

# %% [minmax]
x = PREGUNTAS["minmax"]["x"]
minimo, maximo = min(x), max(x)
RESPUESTA_8 = [(v - minimo) / (maximo - minimo) for v in x]
