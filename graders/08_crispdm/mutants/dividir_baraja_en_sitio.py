# target: dividir_semilla
# why: shuffles the caller's X and y in place (X[:] = X[orden]) before splitting, modifying its arguments
# why_es: baraja en el lugar el X y el y de quien llama (X[:] = X[orden]) antes de dividir, modificando sus argumentos
# %% [dividir]
def dividir(X, y, frac_prueba, semilla):
    """División estratificada y reproducible: de cada clase c van round(frac_prueba * n_c) ejemplos a prueba."""
    azar = np.random.default_rng(semilla)
    orden = azar.permutation(len(y))
    X[:] = X[orden]
    y[:] = y[orden]
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
