# target: contar_curso, contar_capas
# why: counts only the weight matrices and kernels (parameters with more than one dimension), forgetting the biases
# %% [contar_parametros]
def contar_parametros(modelo):
    return sum(p.numel() for p in modelo.parameters() if p.requires_grad and p.dim() > 1)
