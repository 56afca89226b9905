# target: red_cnn_arquitectura
# why: written for the 8x8 digits: the side of the Flatten is computed from 8, not from lado, so A and B's 28x28 and C's 32x32 images (and any other side) do not fit the last Linear
# why_es: escrita para los dígitos de 8x8: el lado del Flatten se calcula desde 8 y no desde lado, así que las imágenes de 28x28 (A y B) y de 32x32 (C), o de cualquier otro lado, no calzan con la última Linear
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
        capas += [nn.Conv2d(anterior, c, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]
        anterior = c
    lado_final = 8 // 2 ** len(canales)  # las imágenes de los dígitos son de 8x8
    capas += [nn.Flatten(), nn.Linear(anterior * lado_final * lado_final, n_clases)]
    return nn.Sequential(*capas)
