# target: sigmoide_valores
# why: works on arrays only: it reads z.shape and indexes with a mask, so a plain number raises AttributeError
# why_es: solo sirve con arreglos: lee z.shape e indexa con una máscara, así un número solo lanza AttributeError
# %% [sigmoide]
def sigmoide(z):
    salida = np.empty(z.shape)
    positivos = z >= 0
    salida[positivos] = 1.0 / (1.0 + np.exp(-z[positivos]))
    ez = np.exp(z[~positivos])
    salida[~positivos] = ez / (1.0 + ez)
    return salida
