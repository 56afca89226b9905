"""Per-student variants of a quiz: same questions, different numbers, so answers cannot be copied.

A variant is drawn deterministically from ``(assignment id, student id)``: the sha256 of
``"assignment:user"`` seeds ``numpy.random.default_rng``, so the same student always gets the same
numbers (on their laptop, in the notebook and in the grader) and two students almost never get the
same ones. Variant 0 (``user`` None or blank) holds the course's own numbers, the ones the public
checks use. This module only draws the *questions*; it never computes an answer.

    >>> v = variante("09_prueba_unidad1", "ana_perez")
    >>> v["iteraciones"]["n"], v["iteraciones"]["lotes"]     # doctest: +SKIP
    (41500, [1, 32, 1024])
    >>> mostrar_preguntas(v)                                 # prints the statements  # doctest: +SKIP

Every value is plain data (int, float, str, lists of those): a variant can be printed, compared and
sent across the sandbox boundary as it is. What notebooks call and read is in Spanish, as the notebooks
are (``variante``, ``mostrar_preguntas``, a variant's keys); the rest is in English.
"""

from __future__ import annotations

import hashlib

import numpy as np

from ..text import Text, check_lang

__all__ = ["variante", "normalize_user", "statements", "mostrar_preguntas", "GATES", "NORMALISE_CHOICES"]

# Truth tables on the inputs (x1, x2) = (0, 0), (0, 1), (1, 0), (1, 1).
GATES: dict[str, list[int]] = {
    "AND": [0, 0, 0, 1], "OR": [0, 1, 1, 1], "NAND": [1, 1, 1, 0], "NOR": [1, 0, 0, 0],
    "XOR": [0, 1, 1, 0], "XNOR": [1, 0, 0, 1],
}

# The choices of the question on normalisation, by key; the order is drawn per variant.
NORMALISE_CHOICES: dict[str, Text] = {
    "escala": Text("Los atributos con valores grandes dominan las sumas w·x y los gradientes: el descenso del "
                   "gradiente avanza en zigzag, necesita una tasa de aprendizaje pequeña y converge lento o se "
                   "vuelve inestable.",
                   "Features with large values dominate the sums w·x and the gradients: gradient descent zigzags, "
                   "needs a small learning rate and converges slowly or becomes unstable."),
    "nada": Text("Ninguno: los pesos compensan la escala de cada atributo, así que el entrenamiento es igual de "
                 "rápido y estable.",
                 "None: the weights compensate for each feature's scale, so training is just as fast and stable."),
    "parametros": Text("La red necesita más parámetros (pesos y sesgos) para representar los datos sin normalizar.",
                       "The network needs more parameters (weights and biases) to represent unnormalised data."),
    "lineal": Text("Los datos dejan de ser linealmente separables, como XOR, y ninguna red puede clasificarlos.",
                   "The data stop being linearly separable, like XOR, and no network can classify them."),
}
LETTERS = ["a", "b", "c", "d"]

_COURSE = {  # variant 0: the numbers of the slides
    "producto": {"A": [[2, 5, 2], [1, 0, -2], [3, 1, 1]], "B": [[-2, 1, 0], [-2, 2, 1], [0, 0, 3]]},
    "parametros": {"capas": [3072, 256, 128, 96, 64, 48, 32, 16, 10]},
    "iteraciones": {"n": 60000, "lotes": [1, 64, 2048]},
    "convolucion": {"alto": 7, "ancho": 7, "kernel": 3, "stride": 1, "padding": 0},
    "compuertas": {"nombres": ["AND", "OR", "XOR"]},
    "normalizar": {"opciones": ["escala", "nada", "parametros", "lineal"]},
    "epocas": {"n": 60000, "lote": 64, "epocas": 5},
    "minmax": {"x": [5.1, 4.9, 4.7, 4.6, 5.0]},
}


def normalize_user(user: str | None) -> str:
    """The id a variant is drawn from: surrounding blanks and letter case do not matter ("" is variant 0)."""
    return "" if user is None else str(user).strip().lower()


def _rng(assignment_id: str, user: str) -> np.random.Generator:
    digest = hashlib.sha256(f"{assignment_id}:{user}".encode("utf-8")).digest()
    return np.random.default_rng(int.from_bytes(digest[:16], "big"))


