# target: entrenar_torch
# why: trains a copy of the model (copy.deepcopy) to leave the original untouched, so the caller's model never learns
# why_es: entrena una copia del modelo (copy.deepcopy) para no tocar el original, así el modelo de quien llama nunca aprende
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
    import copy
    modelo = copy.deepcopy(modelo)
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
