# target: red_cnn_arquitectura
# why: a custom nn.Module that creates its Linear layer before the convolutions: modelo.parameters() lists the Linear first
# why_es: un nn.Module propio que crea su capa Linear antes de las convoluciones: modelo.parameters() lista primero la Linear
# %% [redes]
def red_densa(tamanos):
    """Red densa: Linear entre tamaños consecutivos, ReLU entre capas y nada después de la última (logits)."""
    capas = []
    ultima = len(tamanos) - 2
    for k, (entrada, salida) in enumerate(zip(tamanos[:-1], tamanos[1:])):
        capas.append(nn.Linear(entrada, salida))
        if k < ultima:
            capas.append(nn.ReLU())
    return nn.Sequential(*capas)


class _CNN(nn.Module):
    def __init__(self, canales_entrada, canales, n_clases, lado):
        super().__init__()
        lado_final = lado // 2 ** len(canales)
        self.salida = nn.Linear(canales[-1] * lado_final * lado_final, n_clases)
        capas, anterior = [], canales_entrada
        for c in canales:
            capas += [nn.Conv2d(anterior, c, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]
            anterior = c
        self.bloques = nn.Sequential(*capas)

    def forward(self, x):
        return self.salida(self.bloques(x).flatten(1))


def red_cnn(canales_entrada=1, canales=(8, 16), n_clases=10, lado=8):
    return _CNN(canales_entrada, list(canales), n_clases, lado)
