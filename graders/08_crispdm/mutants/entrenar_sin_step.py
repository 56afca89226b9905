# target: entrenar_aprende, entrenar_torch, entrenar_historial
# why: computes the gradients but forgets optimizer.step(), so the weights never change
# why_es: calcula los gradientes pero olvida optimizer.step(), así los pesos nunca cambian
# %% [entrenar]
def entrenar(modelo, X, y, optimizador="adam", lr=0.001, tam_lote=32, epocas=5, semilla=0):
    """Entrena con entropía cruzada en mini-lotes barajados con torch.randperm y un generador con la semilla."""
    X = torch.as_tensor(np.asarray(X), dtype=torch.float32)
    y = torch.as_tensor(np.asarray(y), dtype=torch.long)
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
    for _ in range(epocas):
        modelo.train()
        orden = torch.randperm(n, generator=generador)
        suma, aciertos = 0.0, 0
        for inicio in range(0, n, tam_lote):
            idx = orden[inicio:inicio + tam_lote]
            opt.zero_grad()
            salida = modelo(X[idx])
            perdida = perdida_fn(salida, y[idx])
            perdida.backward()
            suma += perdida.item() * len(idx)
            aciertos += int((salida.argmax(dim=1) == y[idx]).sum())
        historial["perdida"].append(suma / n)
        historial["exactitud"].append(aciertos / n)
    return historial
