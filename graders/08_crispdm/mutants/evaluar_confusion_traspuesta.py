# target: evaluar_sklearn, evaluar_curso
# why: builds the confusion matrix with rows = predicted class and columns = true class (the transpose of sklearn's)
# why_es: arma la matriz de confusión con filas = clase predicha y columnas = clase real (la traspuesta de la de sklearn)
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
    np.add.at(confusion, (pred, y), 1)
    aciertos = np.diag(confusion).astype(np.float64)
    por_columna = confusion.sum(axis=0)
    por_fila = confusion.sum(axis=1)
    precision = np.divide(aciertos, por_columna, out=np.zeros(n_clases), where=por_columna > 0)
    recall = np.divide(aciertos, por_fila, out=np.zeros(n_clases), where=por_fila > 0)
    suma = precision + recall
    f1 = np.divide(2 * precision * recall, suma, out=np.zeros(n_clases), where=suma > 0)
    return {"exactitud": float(aciertos.sum() / len(y)), "confusion": confusion,
            "precision": precision, "recall": recall, "f1": f1}
