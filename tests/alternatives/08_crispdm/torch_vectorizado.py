# Alternative correct solution: vectorised NumPy, torch tensors for the metrics, OrderedDict models.
# %% [dividir]
def dividir(X, y, frac_prueba, semilla):
    rng = np.random.default_rng(semilla)
    X, y = np.asarray(X), np.asarray(y)
    mascara = np.zeros(len(y), dtype=bool)
    for clase in np.unique(y):
        miembros = np.flatnonzero(y == clase)
        cuantos = int(np.round(frac_prueba * len(miembros)))
        mascara[rng.choice(miembros, size=cuantos, replace=False)] = True
    return X[~mascara].copy(), X[mascara].copy(), y[~mascara].copy(), y[mascara].copy()

# %% [normalizacion]
def ajustar_normalizacion(X):
    X = np.asarray(X).astype(np.float64)
    media = np.mean(X, axis=0)
    desv = np.sqrt(np.mean((X - media) ** 2, axis=0))
    desv[np.ptp(X, axis=0) == 0] = 1.0
    return media, desv


def aplicar_normalizacion(X, media, desv):
    return (np.asarray(X).astype(np.float64) - np.asarray(media)) / np.asarray(desv)


def normalizar_particiones(X_ent, X_pru):
    media, desv = ajustar_normalizacion(X_ent)
    return tuple(aplicar_normalizacion(Z, media, desv) for Z in (X_ent, X_pru))

# %% [imagenes]
def filas_a_imagenes(filas, lado):
    filas = np.asarray(filas)
    return np.moveaxis(filas.reshape(-1, 3, lado, lado), 1, -1).copy()

# %% [contar_parametros]
def contar_parametros(modelo):
    return int(sum(p.numel() for p in modelo.parameters() if p.requires_grad))

# %% [redes]
from collections import OrderedDict


def red_densa(tamanos):
    capas = OrderedDict()
    for i, (a, b) in enumerate(zip(tamanos[:-1], tamanos[1:])):
        capas[f"densa{i}"] = nn.Linear(a, b)
        if i + 2 < len(tamanos):
            capas[f"relu{i}"] = nn.ReLU()
    return nn.Sequential(capas)


def red_cnn(canales_entrada=1, canales=(8, 16), n_clases=10, lado=8):
    capas = OrderedDict()
    c_prev = canales_entrada
    for i, c in enumerate(canales):
        capas[f"conv{i}"] = nn.Conv2d(c_prev, c, (3, 3), stride=1, padding=1)
        capas[f"relu{i}"] = nn.ReLU()
        capas[f"pool{i}"] = nn.MaxPool2d(kernel_size=2, stride=2)
        c_prev = c
        lado = lado // 2
    capas["aplanar"] = nn.Flatten()
    capas["salida"] = nn.Linear(c_prev * lado * lado, n_clases)
    return nn.Sequential(capas)

# %% [entrenar]
from tqdm.auto import trange


def entrenar(modelo, X, y, optimizador="adam", lr=0.001, tam_lote=32, epocas=5, semilla=0,
             X_val=None, y_val=None, paciencia=None, progreso=False):
    X = torch.as_tensor(X, dtype=torch.float32)
    y = torch.as_tensor(y, dtype=torch.long)
    validar = X_val is not None and y_val is not None
    if paciencia is not None and not validar:
        raise ValueError("sin validación no hay parada temprana")
    if validar:
        X_val = torch.as_tensor(X_val, dtype=torch.float32)
        y_val = torch.as_tensor(y_val, dtype=torch.long)
    if optimizador == "adam":
        opt = torch.optim.Adam(modelo.parameters(), lr=lr)
    elif optimizador == "sgd":
        opt = torch.optim.SGD(modelo.parameters(), lr=lr)
    else:
        raise ValueError(optimizador)
    generador = torch.Generator().manual_seed(semilla)
    historial = {"perdida": [], "exactitud": []}
    if validar:
        historial.update(perdida_val=[], mejor_epoca=0)
    guardados = None
    epocas_it = trange(epocas) if progreso else range(epocas)
    for epoca in epocas_it:
        modelo.train()
        perdidas, aciertos = [], []
        for lote in torch.randperm(len(X), generator=generador).split(tam_lote):
            opt.zero_grad()
            logits = modelo(X[lote])
            perdida = nn.functional.cross_entropy(logits, y[lote], reduction="sum")
            (perdida / len(lote)).backward()
            opt.step()
            perdidas.append(perdida.detach())
            aciertos.append((logits.detach().argmax(dim=1) == y[lote]).sum())
        historial["perdida"].append((torch.stack(perdidas).sum() / len(X)).item())
        historial["exactitud"].append((torch.stack(aciertos).sum() / len(X)).item())
        if not validar:
            continue
        modelo.eval()
        with torch.no_grad():
            historial["perdida_val"].append(nn.functional.cross_entropy(modelo(X_val), y_val).item())
        val = historial["perdida_val"]
        if len(val) == 1 or val[-1] < min(val[:-1]):
            historial["mejor_epoca"] = epoca
            guardados = [p.detach().clone() for p in modelo.parameters()]
        elif paciencia is not None and epoca - historial["mejor_epoca"] >= paciencia:
            break
    if validar and paciencia is not None:
        with torch.no_grad():
            for p, w in zip(modelo.parameters(), guardados):
                p.copy_(w)
    return historial

