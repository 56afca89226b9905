# target: red_cnn_arquitectura
# why: types one input channel (the digits' and MNIST's grey) in the first Conv2d instead of canales_entrada: CIFAR-10's colour images have 3
# why_es: escribe un canal de entrada (el gris de los dígitos y de MNIST) en la primera Conv2d en vez de canales_entrada: las imágenes en color de CIFAR-10 tienen 3
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
    anterior = 1  # imágenes en grises
    for c in canales:
        capas += [nn.Conv2d(anterior, c, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]
        anterior = c
    lado_final = lado // 2 ** len(canales)
    capas += [nn.Flatten(), nn.Linear(anterior * lado_final * lado_final, n_clases)]
    return nn.Sequential(*capas)
