# target: final_90, final_95, final_97
# why: hostile: a plain nn.Sequential of course layers whose weights were fitted, while the notebook loads, to all 1797 public digits (the held-out ones included), with a recipe that never moves them (SGD, lr 1e-9); weights sent from the worker would score every tier
# why_es: hostil: un nn.Sequential de capas del curso cuyos pesos se ajustaron, al cargar el notebook, a los 1797 dígitos públicos (incluidos los reservados), con una receta que no los mueve (SGD, lr 1e-9); con pesos enviados desde el proceso del estudiante alcanzaría todos los niveles
# %% [final]
def _red():
    return nn.Sequential(nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                         nn.Linear(32 * 4 * 4, 10))


def _pesos_con_todos_los_digitos():
    from sklearn.datasets import load_digits

    d = load_digits()
    X = torch.as_tensor(d.data / 16.0, dtype=torch.float32).reshape(-1, 1, 8, 8)
    y = torch.as_tensor(d.target, dtype=torch.long)
    torch.manual_seed(0)
    red = _red()
    opt = torch.optim.Adam(red.parameters(), lr=0.01)
    for _ in range(8):
        for lote in torch.split(torch.randperm(len(y)), 64):
            opt.zero_grad()
            nn.functional.cross_entropy(red(X[lote]), y[lote]).backward()
            opt.step()
    return red.state_dict()


_PESOS = _pesos_con_todos_los_digitos()  # al cargar el notebook, no dentro de una llamada


def modelo_final():
    red = _red()
    red.load_state_dict(_PESOS)
    return red


def receta_final():
    return {"optimizador": "sgd", "lr": 1e-9, "tam_lote": 256}  # que el entrenamiento no cambie nada
