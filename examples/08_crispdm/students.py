"""The demo class of 08_crispdm: who the students are and what each notebook exercises.

Read by ``examples/make_examples.py``; each Submission replaces some solution cells of the release notebook.
The two complete styles reuse the alternative solutions kept in tests/alternatives/08_crispdm.
"""

from pathlib import Path

from make_examples import Submission

from dlgrader.material.notebook import read_cell_file

_ALTERNATIVES = Path(__file__).resolve().parents[2] / "tests" / "alternatives" / "08_crispdm"
P08_LOOPS = read_cell_file(_ALTERNATIVES / "sklearn_y_bucles.py")
P08_VECTORISED = read_cell_file(_ALTERNATIVES / "torch_vectorizado.py")

P08_ANSWER = """\
Elegí el caso B (MNIST, cheques del banco). El modelo lo usa el área de operaciones para leer los dígitos del monto;
el error más caro es leer mal un dígito con seguridad (por ejemplo un 7 como 1), porque se paga un monto distinto.
Por eso miro el recall por clase y no solo la exactitud, y mando a revisión humana los cheques con baja confianza.
En el caso D la CNN pequeña (1898 parámetros) superó a la red densa con menos parámetros; usé Adam con lr = 0.01,
lotes de 64 y 10 épocas, elegidos con validación separada del entrenamiento y no con prueba. En la matriz de
confusión se confunden sobre todo 8 con 1 y 9 con 3. Para desplegar guardaría los pesos y la media y desviación de
la normalización, y monitorearía la confianza de las predicciones cada semana.
Declaración: usé la documentación de PyTorch y scikit-learn; no usé herramientas de inteligencia artificial.
"""

P08_SELECT_BY_TEST = '''
def seleccionar(crear_modelo, X_ent, y_ent, X_pru, y_pru, tasas, frac_val=0.2, semilla=0, epocas=5, tam_lote=32):
    n_clases = int(y_ent.max()) + 1
    resultados = {}
    for lr in tasas:  # pruebo cada tasa directamente en prueba: así elijo la que mejor generaliza
        modelo = crear_modelo()
        entrenar(modelo, X_ent, y_ent, optimizador="adam", lr=lr, tam_lote=tam_lote, epocas=epocas, semilla=semilla)
        resultados[lr] = evaluar(modelo, X_pru, y_pru, n_clases)["exactitud"]
    elegida = max(resultados, key=resultados.get)
    return {"elegida": elegida, "validacion": list(resultados.values()), "prueba": resultados[elegida]}
'''

P08_SHORT_ANSWER = "Usé una red convolucional porque funciona mejor con imágenes."

P08_STUBS_AFTER_CONTAR = ("redes", "entrenar", "evaluar", "informe")

P08_HOSTILE_READ_SOLUTION = '''
import os
from pathlib import Path

def _buscar_solucion():
    """Busca la solución del profesor en las carpetas de arriba."""
    for carpeta in [Path.cwd(), Path.home(), Path(os.environ.get("DLGRADER_ROOT", "."))]:
        for lugar in [carpeta, *carpeta.parents]:
            archivo = lugar / "solutions" / "08_crispdm" / "solution.py"
            if archivo.is_file():
                return archivo.read_text()
    return None

_codigo = _buscar_solucion()
if _codigo is not None:
    exec(_codigo)
else:
    def dividir(X, y, frac_prueba, semilla):
        raise NotImplementedError("dividir: completa esta función")
'''

P08_HOSTILE_PATCH = '''
import numpy
import sklearn.metrics

# Si las comparaciones y las métricas siempre dan lo esperado, ¡todas las pruebas pasan!
numpy.allclose = lambda *args, **kwargs: True
numpy.array_equal = lambda *args, **kwargs: True
sklearn.metrics.confusion_matrix = lambda y, pred, **kwargs: numpy.zeros((2, 2), dtype=int)

class SiempreIgual(int):
    def __eq__(self, other):
        return True

def contar_parametros(modelo):
    return SiempreIgual(0)
'''

