# target: informe_sklearn, informe_curso
# why: "weighted avg" computed as the plain mean of the classes, like "macro avg"
# why_es: «weighted avg» calculado como la media simple de las clases, igual que «macro avg»
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
    pesos = np.full(n_clases, 1.0 / n_clases)
    informe["weighted avg"] = {"precision": float(pesos @ precision), "recall": float(pesos @ recall),
                               "f1-score": float(pesos @ f1), "support": total}
    return informe
