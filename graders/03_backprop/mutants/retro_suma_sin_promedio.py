# target: retro_curso, retro_torch, retro_lote
# why: sums the per-example gradients over the batch and forgets the 1/N of the mean
# why_es: suma sobre el lote los gradientes de cada ejemplo y olvida el 1/N del promedio
# %% [retropropagar]
def retropropagar(X, D, W1, b1, W2, b2):
    H, Y = propagar_adelante(X, W1, b1, W2, b2)
    delta2 = (D - Y) * Y * (1 - Y)
    delta1 = (delta2 @ W2.T) * H * (1 - H)
    return -(X.T @ delta1), -delta1.sum(axis=0), -(H.T @ delta2), -delta2.sum(axis=0)