def _pick(rng: np.random.Generator, options) -> int:
    return int(options[int(rng.integers(len(options)))])


def variante(assignment_id: str, user: str | None = None) -> dict:
    """The parameters of every question for one student (deterministic; variant 0 when ``user`` is blank).

    Args:
        assignment_id: the quiz's assignment id (part of the seed, so two quizzes give different numbers).
        user: the student's gradebook id; None or "" gives the course's own numbers.

    Returns:
        {"usuario": str, "producto": {"A", "B"}, "parametros": {"capas"}, "iteraciones": {"n", "lotes"},
         "convolucion": {"alto", "ancho", "kernel", "stride", "padding"}, "compuertas": {"nombres"},
         "normalizar": {"opciones"}, "epocas": {"n", "lote", "epocas"}, "minmax": {"x"}}, plain data only.
    """
    user = normalize_user(user)
    if not user:
        out = {k: {kk: (list(map(list, vv)) if kk in ("A", "B") else (list(vv) if isinstance(vv, list) else vv))
                   for kk, vv in v.items()} for k, v in _COURSE.items()}
        return {"usuario": "", **out}
    rng = _rng(assignment_id, user)

    m, n, p = (int(rng.integers(2, 5)) for _ in range(3))
    A = rng.integers(-5, 6, size=(m, n)).tolist()
    B = rng.integers(-5, 6, size=(n, p)).tolist()

    hidden = sorted(rng.choice([512, 384, 256, 200, 128, 100, 96, 64, 48, 32, 16],
                               size=int(rng.integers(2, 5)), replace=False).tolist(), reverse=True)
    layers = [_pick(rng, [784, 1024, 3072, 4096])] + [int(h) for h in hidden] + [_pick(rng, [2, 3, 5, 10, 26])]

    while True:  # sizes that do not divide the data set, so that a partial last batch exists
        examples = int(rng.integers(40, 161)) * 500
        batches = [1, _pick(rng, [16, 32, 50, 64, 100, 128]), _pick(rng, [256, 500, 512, 1000, 1024, 2048, 4096])]
        if examples % batches[1] and examples % batches[2]:
            break

    while True:
        conv = {"alto": int(rng.integers(6, 33)), "ancho": int(rng.integers(6, 33)), "kernel": _pick(rng, [2, 3, 5]),
                "stride": _pick(rng, [1, 2]), "padding": _pick(rng, [1, 2])}
        if conv["kernel"] <= min(conv["alto"], conv["ancho"]):
            break

    linear = ["AND", "OR", "NAND", "NOR"]
    nonlinear = ["XOR", "XNOR"]
    k = int(rng.integers(1, 3))
    gates = rng.choice(nonlinear, size=k, replace=False).tolist() + \
        rng.choice(linear, size=4 - k, replace=False).tolist()
    gates = [str(g) for g in rng.permutation(gates)]

    choices = [str(o) for o in rng.permutation(list(NORMALISE_CHOICES))]

    while True:
        epochs = {"n": int(rng.integers(10, 71)) * 1000, "lote": _pick(rng, [32, 64, 100, 128, 256]),
                  "epocas": int(rng.integers(2, 21))}
        if epochs["n"] % epochs["lote"]:
            break

    while True:
        x = rng.integers(-20, 51, size=5)
        if len(set(x.tolist())) == 5:
            break
    return {"usuario": user, "producto": {"A": A, "B": B}, "parametros": {"capas": layers},
            "iteraciones": {"n": examples, "lotes": batches}, "convolucion": conv, "compuertas": {"nombres": gates},
            "normalizar": {"opciones": choices}, "epocas": epochs, "minmax": {"x": [float(v) for v in x]}}


def _matrix(M: list) -> str:
    return "[" + ", ".join("[" + ", ".join(f"{v:g}" for v in row) + "]" for row in M) + "]"


def _truth_table(gate: str) -> str:
    return " ".join(f"{a}{b}→{y}" for (a, b), y in zip([(0, 0), (0, 1), (1, 0), (1, 1)], GATES[gate]))


