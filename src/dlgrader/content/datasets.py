"""Data sets of the CRISP-DM case (assignment 08), loaded from local files only: nothing is ever downloaded.

Fashion-MNIST and MNIST come as IDX files (``train-images-idx3-ubyte[.gz]`` and friends), CIFAR-10 as its
python batches (``data_batch_1`` … ``data_batch_5``, ``test_batch``). The folder is an argument or the
environment variable ``DLGRADER_DATA``; a missing or damaged file is a :class:`ConfigError` naming the files
and where to download them. ``digits`` (scikit-learn's 8x8 digits) and ``iris`` ship with scikit-learn and
always work offline.

Every loader returns a :class:`Split`: ``X_ent`` and ``X_pru`` as uint8 images (``(N, 28, 28)`` for the
MNIST family, ``(N, 32, 32, 3)`` channels-last for CIFAR-10) or float64 features for ``digits`` and ``iris``,
and ``y_ent`` / ``y_pru`` as int64 labels. Those four names are the notebook's (entrenamiento, prueba), since
students read them; the rest of this module is in English.
"""

from __future__ import annotations

import gzip
import os
import pickle
import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..errors import ConfigError
from ..text import Text

ENV_VAR = "DLGRADER_DATA"
IDX_IMAGES_MAGIC = 2051
IDX_LABELS_MAGIC = 2049
CIFAR_SIDE = 32
CIFAR_ROW = 3 * CIFAR_SIDE * CIFAR_SIDE

SOURCES = {
    "fashion_mnist": "https://github.com/zalandoresearch/fashion-mnist",
    "mnist": "http://yann.lecun.com/exdb/mnist/",
    "cifar10": "https://www.cs.toronto.edu/~kriz/cifar.html (CIFAR-10 python version)",
}
IDX_FILES = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}
CIFAR_TRAIN = tuple(f"data_batch_{i}" for i in range(1, 6))
CIFAR_TEST = "test_batch"

CLASS_NAMES = {
    "fashion_mnist": ("camiseta/top", "pantalón", "suéter", "vestido", "abrigo", "sandalia", "camisa",
                      "zapatilla", "bolso", "botín"),
    "mnist": tuple(str(d) for d in range(10)),
    "digits": tuple(str(d) for d in range(10)),
    "cifar10": ("avión", "automóvil", "pájaro", "gato", "ciervo", "perro", "rana", "caballo", "barco", "camión"),
    "iris": ("Iris-setosa", "Iris-versicolor", "Iris-virginica"),
}


@dataclass(frozen=True)
class Split:
    """A data set already split into training and test parts, as its authors distribute it."""

    name: str
    X_ent: np.ndarray
    y_ent: np.ndarray
    X_pru: np.ndarray
    y_pru: np.ndarray
    classes: tuple[str, ...] = field(default=())


# ------------------------------------------------------------------ folders and errors

def data_dir(folder: str | os.PathLike | None = None, *, env: dict | None = None) -> Path | None:
    """The folder to read from: the argument, else ``$DLGRADER_DATA``, else None."""
    if folder is not None:
        return Path(folder)
    value = (os.environ if env is None else env).get(ENV_VAR)
    return Path(value) if value else None


def _missing(name: str, folder: Path | None, files: list[str]) -> ConfigError:
    listed = ", ".join(files)
    where_es = f"en {folder}" if folder is not None else f"(no se dio carpeta y {ENV_VAR} no está definida)"
    where_en = f"in {folder}" if folder is not None else f"(no folder given and {ENV_VAR} is not set)"
    return ConfigError(Text(
        f"Faltan archivos de {name} {where_es}: {listed}. Descárgalos desde {SOURCES[name]} y pon la carpeta "
        f"como argumento o en la variable de entorno {ENV_VAR}.",
        f"Missing {name} files {where_en}: {listed}. Download them from {SOURCES[name]} and pass the folder "
        f"as an argument or in the environment variable {ENV_VAR}."))


