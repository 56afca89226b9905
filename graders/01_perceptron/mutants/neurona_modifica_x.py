# target: neurona_aleatoria
# why: multiplies the input by the weights in place (x *= w) before adding, which changes the caller's x
# %% [neurona]
def neurona(x, w, b):
    x = np.asarray(x)
    x *= w
    return escalon(x.sum(axis=-1) + b)
