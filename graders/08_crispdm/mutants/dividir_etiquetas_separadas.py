# target: dividir_particion
# why: shuffles X and y with two different permutations, so rows and labels no longer travel together
# why_es: baraja X e y con dos permutaciones distintas, así filas y etiquetas ya no van juntas
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
    return X[ent], X[pru], y[azar.permutation(ent)], y[azar.permutation(pru)]
