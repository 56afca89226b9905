# target: duplicar_valores
# why: converts each element with float(), which only works on vectors (a matrix's element is a row)

# %% [duplicar]
def duplicar(x):
    return np.array([2.0 * float(v) for v in x])
