# target: dividir_particion
# why: stacks the label as the last column of X (np.column_stack) and splits the table: right for rows such as D's, but it cannot take the images of A, B and C, (n, 28, 28) or (n, 32, 32, 3)
# why_es: apila la etiqueta como última columna de X (np.column_stack) y divide la tabla: sirve para filas como las de D, pero no para las imágenes de A, B y C, (n, 28, 28) o (n, 32, 32, 3)
# %% [dividir]
def dividir(X, y, frac_prueba, semilla):
    tabla = np.column_stack([X, y])  # la etiqueta como última columna, para que viaje con su fila
    azar = np.random.default_rng(semilla)
    prueba = []
    for clase in np.unique(y):
        filas = azar.permutation(np.flatnonzero(tabla[:, -1] == clase))
        prueba.append(filas[:int(round(frac_prueba * len(filas)))])
    en_prueba = np.zeros(len(tabla), dtype=bool)
    en_prueba[np.concatenate(prueba)] = True
    ent, pru = tabla[~en_prueba], tabla[en_prueba]
    return ent[:, :-1], pru[:, :-1], ent[:, -1].astype(np.int64), pru[:, -1].astype(np.int64)
