# %% [base]
def base(n, desplazamiento=0):
    return 3 * n + desplazamiento

# %% [usa]
def usa(n):
    return base(n) + 1
