# target: dividir_estratificada, dividir_curso
# why: shuffles all rows together and cuts frac_prueba of them for test, ignoring the classes
# why_es: baraja todas las filas juntas y corta frac_prueba de ellas para prueba, sin mirar las clases
# %% [dividir]
def dividir(X, y, frac_prueba, semilla):
    rng = np.random.default_rng(semilla)
    orden = rng.permutation(len(y))
    n_pru = int(round(frac_prueba * len(y)))
    pru, ent = orden[:n_pru], orden[n_pru:]
    return X[ent], X[pru], y[ent], y[pru]
