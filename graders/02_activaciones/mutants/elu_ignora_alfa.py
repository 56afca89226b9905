# target: elu_curso, elu_valores
# why: writes e^x − 1 for x ≤ 0 and forgets the alfa factor, so only alfa = 1 is right
# why_es: escribe e^x − 1 para x ≤ 0 y olvida el factor alfa, así solo acierta con alfa = 1
# %% [elu]
def elu(x, alfa=1.0):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, np.expm1(np.minimum(x, 0.0)))


def derivada_elu(x, alfa=1.0):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, 1.0, alfa * np.exp(np.minimum(x, 0.0)))
