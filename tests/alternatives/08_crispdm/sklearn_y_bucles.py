# Alternative correct solution: scikit-learn's stratified split, explicit loops, nn.Module subclasses (a final
# model built layer by layer with add_module, one block nested).
# %% [dividir]
from sklearn.model_selection import train_test_split


def dividir(X, y, frac_prueba, semilla):
    X_ent, X_pru, y_ent, y_pru = train_test_split(X, y, test_size=frac_prueba, stratify=y, random_state=semilla)
    return X_ent, X_pru, y_ent, y_pru

# %% [normalizacion]
def ajustar_normalizacion(X):
    X = np.array(X, dtype=np.float64)
    filas = X.reshape(len(X), -1)  # con imágenes, cada píxel de cada canal es una columna
    n, d = filas.shape
    media = np.zeros(d)
    desv = np.zeros(d)
    for j in range(d):
        columna = filas[:, j]
        media[j] = columna.sum() / n
        varianza = ((columna - media[j]) ** 2).sum() / n
        desv[j] = math.sqrt(varianza) if columna.max() > columna.min() else 1.0  # constante: 1
    return media.reshape(X.shape[1:]), desv.reshape(X.shape[1:])


def aplicar_normalizacion(X, media, desv):
    Z = np.array(X, dtype=np.float64)
    filas = Z.reshape(len(Z), -1)
    media, desv = np.ravel(media), np.ravel(desv)
    for j in range(filas.shape[1]):
        filas[:, j] = (filas[:, j] - media[j]) / desv[j]
    return filas.reshape(Z.shape)


def normalizar_particiones(X_ent, X_pru):
    estadisticas = ajustar_normalizacion(X_ent)
    return aplicar_normalizacion(X_ent, *estadisticas), aplicar_normalizacion(X_pru, *estadisticas)

# %% [imagenes]
def filas_a_imagenes(filas, lado):
    filas = np.asarray(filas)
    imagenes = np.zeros((len(filas), lado, lado, 3), dtype=filas.dtype)
    for n, fila in enumerate(filas):
        for c in range(3):
            for i in range(lado):
                for j in range(lado):
                    imagenes[n, i, j, c] = fila[c * lado * lado + i * lado + j]
    return imagenes

# %% [contar_parametros]
def contar_parametros(modelo):
    total = 0
    for nombre, parametro in modelo.named_parameters():
        if parametro.requires_grad:
            cantidad = 1
            for tam in parametro.shape:
                cantidad *= tam
            total += cantidad
    return int(total)

# %% [redes]
class RedDensa(nn.Module):
    def __init__(self, tamanos):
        super().__init__()
        self.capas = nn.ModuleList([nn.Linear(a, b) for a, b in zip(tamanos[:-1], tamanos[1:])])

    def forward(self, x):
        for i, capa in enumerate(self.capas):
            x = capa(x)
            if i < len(self.capas) - 1:
                x = torch.relu(x)
        return x


def red_densa(tamanos):
    return RedDensa(list(tamanos))


class RedCNN(nn.Module):
    def __init__(self, canales_entrada, canales, n_clases, lado):
        super().__init__()
        entradas = [canales_entrada] + list(canales[:-1])
        self.convs = nn.ModuleList([nn.Conv2d(a, b, 3, padding=1) for a, b in zip(entradas, canales)])
        final = lado // (2 ** len(canales))
        self.salida = nn.Linear(canales[-1] * final * final, n_clases)

    def forward(self, x):
        for conv in self.convs:
            x = nn.functional.max_pool2d(torch.relu(conv(x)), 2)
        return self.salida(torch.flatten(x, 1))


def red_cnn(canales_entrada=1, canales=(8, 16), n_clases=10, lado=8):
    return RedCNN(canales_entrada, tuple(canales), n_clases, lado)

# %% [entrenar]
def entrenar(modelo, X, y, optimizador="adam", lr=0.001, tam_lote=32, epocas=5, semilla=0,
             X_val=None, y_val=None, paciencia=None, progreso=False):
    import copy

    if paciencia is not None and (X_val is None or y_val is None):
        raise ValueError("paciencia necesita datos de validación")
    entradas = torch.tensor(np.asarray(X), dtype=torch.float32)
    etiquetas = torch.tensor(np.asarray(y), dtype=torch.long)
    clases = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam}
    opt = clases[optimizador](modelo.parameters(), lr=lr)
    criterio = nn.CrossEntropyLoss()
    g = torch.Generator()
    g.manual_seed(semilla)
    n = entradas.shape[0]
    perdidas, exactitudes, perdidas_val = [], [], []
    mejor_perdida = float("inf")
    mejor_epoca = 0
    sin_mejorar = 0
    mejor_estado = None
    barra = tqdm(total=epocas, disable=not progreso)
    modelo.train()
    for epoca in range(epocas):
        orden = torch.randperm(n, generator=g)
        total_perdida = 0.0
        total_aciertos = 0
        for lote in range(math.ceil(n / tam_lote)):
            indices = orden[lote * tam_lote:(lote + 1) * tam_lote]
            xb, yb = entradas[indices], etiquetas[indices]
            opt.zero_grad()
            logits = modelo(xb)
            perdida = criterio(logits, yb)
            perdida.backward()
            opt.step()
            total_perdida += float(perdida) * xb.shape[0]
            total_aciertos += (logits.argmax(1) == yb).sum().item()
        perdidas.append(total_perdida / n)
        exactitudes.append(total_aciertos / n)
        barra.update(1)
        if X_val is None:
            continue
        modelo.eval()
        with torch.no_grad():
            val = float(criterio(modelo(torch.tensor(np.asarray(X_val), dtype=torch.float32)),
                                 torch.tensor(np.asarray(y_val), dtype=torch.long)))
        modelo.train()
        perdidas_val.append(val)
        if val < mejor_perdida:
            mejor_perdida, mejor_epoca, sin_mejorar = val, epoca, 0
            mejor_estado = copy.deepcopy(modelo.state_dict())
        else:
            sin_mejorar += 1
            if paciencia is not None and sin_mejorar >= paciencia:
                break
    barra.close()
    historial = {"perdida": perdidas, "exactitud": exactitudes}
    if X_val is not None:
        historial["perdida_val"] = perdidas_val
        historial["mejor_epoca"] = mejor_epoca
        if paciencia is not None:
            modelo.load_state_dict(mejor_estado)
    return historial

