# target: informe_sklearn
# why: averages 'macro avg' over the classes that appear in y only, although absent classes have their row and count
# why_es: promedia 'macro avg' solo sobre las clases que aparecen en y, aunque las ausentes tienen su fila y su conteo
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
    presentes = soporte > 0
    informe["macro avg"] = {"precision": float(precision[presentes].mean()), "recall": float(recall[presentes].mean()),
                            "f1-score": float(f1[presentes].mean()), "support": total}
    pesos = soporte / total
    informe["weighted avg"] = {"precision": float(pesos @ precision), "recall": float(pesos @ recall),
                               "f1-score": float(pesos @ f1), "support": total}
    return informe
