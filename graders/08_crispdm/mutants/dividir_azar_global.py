# target: dividir_semilla
# why: uses the global NumPy generator (np.random.permutation) and ignores semilla, so the split is not reproducible
# why_es: usa el generador global de NumPy (np.random.permutation) e ignora semilla, así la división no es reproducible
# %% [dividir]
def dividir(X, y, frac_prueba, semilla):
    prueba = []
    for clase in np.unique(y):
        indices = np.random.permutation(np.flatnonzero(y == clase))
        prueba.append(indices[:int(round(frac_prueba * len(indices)))])
    en_prueba = np.zeros(len(y), dtype=bool)
    en_prueba[np.concatenate(prueba)] = True
    return X[~en_prueba], X[en_prueba], y[~en_prueba], y[en_prueba]
