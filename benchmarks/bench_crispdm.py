"""The reference pipeline of 08_crispdm on one CRISP-DM case: test accuracy and training time on this CPU.

    python benchmarks/bench_crispdm.py --caso A|B|C|D [--data DIR] [--epochs N] [--limit N] [--threads 1]

D (scikit-learn's 8x8 digits, always present): the reference's modelo_final() and receta_final(), trained the way
the grader trains them (dlgrader.grading.layer_models: pixels / 16, the stated loop, one thread) on a stratified
80 % (the reference's dividir, seed 0) and measured once on the other 20 %. A (Fashion-MNIST), B (MNIST) and C
(CIFAR-10) read their files from --data DIR or $DLGRADER_DATA (dlgrader.content.datasets; nothing is downloaded;
A and B use the same file names, so each case needs a folder of its own) and run what the notebook's
demonstrations run: the official split, images with their channels last, per-pixel z-score with the training
statistics (normalizar_particiones), channels first for red_cnn, whose input channels and side come from the data,
Adam, and evaluar once on the test set. Missing files: the message says which and where to get them (exit code 2).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from dlgrader.content import datasets  # noqa: E402
from dlgrader.errors import ConfigError  # noqa: E402
from dlgrader.grading.layer_models import Training, check_recipe  # noqa: E402
from dlgrader.grading.runner import load_reference  # noqa: E402

CASES = {"A": "fashion_mnist", "B": "mnist", "C": "cifar10", "D": "digits"}


def case_digits(ref, epochs: int) -> tuple[float, float, str]:
    """The final model and recipe, trained as the grader trains them; accuracy on a held-out 20 %."""
    X, y = datasets.load("digits")
    X_ent, X_pru, y_ent, y_pru = ref.dividir(X, y, 0.2, 0)
    warm_up()
    images = lambda Z: (Z / 16.0).reshape(-1, 1, 8, 8)  # noqa: E731
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        model = ref.modelo_final()
    training = Training(model, check_recipe(ref.receta_final()), images(X_ent), y_ent, 0)
    for _ in range(epochs):
        training.epoch(float("inf"))
    acc = float(np.mean(training.predict(images(X_pru)) == y_pru))
    return acc, training.seconds, (f"CPU of one thread, as the grader counts it; modelo_final() + receta_final(), "
                                   f"{epochs} epochs, {len(y_ent)} / {len(y_pru)} examples")


def warm_up() -> None:
    """Load what PyTorch loads lazily (optimizers, convolution kernels: seconds on a busy machine), untimed."""
    model = torch.nn.Sequential(torch.nn.Conv2d(1, 2, 3), torch.nn.Flatten(), torch.nn.Linear(8, 2))
    optimizer = torch.optim.Adam(model.parameters())
    torch.nn.functional.cross_entropy(model(torch.zeros(2, 1, 4, 4)), torch.zeros(2, dtype=torch.long)).backward()
    optimizer.step()


def with_channels(X: np.ndarray) -> np.ndarray:
    """(N, side, side) greyscale -> (N, side, side, 1); colour images already carry their channels last."""
    return X if X.ndim == 4 else X[..., np.newaxis]


def case_files(ref, name: str, folder, epochs: int, limit: int | None) -> tuple[float, float, str]:
    """Official split; per-pixel z-score with training statistics; red_cnn sized from the data; Adam."""
    part = datasets.load(name, folder)
    X_ent, y_ent, X_pru, y_pru = part.X_ent, part.y_ent, part.X_pru, part.y_pru
    if limit:
        X_ent, y_ent = X_ent[:limit], y_ent[:limit]
    warm_up()
    t0, cpu0 = time.perf_counter(), time.process_time()
    ent, pru = ref.normalizar_particiones(with_channels(X_ent), with_channels(X_pru))
    side, _, channels = ent.shape[1:]
    first = lambda Z: Z.transpose(0, 3, 1, 2).astype(np.float32)  # noqa: E731  (N, channels, side, side)
    torch.manual_seed(0)
    model = ref.red_cnn(canales_entrada=channels, canales=(8, 16), n_clases=len(part.classes), lado=side)
    ref.entrenar(model, first(ent), y_ent, optimizador="adam", lr=0.001, tam_lote=64, epocas=epochs, semilla=0)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    acc = ref.evaluar(model, first(pru), y_pru, len(part.classes))["exactitud"]
    return acc, seconds, (f"{cpu:.1f} s of CPU; red_cnn (8, 16) on {channels}x{side}x{side}, Adam 0.001, batches "
                          f"of 64, {epochs} epochs, {len(y_ent)} / {len(y_pru)} examples")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--caso", choices=sorted(CASES), default="D", help="the course's case (default D)")
    parser.add_argument("--data", help="folder with the case's files, A, B or C (else $DLGRADER_DATA)")
    parser.add_argument("--epochs", type=int, default=None, help="epochs (default 15 for D, 2 for A, B, C)")
    parser.add_argument("--threads", type=int, default=1,
                        help="torch CPU threads for A, B, C (default 1; D always trains on one, as the grader)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N training examples of A, B, C")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads if args.caso != "D" else 1)
    ref = load_reference(REPO / "solutions" / "08_crispdm" / "solution.py")
    name = CASES[args.caso]
    try:
        if args.caso == "D":
            acc, seconds, what = case_digits(ref, args.epochs or 15)
        else:
            acc, seconds, what = case_files(ref, name, args.data, args.epochs or 2, args.limit)
    except ConfigError as exc:
        print(f"{args.caso} {name}: no data: {exc.text.en}")
        return 2
    print(f"{args.caso} {name}: test accuracy {acc:.4f}, training {seconds:.1f} s ({what}; torch threads: "
          f"{torch.get_num_threads()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
