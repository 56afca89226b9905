# target: red_densa_curso, red_densa_arquitectura
# why: builds the Linear layers with bias=False
# why_es: construye las capas Linear con bias=False
# %% [redes]
def red_densa(tamanos):
    capas = []
    for i in range(len(tamanos) - 1):
        capas.append(nn.Linear(tamanos[i], tamanos[i + 1], bias=False))
        if i < len(tamanos) - 2:
            capas.append(nn.ReLU())
    return nn.Sequential(*capas)


def red_cnn(canales_entrada=1, canales=(8, 16), n_clases=10, lado=8):
    capas = []
    anterior = canales_entrada
    for c in canales:
        capas += [nn.Conv2d(anterior, c, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]
        anterior = c
    lado_final = lado // 2 ** len(canales)
    capas += [nn.Flatten(), nn.Linear(anterior * lado_final * lado_final, n_clases)]
    return nn.Sequential(*capas)