def _corrupt(path: Path, es: str, en: str) -> ConfigError:
    return ConfigError(Text(f"El archivo {path} está dañado o no es del formato esperado: {es}. Vuelve a descargarlo.",
                            f"The file {path} is damaged or not in the expected format: {en}. Download it again."))


def _find(folder: Path | None, base: str) -> Path | None:
    """``base`` or ``base.gz`` inside ``folder``."""
    if folder is None:
        return None
    for candidate in (folder / base, folder / f"{base}.gz"):
        if candidate.is_file():
            return candidate
    return None


# ------------------------------------------------------------------ IDX (MNIST, Fashion-MNIST)

def _read_bytes(path: Path) -> bytes:
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as f:
                return f.read()
        return path.read_bytes()
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise _corrupt(path, f"no se pudo leer ({exc})", f"it could not be read ({exc})") from exc


def read_idx(path: str | os.PathLike, magic: int) -> np.ndarray:
    """One IDX file (plain or gzip) as a uint8 array; ``magic`` is 2051 for images and 2049 for labels.

    Returns (N, rows, cols) for images and (N,) for labels.
    """
    path = Path(path)
    data = _read_bytes(path)
    ndim = 3 if magic == IDX_IMAGES_MAGIC else 1
    header = 4 + 4 * ndim
    if len(data) < header:
        raise _corrupt(path, "es demasiado corto para tener cabecera", "it is too short to hold a header")
    found = struct.unpack(">I", data[:4])[0]
    if found != magic:
        raise _corrupt(path, f"número mágico {found}, se esperaba {magic}", f"magic number {found}, expected {magic}")
    dims = struct.unpack(f">{ndim}I", data[4:header])
    count = int(np.prod(dims))
    if len(data) - header != count:
        raise _corrupt(path, f"la cabecera anuncia {count} bytes de datos y hay {len(data) - header}",
                       f"the header announces {count} data bytes and there are {len(data) - header}")
    return np.frombuffer(data, dtype=np.uint8, offset=header).reshape(dims).copy()


def load_idx_dataset(name: str, folder: str | os.PathLike | None = None) -> Split:
    """Fashion-MNIST or MNIST (``name`` "fashion_mnist" or "mnist") from the four IDX files in ``folder``."""
    if name not in ("fashion_mnist", "mnist"):
        raise ValueError(name)
    where = data_dir(folder)
    paths = {}
    missing = []
    for part, bases in IDX_FILES.items():
        for base in bases:
            found = _find(where, base)
            if found is None:
                missing.append(f"{base}[.gz]")
            paths[base] = found
    if missing:
        raise _missing(name, where, missing)
    arrays = {}
    for part, (images, labels) in IDX_FILES.items():
        X = read_idx(paths[images], IDX_IMAGES_MAGIC)
        y = read_idx(paths[labels], IDX_LABELS_MAGIC).astype(np.int64)
        if len(X) != len(y):
            raise _corrupt(paths[labels], f"tiene {len(y)} etiquetas para {len(X)} imágenes",
                           f"it has {len(y)} labels for {len(X)} images")
        arrays[part] = (X, y)
    return Split(name, *arrays["train"], *arrays["test"], CLASS_NAMES[name])


# ------------------------------------------------------------------ CIFAR-10

def cifar_rows_to_images(rows: np.ndarray) -> np.ndarray:
    """CIFAR-10 rows (N, 3072), each 1024 red, then 1024 green, then 1024 blue values (CHW), as (N, 32, 32, 3)."""
    rows = np.asarray(rows)
    return rows.reshape(len(rows), 3, CIFAR_SIDE, CIFAR_SIDE).transpose(0, 2, 3, 1)