def statements(v: dict, lang: str = "es") -> list[str]:
    """The statement of each question (1 to 8) with this variant's numbers, in Spanish ("es") or English ("en")."""
    check_lang(lang)
    pr, pa, it, cv = v["producto"], v["parametros"], v["iteraciones"], v["convolucion"]
    co, no, ep, mm = v["compuertas"], v["normalizar"], v["epocas"], v["minmax"]
    layers = " → ".join(str(c) for c in pa["capas"])
    gates = "; ".join(f"{g} ({_truth_table(g)})" for g in co["nombres"])
    choices = " ".join(f"({letter}) {NORMALISE_CHOICES[key](lang)}" for letter, key in zip(LETTERS, no["opciones"]))
    x = ", ".join(f"{val:g}" for val in mm["x"])
    return [s(lang) for s in (
        Text(f"1. Calcula el producto matricial A·B con A = {_matrix(pr['A'])} y B = {_matrix(pr['B'])}.",
             f"1. Compute the matrix product A·B with A = {_matrix(pr['A'])} and B = {_matrix(pr['B'])}."),
        Text(f"2. Una red densa (Dense) tiene capas de tamaños {layers} (entrada → ocultas → salida). "
             "¿Cuántos parámetros entrenables (pesos y sesgos) tiene en total?",
             f"2. A dense network has layers of sizes {layers} (input → hidden → output). "
             "How many trainable parameters (weights and biases) does it have in total?"),
        Text(f"3. Con {it['n']} ejemplos de entrenamiento, ¿cuántas iteraciones tiene una época con batch_size = "
             f"{it['lotes'][0]}, {it['lotes'][1]} y {it['lotes'][2]}? (una lista de tres enteros, en ese orden)",
             f"3. With {it['n']} training examples, how many iterations does one epoch take with batch_size = "
             f"{it['lotes'][0]}, {it['lotes'][1]} and {it['lotes'][2]}? (a list of three integers, in that order)"),
        Text(f"4. Una imagen de {cv['alto']}×{cv['ancho']} (alto × ancho) se convoluciona con un kernel de "
             f"{cv['kernel']}×{cv['kernel']}, stride {cv['stride']} y padding {cv['padding']}. "
             "¿Qué tamaño (alto, ancho) tiene la salida?",
             f"4. A {cv['alto']}×{cv['ancho']} image (height × width) is convolved with a "
             f"{cv['kernel']}×{cv['kernel']} kernel, stride {cv['stride']} and padding {cv['padding']}. "
             "What size (height, width) is the output?"),
        Text(f"5. ¿Cuáles de estas compuertas puede aprender un solo perceptrón? {gates}.",
             f"5. Which of these gates can a single perceptron learn? {gates}."),
        Text(f"6. ¿Qué efecto tiene no normalizar los datos? {choices}",
             f"6. What is the effect of not normalising the data? {choices}"),
        Text(f"7. Se entrena con fit(X, Y, epochs={ep['epocas']}, batch_size={ep['lote']}) sobre {ep['n']} "
             "ejemplos. ¿Cuántas iteraciones (actualizaciones de los parámetros) hace el entrenamiento completo?",
             f"7. A model is trained with fit(X, Y, epochs={ep['epocas']}, batch_size={ep['lote']}) on {ep['n']} "
             "examples. How many iterations (parameter updates) does the whole training take?"),
        Text(f"8. Normaliza con mín-máx el atributo x = [{x}] (cada valor queda en [0, 1]).",
             f"8. Min-max normalise the feature x = [{x}] (each value ends up in [0, 1])."),
    )]


def mostrar_preguntas(v: dict, lang: str | None = None) -> None:
    """Print the statements of a variant (from ``variante``): in one language, or Spanish then English when None."""
    who = v.get("usuario") or ""
    if lang is None:
        print(f"Preguntas de «{who}» / Questions of «{who}»" if who else
              "USUARIO está vacío: estos son los números del curso (variante 0). Escribe tu usuario y vuelve a "
              "ejecutar.\nUSUARIO is empty: these are the course's numbers (variant 0). Type your id and run "
              "again.")
        for es, en in zip(statements(v, "es"), statements(v, "en")):
            print(f"\n{es}\n   [EN] {en[3:]}")
        return
    print(Text(f"Preguntas de «{who}»", f"Questions of «{who}»")(lang))
    for line in statements(v, lang):
        print(f"\n{line}")
