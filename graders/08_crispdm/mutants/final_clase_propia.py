# target: final_receta, final_90, final_95, final_97
# why: the right CNN written as an nn.Module subclass with its own forward: the grader builds the network from a list of layers and does not run a forward of the student's
# why_es: la CNN correcta escrita como subclase de nn.Module con su propio forward: el corrector construye la red a partir de una lista de capas y no ejecuta un forward del estudiante
# %% [final]
class RedFinal(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 32, kernel_size=3, padding=1)
        self.salida = nn.Linear(32 * 4 * 4, 10)

    def forward(self, x):
        return self.salida(torch.flatten(torch.max_pool2d(torch.relu(self.conv(x)), 2), 1))


def modelo_final():
    return RedFinal()


def receta_final():
    return {"optimizador": "adam", "lr": 0.01, "tam_lote": 32}
