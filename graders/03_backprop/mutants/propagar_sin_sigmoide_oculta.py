# target: propagar_curso, propagar_torch
# why: forgets the activation of the hidden layer (returns the pre-activation X @ W1 + b1 as H)
# why_es: olvida la activación de la capa oculta (devuelve la preactivación X @ W1 + b1 como H)
# %% [propagar_adelante]
def propagar_adelante(X, W1, b1, W2, b2):
    H = X @ W1 + b1
    Y = sigmoide(H @ W2 + b2)
    return H, Y
