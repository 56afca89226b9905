import numpy as np
# %% [suma]
def suma(x):
    return float(np.sum(x))
