# target: escalon_curso, escalon_elementos
# why: uses the sign convention -1/1 (bipolar perceptron) instead of 0/1
# why_es: usa la convención de signo -1/1 (perceptrón bipolar) en vez de 0/1
# %% [escalon]
def escalon(z):
    return np.where(np.asarray(z) > 0, 1, -1)
