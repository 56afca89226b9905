"""Small files in the real formats of the CRISP-DM cases: IDX (A Fashion-MNIST, B MNIST) and CIFAR-10 batches (C).

The data sets themselves cannot be downloaded here; these files have their formats exactly (IDX headers and
magic numbers, plain or gzip; CIFAR's python pickles with rows stored channel by channel) and learnable
content: each class is a bright block in a place of its own over dim noise, so a pipeline that scrambles its
images or mismatches its labels shows it in the accuracy.
"""

from __future__ import annotations

import gzip
import pickle
import struct
from pathlib import Path

import numpy as np

from dlgrader.content import datasets

CLASSES = 10


def idx_bytes(array: np.ndarray, magic: int) -> bytes:
    """An IDX file's bytes: magic number, one big-endian size per dimension, then the uint8 data."""
    return struct.pack(">I", magic) + struct.pack(f">{array.ndim}I", *array.shape) + array.astype(np.uint8).tobytes()


def write_bytes(path: Path, data: bytes, gz: bool) -> None:
    if gz:
        with gzip.open(f"{path}.gz", "wb") as f:
            f.write(data)
    else:
        path.write_bytes(data)


def cifar_batch(path: Path, images_hwc: np.ndarray, labels: list[int]) -> None:
    """A CIFAR-10 python batch: rows of 3072 bytes stored channel by channel (all red, green, blue)."""
    rows = images_hwc.transpose(0, 3, 1, 2).reshape(len(images_hwc), -1)
    with open(path, "wb") as f:
        pickle.dump({b"data": rows, b"labels": labels, b"batch_label": b"x"}, f)


def class_images(rng: np.random.Generator, n: int, shape: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    """``n`` uint8 images of ``shape`` ((side, side) or (side, side, 3)) and their labels, every class present."""
    y = rng.permutation(np.arange(n) % CLASSES).astype(np.uint8)
    X = rng.integers(0, 60, size=(n, *shape), dtype=np.uint8)
    block = shape[0] // 5
    for i, c in enumerate(y):
        top, left = block * (1 + 2 * (c // 5)), block * (c % 5)
        X[i, top:top + block, left:left + block] = 200 + rng.integers(0, 56, dtype=np.uint8)
    return X, y


def write_idx_case(folder: Path, *, gz: bool, n_train: int = 60, n_test: int = 20, seed: int = 0,
                   images=None) -> dict:
    """The four IDX files of Fashion-MNIST or MNIST (same names for both) in ``folder``; returns the arrays.

    ``images(rng, n)`` draws (X, y); by default learnable 28x28 classes.
    """
    rng = np.random.default_rng(seed)
    draw = images or (lambda r, n: class_images(r, n, (28, 28)))
    arrays = {}
    for part, n in (("train", n_train), ("test", n_test)):
        X, y = draw(rng, n)
        images_name, labels_name = datasets.IDX_FILES[part]
        write_bytes(folder / images_name, idx_bytes(X, datasets.IDX_IMAGES_MAGIC), gz)
        write_bytes(folder / labels_name, idx_bytes(y, datasets.IDX_LABELS_MAGIC), gz)
        arrays[part] = (X, y)
    return arrays


def write_cifar_case(folder: Path, *, per_batch: int = 12, seed: int = 1, images=None) -> dict:
    """CIFAR-10's five training batches and its test batch in ``folder``; returns {name: (X, labels)}."""
    rng = np.random.default_rng(seed)
    draw = images or (lambda r, n: class_images(r, n, (32, 32, 3)))
    batches = {}
    for name in (*datasets.CIFAR_TRAIN, datasets.CIFAR_TEST):
        X, y = draw(rng, per_batch)
        labels = [int(v) for v in y]
        cifar_batch(folder / name, X, labels)
        batches[name] = (X, labels)
    return batches


def write_case(caso: str, folder: Path) -> Path:
    """Small files of case A (IDX, gzip), B (IDX, plain) or C (CIFAR batches) in a folder of their own."""
    folder.mkdir(parents=True, exist_ok=True)
    if caso == "A":
        write_idx_case(folder, gz=True, seed=10)
    elif caso == "B":
        write_idx_case(folder, gz=False, seed=20)
    elif caso == "C":
        write_cifar_case(folder, seed=30)
    else:
        raise ValueError(caso)
    return folder
