# target: tasa_ejemplos, tasa_formulas, tasa_escalon_piso
# why: step decay without the floor: factor ** (epoca / paso) decays smoothly instead of in steps
# why_es: decaimiento escalonado sin piso: factor ** (epoca / paso) decae de forma continua en vez de por escalones
# %% [tasa_aprendizaje]
def tasa_aprendizaje(lr0, epoca, decaimiento=None):
    if decaimiento is None:
        return float(lr0)
    if decaimiento["tipo"] == "tiempo":
        return lr0 / (1.0 + decaimiento["k"] * epoca)
    if decaimiento["tipo"] == "escalon":
        return lr0 * decaimiento["factor"] ** (epoca / decaimiento["paso"])
    return lr0 * np.exp(-decaimiento["k"] * epoca)
