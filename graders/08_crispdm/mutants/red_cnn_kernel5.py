# target: red_cnn_curso, red_cnn_arquitectura
# why: uses 5x5 kernels with padding 2 (same output sizes, other parameters) instead of the stated 3x3 with padding 1
# why_es: usa kernels de 5x5 con padding 2 (mismos tamaños de salida, otros parámetros) en vez de los 3x3 con padding 1 pedidos
# %% [redes]
def red_densa(tamanos):
    capas = []
    for i in range(len(tamanos) - 1):
        capas.append(nn.Linear(tamanos[i], tamanos[i + 1]))
        if i < len(tamanos) - 2:
            capas.append(nn.ReLU())
    return nn.Sequential(*capas)


def red_cnn(canales_entrada=1, canales=(8, 16), n_clases=10, lado=8):
    capas = []
    anterior = canales_entrada
    for c in canales:
        capas += [nn.Conv2d(anterior, c, kernel_size=5, padding=2), nn.ReLU(), nn.MaxPool2d(2)]
        anterior = c
    lado_final = lado // 2 ** len(canales)
    capas += [nn.Flatten(), nn.Linear(anterior * lado_final * lado_final, n_clases)]
    return nn.Sequential(*capas)
