# target: neurona_aleatoria
# why: multiplies the input by the weights in place (x *= w) before adding, which changes the caller's x
# why_es: multiplica la entrada por los pesos en el lugar (x *= w) antes de sumar, lo que cambia el x de quien llama
# %% [neurona]
def neurona(x, w, b):
    x = np.asarray(x)
    x *= w
    return escalon(x.sum(axis=-1) + b)
