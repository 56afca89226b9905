# target: tasa_ejemplos, tasa_formulas, tasa_inicio_monotona
# why: counts epochs from 1 inside the schedule, so the first epoch already uses a decayed rate
# why_es: cuenta las épocas desde 1 dentro del calendario, así la primera época ya usa una tasa reducida
# %% [tasa_aprendizaje]
def tasa_aprendizaje(lr0, epoca, decaimiento=None):
    if decaimiento is None:
        return float(lr0)
    e = epoca + 1
    if decaimiento["tipo"] == "tiempo":
        return lr0 / (1.0 + decaimiento["k"] * e)
    if decaimiento["tipo"] == "escalon":
        return lr0 * decaimiento["factor"] ** (e // decaimiento["paso"])
    return lr0 * np.exp(-decaimiento["k"] * e)