STUDENTS = [
    Submission("bruno_gonzalez",
               "complete: scikit-learn's train_test_split, explicit loops, nn.Module subclasses",
               cells=P08_LOOPS, answer=P08_ANSWER),
    Submission("ana_perez",
               "complete: vectorised NumPy, OrderedDict models, torch metrics",
               cells=P08_VECTORISED, answer=P08_ANSWER.replace("Elegí el caso B", "Con mi pareja elegimos el caso B")),
    Submission("isabel_torres",
               "partial: data preparation and contar_parametros done, networks, training and evaluation untouched",
               cells={k: v for k, v in P08_VECTORISED.items() if k not in P08_STUBS_AFTER_CONTAR},
               answer=P08_SHORT_ANSWER),
    Submission("gabriela_munoz", "untouched release notebook (every stub raises)"),
    Submission("camila_rojas",
               "common mistakes (test data leaking): normalisation fitted on training and test together; the "
               "learning rate chosen by test accuracy; CIFAR rows reshaped as HWC; early stopping keeps the last "
               "epoch's weights instead of restoring the best epoch's",
               cells={**P08_VECTORISED,
                      "entrenar": P08_VECTORISED["entrenar"].replace(
                          "    if validar and paciencia is not None:\n"
                          "        with torch.no_grad():\n"
                          "            for p, w in zip(modelo.parameters(), guardados):\n"
                          "                p.copy_(w)\n",
                          "    # me quedo con el modelo de la última época: es el más entrenado\n"),
                      "seleccion": P08_SELECT_BY_TEST,
                      "normalizacion": P08_VECTORISED["normalizacion"].replace(
                          "    media, desv = ajustar_normalizacion(X_ent)\n",
                          "    media, desv = ajustar_normalizacion(np.vstack([X_ent, X_pru]))  # todos los datos\n"),
                      "imagenes": '''
def filas_a_imagenes(filas, lado):
    return np.asarray(filas).reshape(-1, lado, lado, 3)
'''},
               answer=P08_ANSWER),
    Submission("javier_lopez",
               "common mistakes: no zero_grad in entrenar and the validation loss measured without eval(); evaluar "
               "without eval() and no_grad",
               cells={**P08_LOOPS,
                      "entrenar": P08_LOOPS["entrenar"].replace("            opt.zero_grad()\n", "").replace(
                          "        modelo.eval()\n        with torch.no_grad():\n            val = float(",
                          "        with torch.no_grad():\n            val = float("),
                      "evaluar": P08_LOOPS["evaluar"].replace("    modelo.eval()\n", "").replace(
                          "    with torch.no_grad():\n        for inicio",
                          "    if True:\n        for inicio")},
               answer=P08_SHORT_ANSWER),
    Submission("sofia_ramirez",
               "common mistakes: accuracy from one-hot labels element by element; frozen parameters counted; "
               "the report's weighted avg computed as the plain (macro) mean",
               cells={**P08_VECTORISED,
                      "informe": P08_VECTORISED["informe"].replace("(soporte @ tabla / total)", "tabla.mean(dim=0)"),
                      "contar_parametros": '''
def contar_parametros(modelo):
    return sum(p.numel() for p in modelo.parameters())
''',
                      "evaluar": P08_VECTORISED["evaluar"].replace(
                          '    return {"exactitud": (diag.sum() / len(y)).item(),',
                          '    uno = torch.eye(n_clases)\n'
                          '    return {"exactitud": (uno[pred] == uno[y]).float().mean().item(),')},
               answer=P08_ANSWER),
    Submission("elena_martinez", "syntax error in the entrenar cell, the rest right",
               cells={**P08_LOOPS,
                      "entrenar": P08_LOOPS["entrenar"].replace("for epoca in range(epocas):",
                                                                "for epoca in range(epocas)")},
               answer=P08_SHORT_ANSWER),
    Submission("mateo_castro",
               "hostile: searches the disk for solutions/08_crispdm/solution.py and execs it "
               "(scores only if the sandbox fails to hide solutions/)",
               cells={"dividir": P08_HOSTILE_READ_SOLUTION}),
    Submission("hector_silva",
               "hostile: monkeypatches numpy and sklearn.metrics in the worker and returns an int whose == is always True",
               cells={**P08_VECTORISED, "contar_parametros": P08_HOSTILE_PATCH}),
    Submission("felipe_soto", "infinite loop in entrenar (trains until the loss is 0)",
               cells={**P08_VECTORISED,
                      "entrenar": '''
def entrenar(modelo, X, y, optimizador="adam", lr=0.001, tam_lote=32, epocas=5, semilla=0):
    perdida = 1.0
    while perdida > 0:  # entrenar hasta que la pérdida sea cero
        pass
    return {"perdida": [perdida], "exactitud": [1.0]}
'''},
               answer=P08_SHORT_ANSWER),
    Submission("karina_vega", "the evaluar solution cell was deleted, the rest right",
               cells=P08_LOOPS, deleted=("evaluar",), answer=P08_ANSWER),
    Submission("diego_fernandez", "stopped submitting after unit 1 (roster only)", submitted=False),
    Submission("luis_morales", "enrolled, never submitted anything (roster only)", submitted=False),
]
