# target: propagar_curso, propagar_torch
# why: multiplies by the transposed weight matrices (x @ W1.T), right only when the matrices are symmetric
# why_es: multiplica por las matrices de pesos transpuestas (x @ W1.T), correcto solo si las matrices son simétricas
# %% [propagar_adelante]
def propagar_adelante(X, W1, b1, W2, b2):
    H = sigmoide(X @ W1.T + b1)
    Y = sigmoide(H @ W2.T + b2)
    return H, Y