# %% [evaluar]
def evaluar(modelo, X, y, n_clases, tam_lote=256):
    modelo.eval()
    X = np.asarray(X)
    pred = []
    with torch.no_grad():
        for inicio in range(0, len(X), tam_lote):
            lote = torch.tensor(X[inicio:inicio + tam_lote], dtype=torch.float32)
            pred.extend(modelo(lote).argmax(1).tolist())
    confusion = np.zeros((n_clases, n_clases), dtype=int)
    for real, predicho in zip(np.asarray(y).tolist(), pred):
        confusion[real, predicho] += 1
    precision, recall, f1 = [], [], []
    for c in range(n_clases):
        vp = confusion[c, c]
        predichos = confusion[:, c].sum()
        reales = confusion[c, :].sum()
        p = vp / predichos if predichos else 0.0
        r = vp / reales if reales else 0.0
        precision.append(p)
        recall.append(r)
        f1.append(2 * p * r / (p + r) if p + r else 0.0)
    exactitud = np.trace(confusion) / len(y)
    return {"exactitud": float(exactitud), "confusion": confusion, "precision": np.array(precision),
            "recall": np.array(recall), "f1": np.array(f1)}

# %% [informe]
def informe_clasificacion(y, pred, n_clases):
    y = [int(v) for v in y]
    pred = [int(v) for v in pred]
    informe = {}
    for c in range(n_clases):
        vp = sum(1 for a, b in zip(y, pred) if a == c and b == c)
        reales = sum(1 for a in y if a == c)
        predichos = sum(1 for b in pred if b == c)
        p = vp / predichos if predichos else 0.0
        r = vp / reales if reales else 0.0
        informe[str(c)] = {"precision": p, "recall": r, "f1-score": 2 * p * r / (p + r) if p + r else 0.0,
                           "support": reales}
    n = len(y)
    informe["accuracy"] = sum(1 for a, b in zip(y, pred) if a == b) / n
    for nombre in ("macro avg", "weighted avg"):
        fila = {}
        for m in ("precision", "recall", "f1-score"):
            if nombre == "macro avg":
                fila[m] = sum(informe[str(c)][m] for c in range(n_clases)) / n_clases
            else:
                fila[m] = sum(informe[str(c)][m] * informe[str(c)]["support"] for c in range(n_clases)) / n
        fila["support"] = n
        informe[nombre] = fila
    return informe

# %% [seleccion]
def seleccionar(crear_modelo, X_ent, y_ent, X_pru, y_pru, tasas, frac_val=0.2, semilla=0, epocas=5, tam_lote=32):
    n_clases = int(max(y_ent)) + 1
    X_sub, X_val, y_sub, y_val = dividir(X_ent, y_ent, frac_val, semilla)
    validacion = []
    elegida, mejor = None, -1.0
    for lr in tasas:
        modelo = crear_modelo()
        entrenar(modelo, X_sub, y_sub, optimizador="adam", lr=lr, tam_lote=tam_lote, epocas=epocas, semilla=semilla)
        exactitud = evaluar(modelo, X_val, y_val, n_clases)["exactitud"]
        validacion.append(exactitud)
        if exactitud > mejor:  # estrictamente mayor: en un empate se queda la primera
            elegida, mejor = lr, exactitud
    final = crear_modelo()
    entrenar(final, X_ent, y_ent, optimizador="adam", lr=elegida, tam_lote=tam_lote, epocas=epocas, semilla=semilla)
    return {"elegida": elegida, "validacion": validacion, "prueba": evaluar(final, X_pru, y_pru, n_clases)["exactitud"]}

# %% [final]
def modelo_final():
    """Una red densa armada capa por capa, con nombres, y un bloque oculto anidado."""
    oculta = nn.Sequential()
    oculta.add_module("lineal", nn.Linear(64, 128))
    oculta.add_module("activacion", nn.ReLU(inplace=True))
    modelo = nn.Sequential()
    modelo.add_module("aplanar", nn.Flatten())
    modelo.add_module("oculta", oculta)
    modelo.add_module("salida", nn.Linear(128, 10))
    return modelo


def receta_final():
    return {"optimizador": "adam", "lr": 0.01, "tam_lote": 32}