# %% [evaluar]
def evaluar(modelo, X, y, n_clases, tam_lote=256):
    modelo.eval()
    X = torch.as_tensor(X, dtype=torch.float32)
    y = torch.as_tensor(y, dtype=torch.long)
    with torch.no_grad():
        pred = torch.cat([modelo(lote).argmax(dim=1) for lote in X.split(tam_lote)])
    confusion = torch.bincount(y * n_clases + pred, minlength=n_clases * n_clases).reshape(n_clases, n_clases)
    C = confusion.double()
    diag = torch.diagonal(C)
    precision = torch.nan_to_num(diag / C.sum(dim=0), nan=0.0)
    recall = torch.nan_to_num(diag / C.sum(dim=1), nan=0.0)
    f1 = torch.nan_to_num(2 * precision * recall / (precision + recall), nan=0.0)
    return {"exactitud": (diag.sum() / len(y)).item(), "confusion": confusion.numpy(),
            "precision": precision.numpy(), "recall": recall.numpy(), "f1": f1.numpy()}

# %% [informe]
def informe_clasificacion(y, pred, n_clases):
    y = torch.as_tensor(np.asarray(y), dtype=torch.long)
    pred = torch.as_tensor(np.asarray(pred), dtype=torch.long)
    C = torch.bincount(y * n_clases + pred, minlength=n_clases ** 2).reshape(n_clases, n_clases).double()
    vp = torch.diagonal(C)
    soporte = C.sum(dim=1)
    precision = torch.nan_to_num(vp / C.sum(dim=0), nan=0.0)
    recall = torch.nan_to_num(vp / soporte, nan=0.0)
    f1 = torch.nan_to_num(2 * precision * recall / (precision + recall), nan=0.0)
    tabla = torch.stack([precision, recall, f1], dim=1)
    nombres = ["precision", "recall", "f1-score"]
    total = int(soporte.sum())
    informe = {str(c): {**dict(zip(nombres, tabla[c].tolist())), "support": int(soporte[c])} for c in range(n_clases)}
    informe["accuracy"] = (vp.sum() / total).item()
    informe["macro avg"] = {**dict(zip(nombres, tabla.mean(dim=0).tolist())), "support": total}
    informe["weighted avg"] = {**dict(zip(nombres, (soporte @ tabla / total).tolist())), "support": total}
    return informe

# %% [seleccion]
def seleccionar(crear_modelo, X_ent, y_ent, X_pru, y_pru, tasas, frac_val=0.2, semilla=0, epocas=5, tam_lote=32):
    n_clases = int(np.asarray(y_ent).max()) + 1
    X_sub, X_val, y_sub, y_val = dividir(X_ent, y_ent, frac_val, semilla)

    def exactitud(lr, X_a, y_a, X_b, y_b):
        modelo = crear_modelo()
        entrenar(modelo, X_a, y_a, optimizador="adam", lr=lr, tam_lote=tam_lote, epocas=epocas, semilla=semilla)
        return evaluar(modelo, X_b, y_b, n_clases)["exactitud"]

    validacion = np.array([exactitud(lr, X_sub, y_sub, X_val, y_val) for lr in tasas])
    elegida = float(np.asarray(tasas)[validacion.argmax()])
    return {"elegida": elegida, "validacion": validacion,
            "prueba": exactitud(elegida, X_ent, y_ent, X_pru, y_pru)}

# %% [final]
from collections import OrderedDict


def modelo_final():
    return nn.Sequential(OrderedDict([
        ("conv1", nn.Conv2d(1, 8, 3, padding=1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
        ("conv2", nn.Conv2d(8, 16, 3, padding=1)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
        ("aplanar", nn.Flatten()), ("salida", nn.Linear(16 * 2 * 2, 10)),
    ]))


def receta_final():
    return dict(optimizador="adam", lr=0.01, tam_lote=32)
