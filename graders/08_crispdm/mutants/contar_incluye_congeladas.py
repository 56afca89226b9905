# target: contar_congeladas
# why: counts every parameter, also those of frozen layers (requires_grad = False)
# why_es: cuenta todos los parámetros, también los de capas congeladas (requires_grad = False)
# %% [contar_parametros]
def contar_parametros(modelo):
    return sum(p.numel() for p in modelo.parameters())
