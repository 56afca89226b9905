"""The reference pipeline of 08_crispdm on each CRISP-DM case whose data is present; prints figures, not a test.

    python benchmarks/bench_crispdm.py [--data DIR] [--epochs 2] [--threads 1] [--limit N]

Case D (scikit-learn's 8x8 digits) always runs: the reference's modelo_final() and receta_final(), trained the way
the notebook's locked cell trains them (pixels / 16, one epoch at a time) on a stratified 80 % (the reference's
dividir, seed 0) and measured once on the other 20 %. The issue asks for at least 97 % test accuracy in under 60 s
on 2 CPU cores. Cases A (Fashion-MNIST), B (MNIST) and C (CIFAR-10) run when their files are in --data DIR or in
$DLGRADER_DATA (read by dlgrader.datasets, nothing is downloaded): the reference's normalizar_particiones, red_cnn,
entrenar and evaluar on the official training / test split. For a missing case it prints which files are missing.
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
from dlgrader.grading.runner import load_reference  # noqa: E402

ISSUE_TARGET = (0.97, 60.0)  # digits: accuracy and seconds


def case_digits(ref, epochs: int) -> tuple[float, float, str]:
    """The final model and recipe, trained like the notebook's locked cell; accuracy on a held-out 20 %."""
    X, y = datasets.load("digits")
    X_ent, X_pru, y_ent, y_pru = ref.dividir(X, y, 0.2, 0)
    t0 = time.perf_counter()
    torch.manual_seed(0)
    modelo = ref.modelo_final()
    receta = ref.receta_final()
    opt = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam}[receta["optimizador"]](modelo.parameters(), lr=receta["lr"])
    imagenes = lambda Z: torch.as_tensor(Z / 16.0, dtype=torch.float32).reshape(-1, 1, 8, 8)  # noqa: E731
    Xt, yt = imagenes(X_ent), torch.as_tensor(y_ent, dtype=torch.long)
    generador = torch.Generator().manual_seed(0)
    perdida_fn = torch.nn.CrossEntropyLoss()
    for _ in range(epochs):
        modelo.train()
        orden = torch.randperm(len(yt), generator=generador)
        for inicio in range(0, len(yt), receta["tam_lote"]):
            idx = orden[inicio:inicio + receta["tam_lote"]]
            opt.zero_grad()
            perdida_fn(modelo(Xt[idx]), yt[idx]).backward()
            opt.step()
    seconds = time.perf_counter() - t0
    acc = ref.evaluar(modelo, imagenes(X_pru), y_pru, 10)["exactitud"]
    return acc, seconds, f"modelo_final() + receta_final(), {epochs} epochs, {len(y_ent)} / {len(y_pru)} examples"


def case_files(ref, name: str, folder, epochs: int, limit: int | None) -> tuple[float, float, str]:
    """Official split; per-pixel z-score with training statistics; red_cnn; Adam."""
    part = datasets.load(name, folder)
    X_ent, y_ent, X_pru, y_pru = part.X_ent, part.y_ent, part.X_pru, part.y_pru
    if limit:
        X_ent, y_ent = X_ent[:limit], y_ent[:limit]
    t0 = time.perf_counter()
    ent, pru = ref.normalizar_particiones(X_ent.reshape(len(X_ent), -1), X_pru.reshape(len(X_pru), -1))
    if name == "cifar10":  # (N, 32, 32, 3) images -> channels first
        forma = lambda Z: Z.reshape(-1, 32, 32, 3).transpose(0, 3, 1, 2).astype(np.float32)  # noqa: E731
        modelo = ref.red_cnn(canales_entrada=3, canales=(32, 64), n_clases=10, lado=32)
    else:
        forma = lambda Z: Z.reshape(-1, 1, 28, 28).astype(np.float32)  # noqa: E731
        modelo = ref.red_cnn(canales_entrada=1, canales=(16, 32), n_clases=10, lado=28)
    torch.manual_seed(0)
    ref.entrenar(modelo, forma(ent), y_ent, optimizador="adam", lr=0.001, tam_lote=64, epocas=epochs, semilla=0)
    seconds = time.perf_counter() - t0
    acc = ref.evaluar(modelo, forma(pru), y_pru, 10)["exactitud"]
    return acc, seconds, f"red_cnn, Adam 0.001, batches of 64, {epochs} epochs, {len(y_ent)} / {len(y_pru)} examples"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder with the Fashion-MNIST / MNIST / CIFAR-10 files (else $DLGRADER_DATA)")
    parser.add_argument("--epochs", type=int, default=2, help="epochs for cases A, B and C (default 2)")
    parser.add_argument("--digits-epochs", type=int, default=15, help="epochs for case D (default 15)")
    parser.add_argument("--threads", type=int, default=1,
                        help="torch CPU threads (default 1: these tensors are tiny and a second thread only helps "
                             "on an idle machine; the issue's machine has 2 cores)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N training examples of A, B, C")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    ref = load_reference(REPO / "solutions" / "08_crispdm" / "solution.py")
    print(f"08_crispdm: the reference pipeline, torch threads: {args.threads}")
    acc, seconds, what = case_digits(ref, args.digits_epochs)
    ok = acc >= ISSUE_TARGET[0] and seconds < ISSUE_TARGET[1]
    print(f"D digits        test accuracy {acc:.4f}  training {seconds:6.1f} s  ({what})  "
          f"[target ≥ {ISSUE_TARGET[0]:.0%} in < {ISSUE_TARGET[1]:.0f} s: {'met' if ok else 'NOT MET'}]")
    for case, name in (("A", "fashion_mnist"), ("B", "mnist"), ("C", "cifar10")):
        try:
            acc, seconds, what = case_files(ref, name, args.data, args.epochs, args.limit)
        except ConfigError as exc:
            print(f"{case} {name:13s} no data: {exc.text.en}")
            continue
        print(f"{case} {name:13s} test accuracy {acc:.4f}  training {seconds:6.1f} s  ({what})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
