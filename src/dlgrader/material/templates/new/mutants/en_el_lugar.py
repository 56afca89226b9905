# target: duplicar_no_muta
# why: doubles x in place and returns it

# %% [duplicar]
def duplicar(x):
    x *= 2
    return x.astype(np.float64)
