# target: escalon_elementos
# why: works on numbers and 1-D arrays only (loops over z), fails on matrices and 0-d arrays
# why_es: solo funciona con números y arreglos 1-D (recorre z con un ciclo); falla con matrices y arreglos 0-D
# %% [escalon]
def escalon(z):
    if np.ndim(z) == 0 and not isinstance(z, np.ndarray):
        return 1 if z > 0 else 0
    return np.array([1 if v > 0 else 0 for v in z])
