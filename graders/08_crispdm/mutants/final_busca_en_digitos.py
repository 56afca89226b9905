# target: final_receta, final_90, final_95, final_97
# why: hostile: a forward that looks each image up in scikit-learn's public digits (a table from pixel rows to labels, a dummy parameter for the optimizer); it scored every tier while the held-out images were sent to the worker
# why_es: hostil: un forward que busca cada imagen en los dígitos públicos de scikit-learn (una tabla de filas de píxeles a etiquetas, con un parámetro de relleno para el optimizador); alcanzaba todos los niveles cuando las imágenes reservadas se enviaban al proceso del estudiante
# %% [final]
from sklearn.datasets import load_digits as _digitos_publicos

_D = _digitos_publicos()
_TABLA = {tuple(fila.tolist()): int(t) for fila, t in zip(_D.data, _D.target)}


class Buscador(nn.Module):
    """No aprende nada: busca cada imagen en la copia pública de los dígitos y devuelve su etiqueta."""

    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.zeros(1))  # para que el optimizador tenga algo que mover

    def forward(self, x):
        filas = np.round(x.reshape(len(x), -1).detach().double().numpy() * 16)
        salida = torch.zeros(len(x), 10)
        for i, fila in enumerate(filas):
            salida[i, _TABLA.get(tuple(fila.tolist()), 0)] = 1.0
        return salida + 0 * self.w


def modelo_final():
    return Buscador()


def receta_final():
    return {"optimizador": "sgd", "lr": 0.0, "tam_lote": 256}
