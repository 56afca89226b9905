# target: dividir_particion, dividir_curso
# why: draws the test rows with replacement and trains on every row, so test rows are also training rows
# why_es: sortea las filas de prueba con reemplazo y entrena con todas las filas, así las de prueba también son de entrenamiento
# %% [dividir]
def dividir(X, y, frac_prueba, semilla):
    rng = np.random.default_rng(semilla)
    pru = []
    for clase in np.unique(y):
        indices = np.flatnonzero(y == clase)
        pru.append(rng.choice(indices, size=int(round(frac_prueba * len(indices))), replace=True))
    pru = np.concatenate(pru)
    return X, X[pru], y, y[pru]
