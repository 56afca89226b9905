# target: contar_curso, contar_capas
# why: counts only the weight matrices and kernels (parameters with more than one dimension), forgetting the biases
# why_es: cuenta solo las matrices de pesos y los kernels (parámetros de más de una dimensión) y olvida los sesgos
# %% [contar_parametros]
def contar_parametros(modelo):
    return sum(p.numel() for p in modelo.parameters() if p.requires_grad and p.dim() > 1)
