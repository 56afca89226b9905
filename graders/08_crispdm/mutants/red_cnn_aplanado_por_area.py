# target: red_cnn_arquitectura
# why: types the Flatten size as the area divided by 4 per pooling (c·lado²/4^k), which holds only when every pooling halves the side exactly: with A and B's 28x28 and three blocks (28 -> 14 -> 7 -> 3) it gives 12 values per channel instead of 9
# why_es: escribe a mano el tamaño del Flatten como el área dividida por 4 en cada pooling (c·lado²/4^k), que solo vale si cada pooling divide el lado exactamente: con 28x28 (A y B) y tres bloques (28 -> 14 -> 7 -> 3) da 12 valores por canal en vez de 9
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
    capas += [nn.Flatten(), nn.Linear(anterior * lado * lado // 4 ** len(canales), n_clases)]
    return nn.Sequential(*capas)
