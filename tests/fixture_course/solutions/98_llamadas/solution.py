# %% [base]
def base(n):
    return 3 * n

# %% [usa]
def usa(n):
    return base(n) + 1
