# target: final_receta, final_90, final_95, final_97
# why: asks for an optimizer the recipe does not allow ('rmsprop'): the corrector can only create SGD or Adam
# why_es: pide un optimizador que la receta no permite ('rmsprop'): el corrector solo puede crear SGD o Adam
# %% [final]
def modelo_final():
    """CNN para los dígitos de 8x8: Conv2d(1, 32, 3, padding=1), ReLU, MaxPool2d(2), Flatten y Linear(32·4·4, 10)."""
    return nn.Sequential(nn.Conv2d(1, 32, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(32 * 4 * 4, 10))


def receta_final():
    """Optimizador, tasa de aprendizaje y tamaño de lote con que el corrector entrena modelo_final()."""
    return {"optimizador": "rmsprop", "lr": 0.01, "tam_lote": 32}