def read_cifar_batch(path: str | os.PathLike) -> tuple[np.ndarray, np.ndarray]:
    """One CIFAR-10 python batch: images (N, 32, 32, 3) uint8 channels-last and labels (N,) int64.

    The batches are pickles written by the data set's authors; only open files you downloaded from them.
    """
    path = Path(path)
    try:
        with open(path, "rb") as f:
            batch = pickle.load(f, encoding="bytes")
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError,
            IndexError, KeyError) as exc:
        raise _corrupt(path, f"no es un pickle legible ({type(exc).__name__})",
                       f"it is not a readable pickle ({type(exc).__name__})") from exc
    if not isinstance(batch, dict) or b"data" not in batch or b"labels" not in batch:
        raise _corrupt(path, 'no tiene las claves b"data" y b"labels"', 'it lacks the keys b"data" and b"labels"')
    data = np.asarray(batch[b"data"])
    labels = np.asarray(batch[b"labels"])
    if data.ndim != 2 or data.shape[1] != CIFAR_ROW or data.dtype != np.uint8:
        raise _corrupt(path, f"data tiene forma {data.shape} y dtype {data.dtype}; se esperaba (N, 3072) uint8",
                       f"data has shape {data.shape} and dtype {data.dtype}; expected (N, 3072) uint8")
    if labels.shape != (len(data),) or labels.dtype.kind not in "iu":
        raise _corrupt(path, f"labels tiene forma {labels.shape}; se esperaban {len(data)} enteros",
                       f"labels has shape {labels.shape}; expected {len(data)} integers")
    return cifar_rows_to_images(data).copy(), labels.astype(np.int64)


def load_cifar10(folder: str | os.PathLike | None = None) -> Split:
    """CIFAR-10 from ``data_batch_1`` … ``data_batch_5`` and ``test_batch`` in ``folder``.

    The folder may be the one the archive unpacks to (``cifar-10-batches-py``) or its parent.
    """
    where = data_dir(folder)
    if where is not None and not (where / CIFAR_TEST).is_file() and (where / "cifar-10-batches-py").is_dir():
        where = where / "cifar-10-batches-py"
    names = [*CIFAR_TRAIN, CIFAR_TEST]
    missing = [n for n in names if where is None or not (where / n).is_file()]
    if missing:
        raise _missing("cifar10", where, missing)
    parts = [read_cifar_batch(where / n) for n in CIFAR_TRAIN]
    X_pru, y_pru = read_cifar_batch(where / CIFAR_TEST)
    X_ent = np.concatenate([p[0] for p in parts])
    y_ent = np.concatenate([p[1] for p in parts])
    return Split("cifar10", X_ent, y_ent, X_pru, y_pru, CLASS_NAMES["cifar10"])


# ------------------------------------------------------------------ embedded (scikit-learn)

def load_digits() -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's 8x8 digits: X (1797, 64) float64 with values 0..16 and y (1797,) int64. Offline."""
    from sklearn.datasets import load_digits as _sk_digits

    data = _sk_digits()
    return data.data.astype(np.float64), data.target.astype(np.int64)


def load_iris() -> tuple[np.ndarray, np.ndarray]:
    """The Iris flowers: X (150, 4) float64 in centimetres and y (150,) int64 (setosa, versicolor, virginica)."""
    from sklearn.datasets import load_iris as _sk_iris

    data = _sk_iris()
    return data.data.astype(np.float64), data.target.astype(np.int64)


LOADERS = ("digits", "iris", "fashion_mnist", "mnist", "cifar10")


def load(name: str = "digits", folder: str | os.PathLike | None = None):
    """Load a data set by name: "digits" and "iris" give (X, y); the others give a Split from files."""
    if name == "digits":
        return load_digits()
    if name == "iris":
        return load_iris()
    if name in ("fashion_mnist", "mnist"):
        return load_idx_dataset(name, folder)
    if name == "cifar10":
        return load_cifar10(folder)
    raise ConfigError(Text(f"Conjunto de datos desconocido {name!r}: usa uno de {', '.join(LOADERS)}.",
                           f"Unknown data set {name!r}: use one of {', '.join(LOADERS)}."))
