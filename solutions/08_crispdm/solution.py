"""Reference solution of assignment 08 (CRISP-DM case): one percent-format section per solution cell."""

import math

import numpy as np
import torch
from torch import nn
from tqdm.auto import tqdm

# %% [dividir]
def dividir(X, y, frac_prueba, semilla):
    """División estratificada y reproducible: de cada clase c van round(frac_prueba * n_c) ejemplos a prueba."""
    azar = np.random.default_rng(semilla)
    y = np.asarray(y)
    prueba = []
    for clase in np.unique(y):
        indices = np.flatnonzero(y == clase)
        indices = azar.permutation(indices)
        prueba.append(indices[:int(round(frac_prueba * len(indices)))])
    en_prueba = np.zeros(len(y), dtype=bool)
    en_prueba[np.concatenate(prueba)] = True
    ent = azar.permutation(np.flatnonzero(~en_prueba))
    pru = azar.permutation(np.flatnonzero(en_prueba))
    return X[ent], X[pru], y[ent], y[pru]

# %% [normalizacion]
def ajustar_normalizacion(X):
    """Media y desviación estándar (ddof=0) de cada columna; 1 en una columna constante (máximo igual al mínimo)."""
    X = np.asarray(X, dtype=np.float64)
    media = X.mean(axis=0)
    constante = X.max(axis=0) == X.min(axis=0)  # np.std de valores iguales puede dar 1e-17 en vez de 0
    return media, np.where(constante, 1.0, X.std(axis=0))


def aplicar_normalizacion(X, media, desv):
    """(X - media) / desv en float64, columna a columna."""
    return (np.asarray(X, dtype=np.float64) - media) / desv


def normalizar_particiones(X_ent, X_pru):
    """Normaliza entrenamiento y prueba con las estadísticas de entrenamiento solamente."""
    media, desv = ajustar_normalizacion(X_ent)
    return aplicar_normalizacion(X_ent, media, desv), aplicar_normalizacion(X_pru, media, desv)

# %% [imagenes]
def filas_a_imagenes(filas, lado):
    """Filas de CIFAR-10 (N, 3*lado*lado), guardadas canal por canal (CHW), a imágenes (N, lado, lado, 3)."""
    filas = np.asarray(filas)
    return filas.reshape(len(filas), 3, lado, lado).transpose(0, 2, 3, 1)

# %% [contar_parametros]
def contar_parametros(modelo):
    """Cantidad de parámetros entrenables (requires_grad) de un modelo de PyTorch."""
    return sum(p.numel() for p in modelo.parameters() if p.requires_grad)

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


