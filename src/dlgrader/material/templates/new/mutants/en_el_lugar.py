# target: duplicar_no_muta
# why: doubles x in place and returns it
# why_es: duplica x en el lugar y lo devuelve

# %% [duplicar]
def duplicar(x):
    x *= 2
    return x.astype(np.float64)
