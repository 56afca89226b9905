# target: final_95, final_97
# why: plain SGD with a learning rate sized for Adam (0.01): it learns, but too slowly for the budget
# why_es: SGD simple con una tasa pensada para Adam (0.01): aprende, pero demasiado lento para el presupuesto
# %% [final]
def modelo_final():
    return nn.Sequential(nn.Conv2d(1, 32, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(32 * 4 * 4, 10))


def receta_final():
    return {"optimizador": "sgd", "lr": 0.01, "tam_lote": 32}
