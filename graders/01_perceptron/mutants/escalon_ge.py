# target: escalon_curso, escalon_elementos
# why: uses >= instead of > in the step function, so escalon(0) is 1
# why_es: usa >= en vez de > en la función escalón, así escalon(0) da 1
# %% [escalon]
def escalon(z):
    return np.where(np.asarray(z) >= 0, 1, 0)
