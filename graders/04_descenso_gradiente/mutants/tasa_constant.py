# target: tasa_ejemplos, tasa_formulas, tasa_inicio_monotona, tasa_escalon_piso
# why: ignores the decay and always returns lr0 (passes "starts at lr0" and "never increases" alone)
# why_es: ignora el decaimiento y siempre devuelve lr0 (solo pasa «empieza en lr0» y «nunca aumenta»)
# %% [tasa_aprendizaje]
def tasa_aprendizaje(lr0, epoca, decaimiento=None):
    return float(lr0)
