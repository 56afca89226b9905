# target: escalon_elementos
# why: overwrites the caller's array with the 0/1 result (z[z > 0] = 1; z[z <= 0] = 0) before converting it to integers
# why_es: sobrescribe el arreglo de quien llama con el resultado 0/1 (z[z > 0] = 1; z[z <= 0] = 0) antes de pasarlo a enteros
# %% [escalon]
def escalon(z):
    if isinstance(z, float):
        return int(z > 0)
    z = np.asarray(z)
    z[z > 0] = 1
    z[z <= 0] = 0
    return z.astype(int)
