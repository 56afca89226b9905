# target: propagar_no_muta
# why: "normalises" the batch in place (X -= X.mean(axis=0)) inside the forward pass, changing the caller's X
# why_es: «normaliza» el lote en el lugar (X -= X.mean(axis=0)) dentro de la propagación, cambiando el X de quien llama
# %% [propagar_adelante]
def propagar_adelante(X, W1, b1, W2, b2):
    X -= X.mean(axis=0)
    H = sigmoide(X @ W1 + b1)
    Y = sigmoide(H @ W2 + b2)
    return H, Y