def red_cnn(canales_entrada=1, canales=(8, 16), n_clases=10, lado=8):
    """CNN pequeña: por cada c en canales, Conv2d 3x3 con padding 1, ReLU y MaxPool2d(2); luego Flatten y Linear."""
    capas = []
    anterior = canales_entrada
    for c in canales:
        capas += [nn.Conv2d(anterior, c, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]
        anterior = c
    lado_final = lado // 2 ** len(canales)
    capas += [nn.Flatten(), nn.Linear(anterior * lado_final * lado_final, n_clases)]
    return nn.Sequential(*capas)

# %% [entrenar]
def _perdida_validacion(modelo, X_val, y_val):
    """Entropía cruzada media en validación: modo evaluación, sin gradientes, y de vuelta a modo entrenamiento."""
    modelo.eval()
    with torch.no_grad():
        perdida = nn.functional.cross_entropy(modelo(X_val), y_val).item()
    modelo.train()
    return perdida


def entrenar(modelo, X, y, optimizador="adam", lr=0.001, tam_lote=32, epocas=5, semilla=0,
             X_val=None, y_val=None, paciencia=None, progreso=False):
    """Entrena con entropía cruzada en mini-lotes barajados con torch.randperm y un generador con la semilla.

    Con X_val e y_val mide la pérdida de validación por época; con paciencia además se detiene como
    EarlyStopping(monitor="val_loss", patience=paciencia, restore_best_weights=True) de Keras 3.
    """
    X = torch.as_tensor(np.asarray(X), dtype=torch.float32)
    y = torch.as_tensor(np.asarray(y), dtype=torch.long)
    con_validacion = X_val is not None and y_val is not None
    if paciencia is not None and not con_validacion:
        raise ValueError("la parada temprana necesita X_val e y_val")
    if con_validacion:
        X_val = torch.as_tensor(np.asarray(X_val), dtype=torch.float32)
        y_val = torch.as_tensor(np.asarray(y_val), dtype=torch.long)
    if optimizador == "sgd":
        opt = torch.optim.SGD(modelo.parameters(), lr=lr)
    elif optimizador == "adam":
        opt = torch.optim.Adam(modelo.parameters(), lr=lr)
    else:
        raise ValueError(f"optimizador desconocido: {optimizador}")
    perdida_fn = nn.CrossEntropyLoss()
    generador = torch.Generator().manual_seed(semilla)
    n = len(X)
    historial = {"perdida": [], "exactitud": []}
    if con_validacion:
        historial["perdida_val"] = []
        mejor, mejor_epoca, espera, mejores_pesos = math.inf, 0, 0, None
    for epoca in tqdm(range(epocas), desc="épocas", disable=not progreso):
        modelo.train()
        orden = torch.randperm(n, generator=generador)
        suma, aciertos = 0.0, 0
        for inicio in range(0, n, tam_lote):
            idx = orden[inicio:inicio + tam_lote]
            opt.zero_grad()
            salida = modelo(X[idx])
            perdida = perdida_fn(salida, y[idx])
            perdida.backward()
            opt.step()
            suma += perdida.item() * len(idx)
            aciertos += int((salida.argmax(dim=1) == y[idx]).sum())
        historial["perdida"].append(suma / n)
        historial["exactitud"].append(aciertos / n)
        if not con_validacion:
            continue
        actual = _perdida_validacion(modelo, X_val, y_val)
        historial["perdida_val"].append(actual)
        espera += 1
        if actual < mejor:
            mejor, mejor_epoca, espera = actual, epoca, 0
            mejores_pesos = {k: v.detach().clone() for k, v in modelo.state_dict().items()}
        elif paciencia is not None and espera >= paciencia and epoca > 0:
            break
    if con_validacion:
        historial["mejor_epoca"] = mejor_epoca
        if paciencia is not None and mejores_pesos is not None:
            modelo.load_state_dict(mejores_pesos)
    return historial

# %% [evaluar]
def evaluar(modelo, X, y, n_clases, tam_lote=256):
    """Exactitud, matriz de confusión (filas = clase real) y precisión, recall y F1 por clase."""
    modelo.eval()
    X = torch.as_tensor(np.asarray(X), dtype=torch.float32)
    y = np.asarray(y, dtype=np.int64)
    predicciones = []
    with torch.no_grad():
        for inicio in range(0, len(X), tam_lote):
            predicciones.append(modelo(X[inicio:inicio + tam_lote]).argmax(dim=1).numpy())
    pred = np.concatenate(predicciones) if predicciones else np.zeros(0, dtype=np.int64)
    confusion = np.zeros((n_clases, n_clases), dtype=np.int64)
    np.add.at(confusion, (y, pred), 1)
    aciertos = np.diag(confusion).astype(np.float64)
    por_columna = confusion.sum(axis=0)
    por_fila = confusion.sum(axis=1)
    precision = np.divide(aciertos, por_columna, out=np.zeros(n_clases), where=por_columna > 0)
    recall = np.divide(aciertos, por_fila, out=np.zeros(n_clases), where=por_fila > 0)
    suma = precision + recall
    f1 = np.divide(2 * precision * recall, suma, out=np.zeros(n_clases), where=suma > 0)
    return {"exactitud": float(aciertos.sum() / len(y)), "confusion": confusion,
            "precision": precision, "recall": recall, "f1": f1}

# %% [informe]
def informe_clasificacion(y, pred, n_clases):
    """Como sklearn.metrics.classification_report(..., output_dict=True, zero_division=0), con datos simples."""
    y = np.asarray(y, dtype=np.int64)
    pred = np.asarray(pred, dtype=np.int64)
    confusion = np.zeros((n_clases, n_clases), dtype=np.int64)
    np.add.at(confusion, (y, pred), 1)
    aciertos = np.diag(confusion).astype(np.float64)
    soporte = confusion.sum(axis=1)
    predichos = confusion.sum(axis=0)
    precision = np.divide(aciertos, predichos, out=np.zeros(n_clases), where=predichos > 0)
    recall = np.divide(aciertos, soporte, out=np.zeros(n_clases), where=soporte > 0)
    suma = precision + recall
    f1 = np.divide(2 * precision * recall, suma, out=np.zeros(n_clases), where=suma > 0)
    total = int(soporte.sum())
    informe = {str(c): {"precision": float(precision[c]), "recall": float(recall[c]), "f1-score": float(f1[c]),
                        "support": int(soporte[c])} for c in range(n_clases)}
    informe["accuracy"] = float(aciertos.sum() / total)
    informe["macro avg"] = {"precision": float(precision.mean()), "recall": float(recall.mean()),
                            "f1-score": float(f1.mean()), "support": total}
    pesos = soporte / total
    informe["weighted avg"] = {"precision": float(pesos @ precision), "recall": float(pesos @ recall),
                               "f1-score": float(pesos @ f1), "support": total}
    return informe

# %% [seleccion]
def seleccionar(crear_modelo, X_ent, y_ent, X_pru, y_pru, tasas, frac_val=0.2, semilla=0, epocas=5, tam_lote=32):
    """Elige la tasa de aprendizaje con validación separada del entrenamiento; prueba se mide una sola vez al final."""
    n_clases = int(np.max(y_ent)) + 1
    X_sub, X_val, y_sub, y_val = dividir(X_ent, y_ent, frac_prueba=frac_val, semilla=semilla)
    validacion = []
    for lr in tasas:
        modelo = crear_modelo()
        entrenar(modelo, X_sub, y_sub, "adam", lr, tam_lote, epocas, semilla)
        validacion.append(evaluar(modelo, X_val, y_val, n_clases)["exactitud"])
    elegida = tasas[int(np.argmax(validacion))]
    modelo = crear_modelo()
    entrenar(modelo, X_ent, y_ent, optimizador="adam", lr=elegida, tam_lote=tam_lote, epocas=epocas, semilla=semilla)
    prueba = evaluar(modelo, X_pru, y_pru, n_clases)["exactitud"]
    return {"elegida": float(elegida), "validacion": [float(v) for v in validacion], "prueba": float(prueba)}

# %% [final]
def modelo_final():
    """CNN para los dígitos de 8x8: Conv2d(1, 32, 3, padding=1), ReLU, MaxPool2d(2), Flatten y Linear(32·4·4, 10)."""
    return nn.Sequential(nn.Conv2d(1, 32, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(32 * 4 * 4, 10))


def receta_final():
    """Optimizador, tasa de aprendizaje y tamaño de lote con que el corrector entrena modelo_final()."""
    return {"optimizador": "adam", "lr": 0.01, "tam_lote": 32}
