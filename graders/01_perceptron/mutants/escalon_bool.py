# target: escalon_enteros
# why: returns the comparison itself (booleans True/False) instead of integers 0/1
# %% [escalon]
def escalon(z):
    return np.asarray(z) > 0
